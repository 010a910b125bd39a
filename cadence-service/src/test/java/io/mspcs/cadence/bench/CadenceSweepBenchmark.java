package io.mspcs.cadence.bench;

import io.mspcs.cadence.service.CadenceSweep;
import io.mspcs.platformtest.Infra;
import io.mspcs.platformtest.MutableClock;
import io.mspcs.platformtest.PostgresEndpoint;
import io.mspcs.rest.TenantPool;
import io.mspcs.rest.TenantScope;
import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bench/cadence-sweep.sh (cadence.md §3.2 target: 10,000 clients with one due timer each ≤ 5 s on 2 cores). Loads
 * {@code cs.bench.clients} segment-B clients with their QBR line, open slot and due miss timer into the test
 * PostgreSQL, then times one sweep of that tenant. Named *Benchmark so the normal build does not run it.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "cadence"))
class CadenceSweepBenchmark {

    private static final Instant MISS_AT = Instant.parse("2030-04-25T00:00:00Z");

    @Inject
    Pool pool;
    @Inject
    CadenceSweep sweep;
    @Inject
    MutableClock clock;

    @Test
    void oneSweepOverTenThousandDueSlots() throws IOException {
        int clients = Integer.getInteger("cs.bench.clients", 10_000);
        // A running service sweeps every minute, so its sweep code is JIT-compiled: measure cold and warm.
        UUID coldTenant = UUID.randomUUID();
        load(coldTenant, clients);
        clock.set(MISS_AT);
        long coldStarted = System.nanoTime();
        sweep.run(coldTenant).await().atMost(Duration.ofMinutes(5));
        long coldMs = (System.nanoTime() - coldStarted) / 1_000_000;

        UUID tenant = UUID.randomUUID();
        load(tenant, clients);

        clock.set(MISS_AT);
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long started = System.nanoTime();
        CadenceSweep.Result result = sweep.run(tenant).await().atMost(Duration.ofMinutes(5));
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        long jvmCpuMs = (os.getProcessCpuTime() - cpuBefore) / 1_000_000;

        String line = "cadence-sweep: clients=" + clients + " timersFired=" + result.timersFired() + " events="
                + result.events() + " elapsed_ms=" + elapsedMs + " (first, cold JVM: " + coldMs + " ms) service_jvm_cpu_ms=" + jvmCpuMs
                + " load_average=" + os.getSystemLoadAverage() + " cores=" + os.getAvailableProcessors();
        System.out.println(line);
        Files.writeString(Path.of("target", "bench-cadence-sweep.txt"), line + System.lineSeparator());
        assertThat(result.timersFired()).isEqualTo(clients);
        assertThat(sweep.run(tenant).await().atMost(Duration.ofMinutes(1)).timersFired()).isZero();
    }

    /** Set-based load: the rows the read model and line sync would have written for each client. */
    private void load(UUID tenant, int clients) {
        Tuple args = Tuple.of(tenant, clients);
        exec("""
                insert into client_view (id, tenant_id, client_id, name, status, registered_at, registry_time, segment,
                    mrr_band, segment_time, consecutive_misses, cadence_policy_version, cadence_segment, created_at,
                    updated_at, version)
                select gen_random_uuid(), $1, gen_random_uuid(), 'Client ' || n, 'ACTIVE', '2029-01-01T00:00:00Z',
                    '2029-01-01T00:00:00Z', 'B', 'MID', '2029-01-01T00:00:00Z', 0, 1, 'B', now(), now(), 0
                from generate_series(1, $2) n""", args);
        exec("""
                insert into client_owner (id, tenant_id, client_id, role, member_id, backup_member_id, created_at,
                    updated_at, version)
                select gen_random_uuid(), tenant_id, client_id, 'CSM', gen_random_uuid(), null, now(), now(), 0
                from client_view where tenant_id = $1 and $2 > 0""", args);
        exec("""
                insert into cadence_line (id, tenant_id, client_id, meeting_type, frequency, owner_role, strategic,
                    satisfied_by, last_held_at, active, created_at, updated_at, version)
                select gen_random_uuid(), tenant_id, client_id, 'QBR', 'QUARTERLY', 'CSM', true,
                    'QBR,ROADMAP_REVIEW,ANNUAL_STRATEGY_PLANNING', '2030-01-10T15:00:00Z', true, now(), now(), 0
                from client_view where tenant_id = $1 and $2 > 0""", args);
        exec("""
                insert into cadence_slot (id, tenant_id, client_id, line_id, meeting_type, strategic, anchor_date,
                    due_date, window_end, miss_at, state, policy_version, created_at, updated_at, version)
                select gen_random_uuid(), tenant_id, client_id, id, 'QBR', true, '2030-01-10', '2030-04-10',
                    '2030-04-24', '2030-04-25T00:00:00Z', 'OPEN', 1, now(), now(), 0
                from cadence_line where tenant_id = $1 and $2 > 0""", args);
        exec("""
                insert into timer (id, tenant_id, client_id, kind, subject_id, fire_at, state, created_at, updated_at,
                    version)
                select gen_random_uuid(), tenant_id, client_id, 'SLOT_MISS', id, miss_at, 'PENDING', now(), now(), 0
                from cadence_slot where tenant_id = $1 and $2 > 0""", args);
        analyze();
    }

    /** The load is the tenant's own rows, so it runs under that tenant (row-level security admits nothing else). */
    private void exec(String sql, Tuple args) {
        TenantPool.inTransaction(pool, TenantScope.tenant(args.getUUID(0)), conn -> conn.preparedQuery(sql).execute(args))
                .await().atMost(Duration.ofMinutes(2));
    }

    /** Fresh planner statistics; only the schema owner may analyze, and the service's pool is the app role. */
    private static void analyze() {
        PostgresEndpoint pg = Infra.shared().pg();
        try (Connection owner = DriverManager.getConnection(pg.jdbcUrl("cadence_test"), pg.user("cadence"),
                pg.password()); var statement = owner.createStatement()) {
            statement.execute("analyze");
        } catch (SQLException e) {
            throw new IllegalStateException("analyze failed", e);
        }
    }
}
