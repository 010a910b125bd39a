import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmark driver for health-service (run by bench/health-ingest.sh with the Java source launcher):
 * registers CLIENTS clients through segmentation's ClientRegistered events on Kafka (as production does), ingests
 * SIGNALS signals through POST /api/v1/signals/bulk (batches of 5,000 = 50 clients × 100 signals), measures the
 * same rows as a plain JDBC batch insert into the same PostgreSQL (the ceiling), then publishes a new scoring model
 * and measures the time until every client carries a score record of the new version.
 *
 * Arguments: baseUrl jdbcUrl dbUser dbPassword kafkaBootstrap gatewayToken
 * System properties: clients, perClient, senders (sizes; the are the defaults); rescore.tenant = the tenant of
 * an earlier run kept with BENCH_KEEP_DB=1: only publish a new model and measure the re-score of its clients;
 * rescore.rounds (1): publish and re-score that many times (on a fresh JVM the first round also pays for the JIT);
 * service.pid, pg.pid (the postmaster): also report the CPU seconds the service and PostgreSQL used per phase, a
 * figure the other load of a shared machine distorts far less than wall time.
 */
public class HealthIngestDriver {

    static final int CLIENTS = Integer.getInteger("clients", 2_000);
    static final int PER_CLIENT = Integer.getInteger("perClient", 100);
    static final int BATCH = 5_000;
    static final int SENDERS = Integer.getInteger("senders", 2);
    static final Instant RECEIVED = Instant.parse("2026-11-20T14:00:00Z");
    static final String RESCORE_TENANT = System.getProperty("rescore.tenant");
    static final long SERVICE_PID = Long.getLong("service.pid", 0);
    static final long PG_PID = Long.getLong("pg.pid", 0);

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String jdbcUrl = args[1];
        String dbUser = args[2];
        String dbPassword = args[3];
        String kafka = args[4];
        String token = args[5];
        UUID tenant = RESCORE_TENANT == null ? UUID.randomUUID() : UUID.fromString(RESCORE_TENANT);
        System.out.println("tenant " + tenant);
        List<UUID> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(UUID.randomUUID());
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        try (Connection db = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword)) {
            if (RESCORE_TENANT == null) {
                ingest(db, http, baseUrl, kafka, token, tenant, clients);
            }
            for (int round = 0; round < Integer.getInteger("rescore.rounds", 1); round++) {
                rescore(db, http, baseUrl, token, tenant);
            }
        }
    }

    static void ingest(Connection db, HttpClient http, String baseUrl, String kafka, String token, UUID tenant,
                       List<UUID> clients) throws Exception {
        register(kafka, tenant, clients);
        long t0 = System.nanoTime();
        while (count(db, "select count(*) from client_health where tenant_id = '" + tenant
                + "' and registered_at is not null") < CLIENTS) {
            Thread.sleep(200);
            if (System.nanoTime() - t0 > Duration.ofMinutes(15).toNanos()) {
                throw new IllegalStateException("clients not registered in 15 minutes");
            }
        }
        System.out.printf("registered %d clients via ClientRegistered in %.1f s%n", CLIENTS, seconds(t0));

        List<String> bodies = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        int clientsPerBatch = BATCH / PER_CLIENT;
        for (int from = 0; from < CLIENTS; from += clientsPerBatch) {
            StringBuilder body = new StringBuilder("{\"source\":\"bench-rmm\",\"items\":[");
            boolean first = true;
            for (int c = from; c < Math.min(CLIENTS, from + clientsPerBatch); c++) {
                for (int s = 0; s < PER_CLIENT; s++) {
                    String[] item = signal(clients.get(c), c, s);
                    if (!first) {
                        body.append(',');
                    }
                    first = false;
                    body.append(item[0]);
                    rows.add(new Object[] {clients.get(c), item[1], item[2], item[3], item[4], item[5]});
                }
            }
            bodies.add(body.append("]}").toString());
        }

        // warm-up: one small call (JIT and pool), on another tenant's unknown client: rejected, writes nothing
        post(http, baseUrl + "/api/v1/signals/bulk", UUID.randomUUID(), token,
                "{\"source\":\"warmup\",\"items\":[{\"externalId\":\"w\",\"type\":\"COMPLAINT\",\"clientId\":\""
                        + UUID.randomUUID() + "\",\"observedAt\":\"2026-11-19T10:00:00Z\",\"rootCause\":\"QUALITY\",\"summary\":\"w\"}]}");

        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        double[] cpuStart = cpu();
        long ingestStart = System.nanoTime();
        List<Future<Long>> results = new ArrayList<>();
        List<Long> latencies = new ArrayList<>();
        for (String body : bodies) {
            results.add(pool.submit(() -> {
                long start = System.nanoTime();
                post(http, baseUrl + "/api/v1/signals/bulk", tenant, token, body);
                return (System.nanoTime() - start) / 1_000_000;
            }));
        }
        for (Future<Long> result : results) {
            latencies.add(result.get());
        }
        double ingestSeconds = seconds(ingestStart);
        pool.shutdown();
        long stored = count(db, "select count(*) from signal where tenant_id = '" + tenant + "'");
        latencies.sort(Long::compare);
        double ingestRate = rows.size() / ingestSeconds;
        System.out.printf("ingest: %d signals (%d stored) in %.2f s = %.0f signals/s; per 5,000-item call p50 %d ms, p95 %d ms, max %d ms (%d concurrent senders)%n",
                rows.size(), stored, ingestSeconds, ingestRate, latencies.get(latencies.size() / 2),
                latencies.get((int) Math.ceil(latencies.size() * 0.95) - 1), latencies.get(latencies.size() - 1), SENDERS);

        // wait for the ingest-triggered scoring to settle before measuring the ceiling and the re-score
        long settle = System.nanoTime();
        while (count(db, "select count(*) from client_health where tenant_id = '" + tenant
                + "' and (dirty_at is not null or current_score_id is null)") > 0) {
            Thread.sleep(100);
            if (System.nanoTime() - settle > Duration.ofMinutes(15).toNanos()) {
                throw new IllegalStateException("ingest scoring did not settle in 15 minutes");
            }
        }
        System.out.printf("ingest-triggered scoring of %d clients settled %.1f s after the last ingest call%n",
                CLIENTS, seconds(settle));
        printCpu("ingest incl. its scoring", cpuStart);

        double[] ceilingCpu = cpu();
        double ceiling = jdbcCeiling(db, tenant, rows);
        printCpu("plain JDBC insert", ceilingCpu);
        System.out.printf("ceiling: plain JDBC batch insert of the same %d rows: %.2f s = %.0f rows/s%n",
                rows.size(), rows.size() / ceiling, ceiling);
        System.out.printf("ratio: bulk endpoint / plain JDBC = %.1f %%%n", 100 * ingestRate / ceiling);
    }

    /** Publishes a new model version and waits until every active client carries a score record of it. */
    static void rescore(Connection db, HttpClient http, String baseUrl, String token, UUID tenant) throws Exception {
        long active = count(db, "select count(*) from client_health where tenant_id = '" + tenant
                + "' and registered_at is not null");

        String draft = post(http, baseUrl + "/api/v1/health-models", tenant, token,
                "{\"changeNote\":\"bench: CX and alignment 25 %\",\"content\":{\"composite\":{\"weights\":"
                        + "{\"CX\":0.25,\"ADOPTION\":0.1667,\"ENGAGEMENT\":0.1667,\"SERVICE_QUALITY\":0.1666,\"ALIGNMENT\":0.25}}}}");
        int version = Integer.parseInt(draft.replaceAll(".*\"version\":(\\d+).*", "$1"));
        double[] cpuStart = cpu();
        long publishStart = System.nanoTime();
        String published = post(http, baseUrl + "/api/v1/health-models/" + version + "/publish", tenant, token, "{}");
        double answered = seconds(publishStart);
        while (count(db, "select count(*) from client_health c join score_record r on r.id = c.current_score_id"
                + " where c.tenant_id = '" + tenant + "' and r.model_version = " + version) < active) {
            Thread.sleep(50);
            if (System.nanoTime() - publishStart > Duration.ofMinutes(15).toNanos()) {
                throw new IllegalStateException("re-score did not finish in 15 minutes");
            }
        }
        double rescore = seconds(publishStart);
        printCpu("re-score", cpuStart);
        System.out.printf("publish: answered in %.2f s (%s); all %d clients re-scored with model v%d in %.2f s%n",
                answered, published, active, version, rescore);
        long scored = count(db, "select count(*) from outbox_event where tenant_id = '" + tenant
                + "' and type = 'health.HealthScored.v1'");
        System.out.printf("outbox: %d HealthScored rows for the tenant%n", scored);
    }

    /** One signal: [json, type, externalId, observedAt, eventTime, valsJson]. A client's 100 signals mix every kind. */
    static String[] signal(UUID client, int c, int s) {
        Instant observed = RECEIVED.minus(Duration.ofMinutes(10 + s * 97L + c % 50));
        String id = "c" + c + "-s" + s;
        String type;
        String fields;
        String vals;
        Instant eventTime = observed;
        int kind = s % 10;
        switch (kind) {
            case 0, 1 -> {
                type = kind == 0 ? "MFA_COVERAGE" : "ENDPOINT_PROTECTION_COVERAGE";
                int num = 40 + (c + s) % 20;
                fields = "\"numerator\":" + num + ",\"denominator\":60";
                vals = "{\"numerator\":" + num + ",\"denominator\":60}";
            }
            case 2 -> {
                type = "BACKUP_RESULT";
                fields = "\"successRate\":0.9" + (s % 10) + ",\"windowDays\":30,\"jobsTotal\":100,\"jobsFailed\":" + (10 - s % 10)
                        + ",\"devicesAffected\":1";
                vals = "{" + fields + "}";
            }
            case 3, 4, 5, 6 -> {
                type = "TICKET_RESULT";
                eventTime = observed.minus(Duration.ofHours(1));
                fields = "\"closedAt\":\"" + eventTime + "\",\"responseSlaMet\":" + (s % 7 != 0)
                        + ",\"resolutionSlaMet\":true,\"reopenedWithin30d\":" + (s % 13 == 0);
                vals = "{" + fields + "}";
            }
            case 7, 8 -> {
                type = "SURVEY_RESPONSE";
                fields = "\"survey\":\"" + (kind == 7 ? "PULSE" : "ALIGNMENT") + "\",\"score\":" + (3 + (c + s) % 3);
                vals = "{" + fields + "}";
            }
            default -> {
                type = s % 20 == 9 ? "SERVICE_COVERAGE" : "EXEC_SPONSOR_CONTACT";
                fields = type.equals("SERVICE_COVERAGE") ? "\"expected\":10,\"delivered\":" + (6 + c % 5) : "\"channel\":\"CALL\"";
                vals = "{" + fields + "}";
            }
        }
        String json = "{\"externalId\":\"" + id + "\",\"type\":\"" + type + "\",\"clientId\":\"" + client
                + "\",\"observedAt\":\"" + observed + "\"," + fields + "}";
        return new String[] {json, type, id, observed.toString(), eventTime.toString(), vals};
    }

    /** The same rows, same columns, as a plain JDBC batch insert into a copy of the signal table. */
    static double jdbcCeiling(Connection db, UUID tenant, List<Object[]> rows) throws Exception {
        try (Statement ddl = db.createStatement()) {
            ddl.execute("drop table if exists bench_signal_ceiling");
            ddl.execute("create table bench_signal_ceiling (like signal including all)");
        }
        db.setAutoCommit(false);
        UUID batch = UUID.randomUUID();
        long start = System.nanoTime();
        try (PreparedStatement insert = db.prepareStatement("insert into bench_signal_ceiling (id, tenant_id, client_id,"
                + " source, external_id, type, insight_code, event_time, observed_at, received_at, vals, batch_id,"
                + " created_at, updated_at, version) values (?, ?, ?, 'bench-rmm', ?, ?, null, ?::timestamptz,"
                + " ?::timestamptz, ?::timestamptz, ?::jsonb, ?, now(), now(), 0)")) {
            int n = 0;
            for (Object[] row : rows) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, tenant);
                insert.setObject(3, row[0]);
                insert.setString(4, (String) row[2]);
                insert.setString(5, (String) row[1]);
                insert.setString(6, (String) row[4]);
                insert.setString(7, (String) row[3]);
                insert.setString(8, RECEIVED.toString());
                insert.setString(9, (String) row[5]);
                insert.setObject(10, batch);
                insert.addBatch();
                if (++n % BATCH == 0) {
                    insert.executeBatch();
                    db.commit();
                }
            }
            insert.executeBatch();
            db.commit();
        }
        double seconds = seconds(start);
        db.setAutoCommit(true);
        try (Statement ddl = db.createStatement()) {
            ddl.execute("drop table bench_signal_ceiling");
        }
        return rows.size() / seconds;
    }

    static void register(String bootstrap, UUID tenant, List<UUID> clients) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            int i = 0;
            for (UUID client : clients) {
                String time = "2026-01-12T10:15:02.337Z";
                String data = "{\"clientId\":\"" + client + "\",\"source\":\"bench-psa\",\"externalId\":\"ext-" + i++
                        + "\",\"name\":\"Bench client " + i + "\",\"status\":\"ACTIVE\",\"registeredAt\":\"" + time + "\"}";
                String envelope = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID()
                        + "\",\"source\":\"/cs/segmentation-service\",\"type\":\"segmentation.ClientRegistered.v1\","
                        + "\"time\":\"" + time + "\",\"subject\":\"" + client + "\",\"datacontenttype\":\"application/json\","
                        + "\"dataschema\":\"urn:cs:schema:segmentation.ClientRegistered.v1\",\"tenantid\":\"" + tenant
                        + "\",\"correlationid\":\"bench-" + client + "\",\"partitionkey\":\"" + tenant + ":" + client
                        + "\",\"data\":" + data + "}";
                producer.send(new ProducerRecord<>("cs.segmentation.events", tenant + ":" + client, envelope));
            }
            producer.flush();
        }
    }

    static String post(HttpClient http, String url, UUID tenant, String token, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("X-Tenant-Id", tenant.toString())
                .header("X-Principal-Id", "bench")
                .header("X-Roles", "ADMIN,CS_LEADER")
                .header("X-Gateway-Token", token)
                .header("X-Received-At", RECEIVED.toString())
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** {service, PostgreSQL} CPU seconds so far (PostgreSQL: the postmaster, its live and its reaped children). */
    static double[] cpu() {
        if (SERVICE_PID == 0 || PG_PID == 0) {
            return null;
        }
        double pg = 0;
        java.io.File[] procs = new java.io.File("/proc").listFiles((dir, name) -> name.chars().allMatch(Character::isDigit));
        for (java.io.File proc : procs == null ? new java.io.File[0] : procs) {
            String[] stat = stat(Long.parseLong(proc.getName()));
            if (stat != null && (Long.parseLong(stat[1]) == PG_PID || Long.parseLong(proc.getName()) == PG_PID)) {
                pg += (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / 100.0;
                if (Long.parseLong(proc.getName()) == PG_PID) {
                    pg += (Long.parseLong(stat[13]) + Long.parseLong(stat[14])) / 100.0;
                }
            }
        }
        String[] service = stat(SERVICE_PID);
        return new double[] {service == null ? 0 : (Long.parseLong(service[11]) + Long.parseLong(service[12])) / 100.0, pg};
    }

    /** The fields of /proc/pid/stat after "(comm)": [0] = state, [1] = ppid, [11] utime, [12] stime, [13] cutime, [14] cstime. */
    static String[] stat(long pid) {
        try {
            String line = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            return line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        } catch (Exception e) {
            return null;
        }
    }

    static void printCpu(String phase, double[] start) {
        double[] end = cpu();
        if (start != null && end != null) {
            System.out.printf("CPU during %s: service %.1f s, PostgreSQL %.1f s%n", phase, end[0] - start[0], end[1] - start[1]);
        }
    }

    static long count(Connection db, String sql) throws Exception {
        try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
