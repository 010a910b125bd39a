package io.mspcs.cadence.config;

import io.mspcs.cadence.domain.CtaKind;
import io.mspcs.cadence.domain.Priority;
import io.mspcs.rest.TenantPool;
import io.mspcs.rest.TenantScope;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code cs_ctas_open{kind, priority}}: open CTAs over all tenants (no tenant label: tenants are unbounded). A gauge
 * is read synchronously, so the counts are refreshed from one grouped query on a schedule and kept in memory.
 */
@Startup
@ApplicationScoped
public class CtaOpenGauge {

    private static final String COUNTS = "select kind, priority, count(*) as n from cta where status <> 'CLOSED' "
            + "group by kind, priority";

    private final Pool pool;
    private final Map<String, AtomicLong> counts = new HashMap<>();

    public CtaOpenGauge(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        for (CtaKind kind : CtaKind.values()) {
            for (Priority priority : Priority.values()) {
                AtomicLong value = new AtomicLong();
                counts.put(kind.name() + "/" + priority.name(), value);
                Gauge.builder("cs_ctas_open", value, AtomicLong::get)
                        .description("Open CTAs (OPEN, IN_PROGRESS, SNOOZED) by kind and priority")
                        .tag("kind", kind.name()).tag("priority", priority.name())
                        .register(registry);
            }
        }
    }

    @Scheduled(every = "{cadence.metrics.refresh:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> refresh() {
        // The gauge counts every tenant's CTAs by design (no tenant label).
        return TenantPool.inTransaction(pool, TenantScope.allTenants("cs_ctas_open gauge"),
                conn -> conn.query(COUNTS).execute()).invoke(rows -> {
            Map<String, Long> fresh = new HashMap<>();
            rows.forEach(row -> fresh.put(row.getString("kind") + "/" + row.getString("priority"), row.getLong("n")));
            counts.forEach((key, value) -> value.set(fresh.getOrDefault(key, 0L)));
        }).replaceWithVoid();
    }
}
