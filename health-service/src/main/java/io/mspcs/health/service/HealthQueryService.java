package io.mspcs.health.service;

import io.mspcs.health.repository.ClientHealthEntity;
import io.mspcs.health.repository.ClientHealthRepository;
import io.mspcs.health.repository.HealthAlertEntity;
import io.mspcs.health.repository.HealthAlertRepository;
import io.mspcs.health.repository.MonthlyCloseStore;
import io.mspcs.health.repository.ScoreRecordEntity;
import io.mspcs.health.repository.ScoreRecordRepository;
import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.TenantTransactions;
import io.mspcs.rest.ProblemException;
import io.mspcs.rest.TenantScope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** Reads of current health, history and the portfolio; and the manual recompute. */
@ApplicationScoped
public class HealthQueryService {

    private final ClientHealthRepository clients;
    private final ScoreRecordRepository records;
    private final HealthScoringService scoring;
    private final HealthAlertRepository alerts;
    private final MonthlyCloseStore closes;

    public HealthQueryService(ClientHealthRepository clients, ScoreRecordRepository records, HealthScoringService scoring,
                              HealthAlertRepository alerts, MonthlyCloseStore closes) {
        this.alerts = alerts;
        this.closes = closes;
        this.clients = clients;
        this.records = records;
        this.scoring = scoring;
    }

    /** {@code alerts}: the open gates and backup risks. */
    public record Current(ClientHealthEntity client, ScoreRecordEntity record, List<HealthAlertEntity> alerts) {
    }

    @WithTransaction
    public Uni<Current> current(UUID tenantId, UUID clientId) {
        return registered(tenantId, clientId).chain(client -> (client.currentScoreId == null
                        ? Uni.createFrom().<ScoreRecordEntity>nullItem() : records.byId(tenantId, client.currentScoreId))
                .chain(record -> alerts.openOf(tenantId, clientId).map(open -> new Current(client, record, open))));
    }

    @WithTransaction
    public Uni<List<ScoreRecordEntity>> history(UUID tenantId, UUID clientId, Instant from, Instant to, UUID after,
                                                int limit) {
        return registered(tenantId, clientId).chain(client -> after == null ? Uni.createFrom().nullItem()
                        : records.byId(tenantId, after).map(found -> {
                            if (found == null || !found.clientId.equals(clientId)) {
                                throw ProblemException.invalid("cursor", "unknown", "cursor is not a record of this client");
                            }
                            return found;
                        }))
                .chain(afterRecord -> records.page(tenantId, clientId, from, to, afterRecord, limit));
    }

    /** The client's month closes, newest first (health.md §2.5; history with monthly=true). */
    @WithTransaction
    public Uni<List<MonthlyCloseStore.Stored>> monthly(UUID tenantId, UUID clientId, YearMonth before, int limit) {
        return registered(tenantId, clientId).chain(() -> closes.page(tenantId, clientId, before, limit));
    }

    /** Recomputes now, in this request's transaction; events only if something changed (health.md §5.3). */
    public Uni<Current> recompute(UUID tenantId, UUID clientId, EventContext context) {
        // the recompute writes client_health with native SQL: the entity found here must not stay in the session,
        // or the view read afterwards would be this stale copy
        return TenantTransactions.inTransaction(TenantScope.tenant(tenantId), () -> registered(tenantId, clientId)
                        .call(client -> Panache.getSession().invoke(session -> session.detach(client)))
                        .chain(client -> scoring.recompute(tenantId, List.of(clientId), "MANUAL", context)))
                .chain(() -> current(tenantId, clientId));
    }

    private Uni<ClientHealthEntity> registered(UUID tenantId, UUID clientId) {
        return clients.findInTenant(tenantId, clientId).map(client -> {
            if (client == null || !client.registered()) {
                throw ProblemException.notFound("Client " + clientId);
            }
            return client;
        });
    }
}
