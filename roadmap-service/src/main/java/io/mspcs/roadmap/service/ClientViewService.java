package io.mspcs.roadmap.service;

import io.mspcs.contracts.EventEnvelope;
import io.mspcs.roadmap.domain.FiscalCalendar;
import io.mspcs.roadmap.repository.BudgetEntity;
import io.mspcs.roadmap.repository.BudgetRepository;
import io.mspcs.roadmap.repository.ClientViewEntity;
import io.mspcs.roadmap.repository.ClientViewRepository;
import io.mspcs.roadmap.repository.RoadmapEntity;
import io.mspcs.roadmap.repository.RoadmapRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
    private final Clock clock;
    private final BudgetRepository budgets;

    public ClientViewService(ClientViewRepository views, RoadmapRepository roadmaps, Clock clock,
                             BudgetRepository budgets) {
        this.budgets = budgets;
        this.views = views;
        this.roadmaps = roadmaps;
        this.clock = clock;
    }

    /** ClientRegistered / ClientUpdated: both carry the full snapshot; an older one than applied changes nothing. */
    public Uni<Void> applyRegistry(EventEnvelope event, UUID clientId, String name, String status,
                                   Integer fiscalYearEndMonth, String currency) {
        Instant now = now();
        Instant eventTime = event.time() == null ? now : event.time();
        return lockOrProvision(event.tenantId(), clientId, now)
                .invoke(found -> {
                    ClientViewEntity client = found.client();
                    client.applyRegistry(name, status,
                            fiscalYearEndMonth == null ? FiscalCalendar.DEFAULT_END_MONTH : fiscalYearEndMonth,
                            currency == null ? client.currency : currency, eventTime, now);
                })
                .call(found -> budgetShell(found.client(), now))
                .replaceWithVoid();
    }

    /** roadmap.md §8.2: the budget shell (version 0, no event) of the current fiscal year, once. */
    private Uni<Void> budgetShell(ClientViewEntity client, Instant now) {
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
                        : viewOf(tenantId, clientId, now).chain(view -> {
                            RoadmapEntity empty = RoadmapEntity.empty(tenantId, clientId, now);
                            return roadmaps.persist(empty).map(saved -> new ClientRoadmap(view, saved));
                        }));
    }

    private Uni<ClientViewEntity> viewOf(UUID tenantId, UUID clientId, Instant now) {
        return views.findByClient(tenantId, clientId).chain(view -> view != null ? Uni.createFrom().item(view)
                : views.tenantCurrency(tenantId)
                .map(currency -> ClientViewEntity.provisional(tenantId, clientId,
                        currency == null ? DEFAULT_CURRENCY : currency, now))
                .call(views::persist));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
