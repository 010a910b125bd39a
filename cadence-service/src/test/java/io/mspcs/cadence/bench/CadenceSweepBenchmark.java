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
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bench/cadence-sweep.sh (cadence.md §3.2 target: 10,000 clients with one due timer each ≤ 5 s on 2 cores). Loads
 * {@code cs.bench.clients} segment-B clients with their QBR line, open slot and due miss timer into the test
 * PostgreSQL, then times one sweep of that tenant. Named *Benchmark so the normal build does not run it. Each
 * measured sweep is preceded by a fixed reference workload ({@code baseline_ms}); compare runs by {@code ratio}
 * (sweep / baseline), since the 2-core machine's load changes the raw figure from run to run.
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

    /** The shared policy as committed (rest-conventions' afterMigrate__row_level_security.sql). */
    static final String POLICY_PER_ROW = "tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid"
            + " or current_setting('app.all_tenants', true) = 'on'";
    /** The proposed shape: each setting read once per statement (an InitPlan parameter), not once per row. */
    static final String POLICY_PER_STATEMENT = "tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)"
            + " or (select current_setting('app.all_tenants', true) = 'on')";

    @Test
    void oneSweepOverTenThousandDueSlots() throws IOException {
        int clients = Integer.getInteger("cs.bench.clients", 10_000);
        // -Dcs.bench.policy=compare also times the sweep under the per-statement policy shape (applied by hand to
        // this test database and restored afterwards), alternating current / proposed twice.
        boolean comparePolicy = "compare".equals(System.getProperty("cs.bench.policy"));
        // A running service sweeps every minute, so its sweep code is JIT-compiled: measure cold and warm.
        UUID coldTenant = UUID.randomUUID();
        load(coldTenant, clients);
        clock.set(MISS_AT);
        long coldStarted = System.nanoTime();
        sweep.run(coldTenant).await().atMost(Duration.ofMinutes(5));
        long coldMs = (System.nanoTime() - coldStarted) / 1_000_000;

        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        StringBuilder report = new StringBuilder();
        List<String> shapes = comparePolicy ? List.of("current", "per-statement", "current", "per-statement")
                : List.of("current");
        try {
            for (String shape : shapes) {
                setPolicy(shape.equals("current") ? POLICY_PER_ROW : POLICY_PER_STATEMENT);
                UUID tenant = UUID.randomUUID();
                load(tenant, clients);
                clock.set(MISS_AT);
                long baselineMs = baseline();
                long cpuBefore = os.getProcessCpuTime();
                long started = System.nanoTime();
                CadenceSweep.Result result = sweep.run(tenant).await().atMost(Duration.ofMinutes(5));
                long elapsedMs = (System.nanoTime() - started) / 1_000_000;
                long jvmCpuMs = (os.getProcessCpuTime() - cpuBefore) / 1_000_000;
                String line = "cadence-sweep: policy=" + shape + " clients=" + clients + " timersFired="
                        + result.timersFired() + " events=" + result.events() + " elapsed_ms=" + elapsedMs
                        + " baseline_ms=" + baselineMs + " ratio=" + String.format("%.2f", (double) elapsedMs / baselineMs)
                        + " (first, cold JVM: " + coldMs + " ms) service_jvm_cpu_ms=" + jvmCpuMs
                        + " load_average=" + os.getSystemLoadAverage() + " cores=" + os.getAvailableProcessors();
                System.out.println(line);
                report.append(line).append(System.lineSeparator());
                assertThat(result.timersFired()).isEqualTo(clients);
                assertThat(sweep.run(tenant).await().atMost(Duration.ofMinutes(1)).timersFired()).isZero();
            }
        } finally {
            setPolicy(POLICY_PER_ROW);
        }
        Files.writeString(Path.of("target", "bench-cadence-sweep.txt"), report.toString());
    }

    /**
     * A fixed reference workload timed just before each sweep, so runs under different machine load compare as
     * ratios: 20 round trips of a 500-row unnest insert into a temporary table plus a CPU-bound query (about what
     * one sweep batch asks of PostgreSQL and the client, without the code under test).
     */
    private long baseline() {
        long started = System.nanoTime();
        TenantPool.inTransaction(pool, TenantScope.allTenants("bench baseline"), conn -> conn
                        .query("create temporary table bench_baseline (id uuid primary key, n int, at timestamptz) on commit drop")
                        .execute().chain(() -> {
                            io.smallrye.mutiny.Uni<Void> chain = io.smallrye.mutiny.Uni.createFrom().voidItem();
                            for (int i = 0; i < 20; i++) {
                                UUID[] ids = new UUID[500];
                                Integer[] ns = new Integer[500];
                                for (int r = 0; r < 500; r++) {
                                    ids[r] = UUID.randomUUID();
                                    ns[r] = r;
                                }
                                chain = chain.chain(() -> conn.preparedQuery("insert into bench_baseline select r.id, r.n, now() "
                                        + "from unnest($1::uuid[], $2::int4[]) as r(id, n)").execute(Tuple.of(ids, ns))
                                        .replaceWithVoid());
                            }
                            return chain;
                        })
                        .chain(() -> conn.query("select sum(hashtext(g::text)) from generate_series(1, 1000000) g").execute()))
                .await().atMost(Duration.ofMinutes(2));
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Rewrites the tenant_isolation policy of every table that has it (as the owner; DDL, transactional). */
    private static void setPolicy(String expression) {
        PostgresEndpoint pg = Infra.shared().pg();
        try (Connection owner = DriverManager.getConnection(pg.jdbcUrl("cadence_test"), pg.user("cadence"),
                pg.password())) {
            owner.setAutoCommit(false);
            List<String> tables = new java.util.ArrayList<>();
            try (var statement = owner.createStatement(); var rows = statement.executeQuery(
                    "select tablename from pg_policies where schemaname = current_schema() and policyname = 'tenant_isolation'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            try (var statement = owner.createStatement()) {
                for (String table : tables) {
                    statement.execute("alter policy tenant_isolation on " + table + " using (" + expression
                            + ") with check (" + expression + ")");
                }
            }
            owner.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("policy change failed", e);
        }
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
