package io.mspcs.roadmap.service;

import io.mspcs.rest.ProblemException;
import io.mspcs.roadmap.domain.Quarter;
import io.mspcs.roadmap.repository.ClientViewRepository;
import io.mspcs.roadmap.repository.InitiativeEntity;
import io.mspcs.roadmap.repository.InitiativeRepository;
import io.mspcs.roadmap.repository.RoadmapEntity;
import io.mspcs.roadmap.repository.RoadmapRepository;
import io.mspcs.roadmap.repository.RoadmapVersionEntity;
import io.mspcs.roadmap.repository.RoadmapVersionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Reads of roadmaps and initiatives, always within the caller's tenant: another tenant's ids are not found. */
@ApplicationScoped
public class RoadmapReadService {

    private final RoadmapRepository roadmaps;
    private final ClientViewRepository views;
    private final InitiativeRepository initiatives;
    private final RoadmapVersionRepository versions;
    private final Clock clock;
    private final io.mspcs.roadmap.repository.GateViewRepository gates;
    private final io.mspcs.roadmap.repository.RoadmapPolicyRepository policies;

    public RoadmapReadService(RoadmapRepository roadmaps, ClientViewRepository views, InitiativeRepository initiatives,
                              RoadmapVersionRepository versions, Clock clock,
                              io.mspcs.roadmap.repository.GateViewRepository gates,
                              io.mspcs.roadmap.repository.RoadmapPolicyRepository policies) {
        this.policies = policies;
        this.gates = gates;
        this.roadmaps = roadmaps;
        this.views = views;
        this.initiatives = initiatives;
        this.versions = versions;
        this.clock = clock;
    }

    /** A roadmap with all the client's initiatives (roadmap order) and its history (oldest version first). */
    public record RoadmapSnapshot(RoadmapEntity roadmap, Quarter currentQuarter, List<InitiativeEntity> initiatives,
                                  List<RoadmapVersionEntity> history,
                                  List<io.mspcs.roadmap.repository.GateViewEntity> openGates,
                                  io.mspcs.roadmap.domain.RoadmapPolicy policy, java.time.Instant now) {
    }

    @WithTransaction
    public Uni<RoadmapSnapshot> roadmap(UUID tenantId, UUID clientId) {
        return knownRoadmap(tenantId, clientId).chain(roadmap -> views.findByClient(tenantId, clientId)
                .chain(view -> initiatives.ofClient(tenantId, clientId)
                        .chain(items -> versions.history(tenantId, roadmap.id)
                                .chain(history -> gates.openOfClient(tenantId, clientId)
                                        .chain(open -> policies.inForce(tenantId).map(policy -> new RoadmapSnapshot(
                                                roadmap, new ClientRoadmap(view, roadmap)
                                                .currentQuarter(clock.instant()), items, history, open, policy,
                                                clock.instant())))))));
    }

    /** Marks the roadmap reviewed now (clears STALE); no new version, no event. */
    @WithTransaction
    public Uni<RoadmapEntity> markReviewed(UUID tenantId, UUID clientId) {
        return knownRoadmap(tenantId, clientId).invoke(roadmap -> {
            roadmap.lastReviewedAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            roadmap.updatedAt = roadmap.lastReviewedAt;
        });
    }

    @WithTransaction
    public Uni<List<InitiativeEntity>> initiatives(UUID tenantId, UUID clientId, InitiativeRepository.Filter filter,
                                                   UUID after, int limit) {
        return knownRoadmap(tenantId, clientId)
                .chain(() -> initiatives.page(tenantId, clientId, filter, after, limit));
    }

    @WithTransaction
    public Uni<InitiativeEntity> initiative(UUID tenantId, UUID initiativeId) {
        return initiatives.findInTenant(tenantId, initiativeId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Initiative " + initiativeId));
    }

    private Uni<RoadmapEntity> knownRoadmap(UUID tenantId, UUID clientId) {
        return roadmaps.findByClient(tenantId, clientId).onItem().ifNull().failWith(() -> new ProblemException(404,
                "client-not-found", "Client not found", "Client " + clientId + " does not exist", List.of()));
    }
}
