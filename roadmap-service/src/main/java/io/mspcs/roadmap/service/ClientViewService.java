package io.mspcs.roadmap.service;

import io.mspcs.roadmap.repository.BudgetEntity;
import io.mspcs.roadmap.repository.BudgetRepository;
import io.mspcs.roadmap.repository.ClientViewEntity;
import io.mspcs.roadmap.repository.ClientViewRepository;
import io.mspcs.roadmap.repository.RoadmapEntity;
import io.mspcs.roadmap.repository.RoadmapPolicyRepository;
import io.mspcs.roadmap.repository.RoadmapRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The client read model (roadmap.md §3.7, §8.2) and each client's roadmap. Handlers run inside the consumer's
 * transaction; any event about a client not seen yet creates a provisional view and the empty roadmap (version 0),
 * which ClientRegistered completes later.
 */
@ApplicationScoped
public class ClientViewService {

    static final String DEFAULT_CURRENCY = "USD";

    private final ClientViewRepository views;
    private final RoadmapRepository roadmaps;
    private final BudgetRepository budgets;
    private final RoadmapPolicyRepository policies;

    public ClientViewService(ClientViewRepository views, RoadmapRepository roadmaps, BudgetRepository budgets,
                             RoadmapPolicyRepository policies) {
        this.budgets = budgets;
        this.views = views;
        this.roadmaps = roadmaps;
        this.policies = policies;
    }

    /** roadmap.md §8.2: the budget shell (version 0, no event) of the current fiscal year, once. */
    Uni<Void> budgetShell(ClientViewEntity client, Instant now) {
        int fiscalYear = client.fiscalCalendar().quarterOf(LocalDate.ofInstant(now, ClientRoadmap.TENANT_ZONE))
                .fiscalYear();
        return budgets.find(client.tenantId, client.clientId, fiscalYear).chain(existing -> existing != null
                ? Uni.createFrom().voidItem()
                : budgets.persist(BudgetEntity.shell(client.tenantId, client.clientId, fiscalYear, client.currency,
                now)).replaceWithVoid());
    }

    /**
     * The client's roadmap, locked until the transaction ends so that handlers of different topics work on one
     * client one after the other. Two first sightings at once collide on the unique key; the loser is retried.
     */
    public Uni<ClientRoadmap> lockOrProvision(UUID tenantId, UUID clientId, Instant now) {
        return roadmaps.lockByClient(tenantId, clientId)
                .chain(roadmap -> roadmap != null
                        ? viewOf(tenantId, clientId, now).map(view -> new ClientRoadmap(view, roadmap))
                        : viewOf(tenantId, clientId, now).chain(view -> policies.inForce(tenantId).chain(policy -> {
                            // unsegmented until SegmentAssigned: the policy's calibration for that (roadmap.md §2)
                            RoadmapEntity empty = RoadmapEntity.empty(tenantId, clientId, now);
                            var calibration = SegmentService.calibration(policy, null);
                            empty.horizonQuarters = (short) calibration.horizonQuarters();
                            empty.freshnessDays = (short) calibration.freshnessDays();
                            return roadmaps.persist(empty).map(saved -> new ClientRoadmap(view, saved));
                        })));
    }

    private Uni<ClientViewEntity> viewOf(UUID tenantId, UUID clientId, Instant now) {
        return views.findByClient(tenantId, clientId).chain(view -> view != null ? Uni.createFrom().item(view)
                : views.tenantCurrency(tenantId)
                .map(currency -> ClientViewEntity.provisional(tenantId, clientId,
                        currency == null ? DEFAULT_CURRENCY : currency, now))
                .call(views::persist));
    }

}
