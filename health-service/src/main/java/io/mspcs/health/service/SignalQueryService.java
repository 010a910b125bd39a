package io.mspcs.health.service;

import io.mspcs.health.repository.ClientHealthRepository;
import io.mspcs.health.repository.SignalQueries;
import io.mspcs.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SignalQueryService {

    private final ClientHealthRepository clients;
    private final SignalQueries signals;

    public SignalQueryService(ClientHealthRepository clients, SignalQueries signals) {
        this.clients = clients;
        this.signals = signals;
    }

    /** Another tenant's or an unknown client → 404. */
    @WithTransaction
    public Uni<List<SignalQueries.SignalRow>> page(UUID tenantId, UUID clientId, String type, Instant from, Instant to,
                                                   int offset, int limit) {
        return clients.findInTenant(tenantId, clientId).chain(client -> {
            if (client == null || !client.registered()) {
                throw ProblemException.notFound("Client " + clientId);
            }
            return signals.page(tenantId, clientId, type, from, to, offset, limit);
        });
    }
}
