package io.mspcs.cadence.service;

import io.mspcs.cadence.repository.ClientViewRepository;
import io.mspcs.cadence.repository.TimerEntity;
import io.mspcs.cadence.repository.TimerRepository;
import io.mspcs.outbox.TenantTransactions;
import io.mspcs.rest.TenantScope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The timers of the trigger rules (cadence.md §3.2, §4.2): T-REN and T-FYE dates and AR-RED's 30-day exit, and the
 * tenant's digest (§5.7). The sweep calls {@link #fireDue} before its own batches (and its batches leave these kinds alone). One transaction per
 * timer, oldest first, locked with {@code SKIP LOCKED} so several pods are safe; the handlers re-check their guard
 * and use the timer's {@code fire_at}, so a DONE timer never fires again and a second run emits nothing.
 */
@ApplicationScoped
public class RuleTimerSweep {

    private static final String EMITTED = "select type, count(*) from outbox_event where tenant_id = ?1 "
            + "and correlation_id = ?2 and timestamp between ?3 and ?4 group by type";

    public static final List<String> KINDS = List.of(DateTriggerService.RENEWAL_TIMER,
            DateTriggerService.FISCAL_YEAR_TIMER, AtRiskService.EXIT_TIMER, AlertService.DIGEST_TIMER);

    private final TimerRepository timers;
    private final ClientViewRepository clients;
    private final DateTriggerService dates;
    private final AtRiskService atRisk;
    private final AlertService alerts;
    private final Vertx vertx;
    private final Clock clock;

    public RuleTimerSweep(TimerRepository timers, ClientViewRepository clients, DateTriggerService dates,
                          AtRiskService atRisk, AlertService alerts, Vertx vertx, Clock clock) {
        this.clock = clock;
        this.alerts = alerts;
        this.timers = timers;
        this.clients = clients;
        this.dates = dates;
        this.atRisk = atRisk;
        this.vertx = vertx;
    }

    /** What the rule timers of one run did: timers fired and the events their effects emitted, by type. */
    public record Fired(int timers, Map<String, Integer> events) {
    }

    /** Fires every rule timer due at {@code now} ({@code tenantId} null = all tenants). */
    public Uni<Fired> fireDue(Instant now, UUID tenantId) {
        // Hibernate Reactive needs a safe Vert.x context; the sweep may be called from the scheduler or a test thread.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        Map<String, Integer> events = new TreeMap<>();
        return Uni.createFrom().<Integer>emitter(emitter -> context.runOnContext(ignored ->
                        loop(now, tenantId, 0, events).subscribe().with(emitter::complete, emitter::fail)))
                .map(fired -> new Fired(fired, events));
    }

    /**
     * Finding the next due timer spans tenants (unless the run is narrowed to one); its effect then runs under the
     * timer's own tenant, in the same transaction so the row lock taken by the find holds until the commit.
     */
    private Uni<Integer> loop(Instant now, UUID tenantId, int fired, Map<String, Integer> events) {
        TenantScope finding = tenantId == null ? TenantScope.allTenants("rule timer sweep: next due timer")
                : TenantScope.tenant(tenantId);
        return TenantTransactions.inTransaction(finding, () -> next(now, tenantId).chain(timer -> timer == null
                        ? Uni.createFrom().item(false)
                        : TenantTransactions.inTransaction(TenantScope.tenant(timer.tenantId),
                                () -> fireCounted(timer, now, events)).replaceWith(true)))
                .chain(any -> any ? loop(now, tenantId, fired + 1, events) : Uni.createFrom().item(fired));
    }

    /**
     * The effect, then what it appended to the outbox: every handler emits under the correlation id
     * {@code timer:<id>} and stamps rows with the clock, so the rows are found through the timestamp index.
     */
    private Uni<Void> fireCounted(TimerEntity timer, Instant now, Map<String, Integer> events) {
        Instant from = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return done(timer, now).chain(() -> fire(timer))
                .chain(() -> Panache.getSession().chain(session -> session.createNativeQuery(EMITTED, Object[].class)
                        .setParameter(1, timer.tenantId).setParameter(2, "timer:" + timer.id)
                        .setParameter(3, from).setParameter(4, clock.instant())
                        .getResultList()))
                .invoke(rows -> rows.forEach(row -> events.merge((String) row[0], ((Number) row[1]).intValue(),
                        Integer::sum)))
                .replaceWithVoid();
    }

    /** DONE and flushed first: the effect may void the subject's other pending timers in bulk (a close does). */
    private Uni<Void> done(TimerEntity timer, Instant now) {
        timer.state = "DONE";
        timer.updatedAt = now.truncatedTo(ChronoUnit.MILLIS);
        return timers.flush().replaceWithVoid();
    }

    private Uni<TimerEntity> next(Instant now, UUID tenantId) {
        // Native SQL: Panache's reactive queries take no lock hints, and SKIP LOCKED is what makes pods safe.
        String sql = "select * from timer where state = 'PENDING' and kind in (?1) and fire_at <= ?2"
                + (tenantId == null ? "" : " and tenant_id = ?3")
                + " order by fire_at, id limit 1 for update skip locked";
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, TimerEntity.class).setParameter(1, KINDS).setParameter(2, now);
            if (tenantId != null) {
                query.setParameter(3, tenantId);
            }
            return query.getSingleResultOrNull();
        });
    }

    private Uni<Void> fire(TimerEntity timer) {
        if (AtRiskService.EXIT_TIMER.equals(timer.kind)) {
            return atRisk.fireExit(timer);
        }
        if (AlertService.DIGEST_TIMER.equals(timer.kind)) {
            return alerts.fireDigest(timer);
        }
        return clients.findClient(timer.tenantId, timer.clientId).chain(client -> dates.fire(timer, client));
    }
}
