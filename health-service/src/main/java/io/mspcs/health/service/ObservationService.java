package io.mspcs.health.service;

import io.mspcs.health.domain.ItemProblem;
import io.mspcs.health.domain.ManualObservations;
import io.mspcs.health.repository.ClientHealthRepository;
import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.TenantTransactions;
import io.mspcs.rest.Problem;
import io.mspcs.rest.ProblemException;
import io.mspcs.rest.TenantScope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Manual observations (health.md §6): checked all-or-nothing, then stored through the signal ingest as signals of
 * source {@code manual} — the same upsert, SignalsIngested/ComplaintLogged and re-score as pushed signals.
 */
@ApplicationScoped
public class ObservationService {

    private final ClientHealthRepository clients;
    private final SignalIngestService ingest;
    private final Clock clock;

    public ObservationService(ClientHealthRepository clients, SignalIngestService ingest, Clock clock) {
        this.clients = clients;
        this.ingest = ingest;
        this.clock = clock;
    }

    public Uni<IngestReport> record(UUID clientId, List<?> items, EventContext context) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return TenantTransactions.inTransaction(TenantScope.tenant(context.tenantId()),
                        () -> clients.findInTenant(context.tenantId(), clientId))
                .chain(client -> {
                    if (client == null || !client.registered()) {
                        throw ProblemException.notFound("Client " + clientId);
                    }
                    ManualObservations.Checked checked = ManualObservations.check(items, clientId, now,
                            () -> ManualObservations.SOURCE + "-" + UUID.randomUUID());
                    if (!checked.valid()) {
                        throw problem(checked.problem());
                    }
                    return ingest.ingest(ManualObservations.SOURCE, checked.items(), now, context);
                });
    }

    /** An item problem that refuses a whole call (observations, what-if). */
    static ProblemException problem(ItemProblem problem) {
        return new ProblemException(problem.status(), problem.slug(), problem.title(),
                problem.errors().size() + " field(s) refused; nothing was stored",
                problem.errors().stream().map(v -> new Problem.FieldError(v.field(), v.code())).toList());
    }
}
