package io.mspcs.roadmap.service;

import io.mspcs.rest.ProblemException;
import io.mspcs.roadmap.repository.BudgetLineRepository;
import io.mspcs.roadmap.repository.ClientViewRepository;
import io.mspcs.roadmap.repository.GateViewRepository;
import io.mspcs.roadmap.repository.InitiativeRepository;
import io.mspcs.roadmap.repository.RoadmapPolicyRepository;
import io.mspcs.roadmap.repository.RoadmapRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Loads a {@link ClientState} inside the caller's transaction, the roadmap row locked first. */
@ApplicationScoped
public class ClientStates {

    private final RoadmapRepository roadmaps;
    private final ClientViewRepository views;
    private final InitiativeRepository initiatives;
    private final GateViewRepository gates;
    private final ClientViewService clients;
    private final BudgetLineRepository lines;
    private final RoadmapPolicyRepository policies;

    public ClientStates(RoadmapRepository roadmaps, ClientViewRepository views, InitiativeRepository initiatives,
                        GateViewRepository gates, ClientViewService clients, BudgetLineRepository lines,
                        RoadmapPolicyRepository policies) {
        this.lines = lines;
        this.policies = policies;
        this.roadmaps = roadmaps;
        this.views = views;
        this.initiatives = initiatives;
        this.gates = gates;
        this.clients = clients;
    }

    /** For API writes: a client this tenant does not know is 404 {@code client-not-found}. */
    public Uni<ClientState> known(UUID tenantId, UUID clientId, Instant now) {
        return roadmaps.lockByClient(tenantId, clientId)
                .onItem().ifNull().failWith(() -> clientNotFound(clientId))
                .chain(roadmap -> views.findByClient(tenantId, clientId)
                        .onItem().ifNull().failWith(() -> clientNotFound(clientId))
                        .chain(view -> complete(new ClientRoadmap(view, roadmap), now)));
    }

    /** For reads: the same state, without the lock. */
    public Uni<ClientState> forRead(UUID tenantId, UUID clientId, Instant now) {
        return roadmaps.findByClient(tenantId, clientId)
                .onItem().ifNull().failWith(() -> clientNotFound(clientId))
                .chain(roadmap -> views.findByClient(tenantId, clientId)
                        .onItem().ifNull().failWith(() -> clientNotFound(clientId))
                        .chain(view -> complete(new ClientRoadmap(view, roadmap), now)));
    }

    /** For event handlers: an unknown client gets a provisional view and an empty roadmap. */
    public Uni<ClientState> provisioned(UUID tenantId, UUID clientId, Instant now) {
        return clients.lockOrProvision(tenantId, clientId, now).chain(target -> complete(target, now));
    }

    private Uni<ClientState> complete(ClientRoadmap target, Instant now) {
        UUID tenantId = target.roadmap().tenantId;
        UUID clientId = target.roadmap().clientId;
        return initiatives.ofClient(tenantId, clientId).chain(items -> gates.openOfClient(tenantId, clientId)
                .chain(open -> lines.ofClient(tenantId, clientId).chain(manual -> policies.inForce(tenantId)
                        .map(policy -> new ClientState(target, new ArrayList<>(items), List.copyOf(open),
                                new ArrayList<>(manual), policy, now)))));
    }

    static ProblemException clientNotFound(UUID clientId) {
        return new ProblemException(404, "client-not-found", "Client not found",
                "Client " + clientId + " does not exist", List.of());
    }
}
