package io.mspcs.gateway.rest;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.mspcs.gateway.domain.CallbackSignatures;
import io.mspcs.gateway.service.CallbackIntake;
import io.mspcs.gateway.service.CallbackRetention;
import io.mspcs.gateway.service.CallbackWorker;
import io.mspcs.platformtest.MutableClock;
import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.mspcs.gateway.rest.GatewayFixtures.asUser;
import static io.mspcs.gateway.rest.GatewayFixtures.devToken;
import static io.mspcs.gateway.rest.GatewayFixtures.randomEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Inbound PSA callbacks (gateway.md §9.2, §11 #24) against stub services: connections, signatures of the three
 * senders, deduplication, forwarding as the connection's tenant, retries and the outcome log. ConnectWise keys come
 * from a local HTTP server standing in for the connection's ConnectWise host.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(UpstreamStub.class)
class IntegrationCallbacksComponentTest {

    private static final String ADMIN_BASE = "/api/v1/admin/integrations";
    private static HttpServer keyHost;
    private static final AtomicInteger KEY_FETCHES = new AtomicInteger();

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    MutableClock clock;

    @Inject
    MeterRegistry metrics;

    @Inject
    CallbackRetention retention;

    @BeforeAll
    static void startKeyHost() throws IOException {
        keyHost = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keyHost.createContext("/v4_6_release/apis/3.0/system/callbackentry/key/", exchange -> {
            KEY_FETCHES.incrementAndGet();
            String id = exchange.getRequestURI().getPath().replaceAll(".*/", "");
            byte[] answer = ("{\"id\":" + id + ",\"signing_key\":\"cw-key-" + id + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        keyHost.start();
    }

    @AfterAll
    static void stopKeyHost() {
        keyHost.stop(0);
    }

    private record Admin(String tenantId, String token) {
    }

    private record Connection(String id, String secret, String callbackUrl) {
    }

    private Admin admin() {
        var tenant = GatewayFixtures.tenantWithKey(management, List.of("clients:read"));
        return new Admin(tenant.tenantId(), devToken(tenant.tenantId(), randomEmail(), "ADMIN"));
    }

    private static Connection connect(Admin admin, Map<String, Object> body) {
        var created = asUser(admin.token()).contentType(ContentType.JSON).body(body).post(ADMIN_BASE).then()
                .statusCode(201).body("status", equalTo("ACTIVE")).extract();
        return new Connection(created.path("id"), created.path("secret"), created.path("callbackUrl"));
    }

    private static ValidatableResponse post(String url, String header, String signature, String body) {
        var request = given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8));
        if (signature != null) {
            request = request.header(header, signature);
        }
        return request.post(url).then();
    }

    private static ValidatableResponse generic(Connection connection, String body) {
        return post(connection.callbackUrl(), "X-CS-Signature",
                CallbackSignatures.generic(connection.secret(), body.getBytes(StandardCharsets.UTF_8)), body);
    }

    private static JsonPath callbacks(Admin admin, Connection connection) {
        return asUser(admin.token()).get(ADMIN_BASE + "/" + connection.id() + "/callbacks").then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath settled(Admin admin, Connection connection, String status) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(callbacks(admin, connection).getString("items[0].status")).isEqualTo(status));
        return callbacks(admin, connection);
    }

    private static String company(String id, String name, String occurredAt) {
        return "{\"entity\":\"company\",\"action\":\"updated\",\"id\":\"" + id + "\",\"occurredAt\":\"" + occurredAt
                + "\",\"data\":{\"name\":\"" + name + "\"}}";
    }

    @Test
    void aSignedCompanyCallbackIsStoredOnceAndUpsertedAsTheConnectionsTenant() {
        Admin admin = admin();
        Connection connection = connect(admin, Map.of("source", "generic", "name", "HaloPSA", "sourceName", "halopsa"));
        assertThat(connection.secret()).startsWith("cscb_");
        assertThat(connection.callbackUrl()).isEqualTo("/api/v1/integrations/" + connection.id() + "/callbacks");
        String body = company("19283", "Harbor Dental Group", "2026-11-20T13:00:00Z");
        generic(connection, body).statusCode(202).body("status", equalTo("ACCEPTED"));
        generic(connection, body).statusCode(202).body("status", equalTo("DUPLICATE"));

        JsonPath log = settled(admin, connection, "DELIVERED");
        assertThat(log.getList("items")).hasSize(1);
        assertThat(log.getString("items[0].entity")).isEqualTo("company");
        assertThat(log.getString("items[0].externalId")).isEqualTo("19283");
        assertThat(log.getString("items[0].target")).isEqualTo("segmentation /api/v1/clients/bulk");
        assertThat(log.getInt("items[0].attempts")).isEqualTo(1);
        JsonPath forwarded = JsonPath.from(log.getString("items[0].responseExcerpt"));
        assertThat(forwarded.getString("method")).isEqualTo("POST");
        assertThat(forwarded.getString("uri")).isEqualTo("/api/v1/clients/bulk");
        assertThat(forwarded.getString("headers.'x-tenant-id'")).isEqualTo(admin.tenantId());
        assertThat(forwarded.getString("headers.'x-principal-type'")).isEqualTo("INTEGRATION");
        assertThat(forwarded.getString("headers.'x-scopes'")).isEqualTo("clients:write,signals:write");
        assertThat(forwarded.getString("headers.'x-received-at'")).isEqualTo(log.getString("items[0].receivedAt"));
        assertThat(forwarded.getString("headers.'x-gateway-token'")).isEqualTo(UpstreamStub.GATEWAY_TOKEN);
        JsonPath upsert = JsonPath.from(forwarded.getString("body"));
        assertThat(upsert.getMap("items[0]")).containsExactly(Map.entry("source", "halopsa"),
                Map.entry("externalId", "19283"), Map.entry("name", "Harbor Dental Group"));
    }

    @Test
    void aClosedTicketAndADeviceReadingBecomeSignalsAndTheRestIsSkipped() {
        Admin admin = admin();
        Connection connection = connect(admin, Map.of("source", "generic", "name", "NinjaOne", "sourceName", "ninjaone"));
        generic(connection, "{\"entity\":\"ticket\",\"action\":\"closed\",\"id\":\"T-1\",\"occurredAt\":"
                + "\"2026-11-20T13:00:00Z\",\"data\":{\"companyId\":\"19283\",\"closedAt\":\"2026-11-20T12:55:00Z\","
                + "\"responseSlaMet\":true,\"resolutionSlaMet\":false}}").statusCode(202);
        JsonPath log = settled(admin, connection, "DELIVERED");
        assertThat(log.getString("items[0].target")).isEqualTo("health /api/v1/signals/bulk");
        JsonPath signal = JsonPath.from(JsonPath.from(log.getString("items[0].responseExcerpt")).getString("body"));
        assertThat(signal.getString("source")).isEqualTo("ninjaone");
        assertThat(signal.getString("items[0].type")).isEqualTo("TICKET_RESULT");
        assertThat(signal.getString("items[0].client.externalId")).isEqualTo("19283");
        assertThat(signal.getBoolean("items[0].resolutionSlaMet")).isFalse();

        generic(connection, "{\"entity\":\"configuration\",\"action\":\"updated\",\"id\":\"dev-7\",\"occurredAt\":"
                + "\"2026-11-20T13:05:00Z\",\"data\":{\"companyId\":\"19283\",\"signalType\":\"PATCH_COMPLIANCE\","
                + "\"numerator\":45,\"denominator\":50}}").statusCode(202);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(callbacks(admin, connection).getList("items.status")).containsOnly("DELIVERED").hasSize(2));

        generic(connection, "{\"entity\":\"invoice\",\"action\":\"created\",\"id\":\"I-1\",\"occurredAt\":"
                + "\"2026-11-20T13:10:00Z\"}").statusCode(202);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(callbacks(admin, connection).getList("items.status")).contains("SKIPPED"));
        assertThat(callbacks(admin, connection).getList("items.error")).anyMatch(e -> e != null
                && e.toString().contains("invoice"));
    }

    @Test
    void aFailingServiceIsRetriedUntilTwentyFourHoursHavePassed() {
        Admin admin = admin();
        Connection connection = connect(admin, Map.of("source", "generic", "name", "Failing"));
        generic(connection, company("77", UpstreamStub.FAILING_MARKER, "2026-11-20T13:00:00Z")).statusCode(202);
        JsonPath first = settled(admin, connection, "PENDING");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(callbacks(admin, connection).getInt("items[0].attempts")).isEqualTo(1));
        first = callbacks(admin, connection);
        assertThat(first.getInt("items[0].httpStatus")).isEqualTo(503);
        assertThat(java.time.Instant.parse(first.getString("items[0].nextAttemptAt")))
                .isEqualTo(java.time.Instant.parse(first.getString("items[0].receivedAt")).plusSeconds(60));
        clock.advance(Duration.ofHours(25));
        JsonPath last = settled(admin, connection, "GIVEN_UP");
        assertThat(last.getInt("items[0].attempts")).isEqualTo(2);
        assertThat(last.getString("items[0].completedAt")).isNotNull();
    }

    @Test
    void anAutotaskCallbackIsCheckedWithItsSha1SignatureAndItsDeactivationIsRecorded() {
        Admin admin = admin();
        String secret = "autotask-shared-secret-0001";
        Connection connection = connect(admin, Map.of("source", "autotask", "name", "Autotask", "secret", secret));
        assertThat(connection.secret()).isEqualTo(secret);
        String body = "{\"Action\":\"Update\",\"Guid\":\"g-1\",\"EntityType\":\"Company\",\"Id\":501,"
                + "\"EventTime\":\"2026-11-20T13:00:00Z\",\"SequenceNumber\":4,\"Fields\":{\"companyName\":\"Pine Street Legal\"}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        post(connection.callbackUrl(), "X-Hook-Signature", CallbackSignatures.generic(secret, bytes), body).statusCode(401);
        post(connection.callbackUrl(), "X-Hook-Signature", CallbackSignatures.autotask(secret, bytes), body).statusCode(202);
        JsonPath log = settled(admin, connection, "DELIVERED");
        JsonPath upsert = JsonPath.from(JsonPath.from(log.getString("items[0].responseExcerpt")).getString("body"));
        assertThat(upsert.getString("items[0].name")).isEqualTo("Pine Street Legal");
        assertThat(upsert.getString("items[0].source")).isEqualTo("autotask");

        String deactivation = "{\"Action\":\"Deactivated\",\"Guid\":\"g-2\"}";
        String deactivationUrl = "/api/v1/integrations/" + connection.id() + "/deactivated";
        post(deactivationUrl, "X-Hook-Signature", "sha1=AAAA", deactivation).statusCode(401);
        asUser(admin.token()).get(ADMIN_BASE + "/" + connection.id()).then().body("status", equalTo("ACTIVE"));
        post(deactivationUrl, "X-Hook-Signature",
                CallbackSignatures.autotask(secret, deactivation.getBytes(StandardCharsets.UTF_8)), deactivation)
                .statusCode(202);
        asUser(admin.token()).get(ADMIN_BASE + "/" + connection.id()).then().statusCode(200)
                .body("status", equalTo("DEACTIVATED")).body("deactivatedAt", notNullValue())
                .body("$", not(hasKey("secret")));
    }

    @Test
    void connectWiseKeysComeOnlyFromTheConnectionsOwnHostAndAreCached() {
        Admin admin = admin();
        String host = "http://127.0.0.1:" + keyHost.getAddress().getPort();
        Connection connection = connect(admin, Map.of("source", "connectwise", "name", "CW", "host", host));
        assertThat(connection.secret()).isNull();
        String keyPath = "/v4_6_release/apis/3.0/system/callbackentry/key/" + (1000 + KEY_FETCHES.get());
        String keyId = keyPath.replaceAll(".*/", "");
        int fetchesBefore = KEY_FETCHES.get();
        for (String updated : List.of("2026-11-20T13:00:00Z", "2026-11-20T13:01:00Z")) {
            String entity = "{\\\"id\\\":19283,\\\"name\\\":\\\"Harbor Dental Group\\\",\\\"_info\\\":{\\\"lastUpdated\\\":\\\""
                    + updated + "\\\"}}";
            String body = "{\"MessageId\":\"m-" + updated + "\",\"Action\":\"updated\",\"Type\":\"company\",\"ID\":19283,"
                    + "\"Entity\":\"" + entity + "\",\"Metadata\":{\"key_url\":\"" + host + keyPath + "\"}}";
            post(connection.callbackUrl(), "x-content-signature",
                    CallbackSignatures.connectWise("cw-key-" + keyId, body.getBytes(StandardCharsets.UTF_8)), body)
                    .statusCode(202).body("status", equalTo("ACCEPTED"));
        }
        assertThat(KEY_FETCHES.get() - fetchesBefore).isEqualTo(1);
        JsonPath log = settled(admin, connection, "DELIVERED");
        JsonPath upsert = JsonPath.from(JsonPath.from(log.getString("items[0].responseExcerpt")).getString("body"));
        assertThat(upsert.getString("items[0].name")).isEqualTo("Harbor Dental Group");

        // the same server under another host name is not the connection's host: nothing is fetched, 401
        String foreign = "{\"Type\":\"company\",\"ID\":1,\"Metadata\":{\"key_url\":\"http://localhost:"
                + keyHost.getAddress().getPort() + keyPath + "9\"}}";
        post(connection.callbackUrl(), "x-content-signature",
                CallbackSignatures.connectWise("cw-key-" + keyId + "9", foreign.getBytes(StandardCharsets.UTF_8)), foreign)
                .statusCode(401);
        String tampered = "{\"Type\":\"company\",\"ID\":2,\"Metadata\":{\"key_url\":\"" + host + keyPath + "\"}}";
        post(connection.callbackUrl(), "x-content-signature", CallbackSignatures.connectWise("wrong", tampered.getBytes(
                StandardCharsets.UTF_8)), tampered).statusCode(401);
        post(connection.callbackUrl(), "x-content-signature", null, tampered).statusCode(401);
        assertThat(KEY_FETCHES.get() - fetchesBefore).isEqualTo(1);
        assertThat(callbacks(admin, connection).getList("items")).hasSize(2);
    }

    @Test
    void connectionsAreAdministeredByTheirTenantsAdminsOnly() {
        Admin admin = admin();
        Connection connection = connect(admin, Map.of("source", "generic", "name", "Halo"));
        String url = ADMIN_BASE + "/" + connection.id();
        asUser(admin.token()).get(ADMIN_BASE).then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].id", equalTo(connection.id())).body("items[0]", not(hasKey("secret")));
        asUser(admin.token()).contentType(ContentType.JSON).body(Map.of("name", "Halo EU", "active", false)).patch(url)
                .then().statusCode(200).body("name", equalTo("Halo EU")).body("status", equalTo("DEACTIVATED"));
        asUser(admin.token()).contentType(ContentType.JSON).body(Map.of("host", "https://cw.example.com")).patch(url)
                .then().statusCode(400).body("errors[0].field", equalTo("host"));

        Admin other = admin();
        asUser(other.token()).get(url).then().statusCode(404);
        asUser(other.token()).get(url + "/callbacks").then().statusCode(404);
        asUser(other.token()).delete(url).then().statusCode(404);
        String csm = devToken(admin.tenantId(), randomEmail(), "CSM");
        asUser(csm).get(ADMIN_BASE).then().statusCode(403).body("type", equalTo("/problems/forbidden"));

        asUser(admin.token()).contentType(ContentType.JSON).body(Map.of("source", "servicenow", "name", "x"))
                .post(ADMIN_BASE).then().statusCode(400).body("errors[0].field", equalTo("source"));
        asUser(admin.token()).contentType(ContentType.JSON).body(Map.of("source", "connectwise", "name", "x",
                "host", "https://cw.example.com/some/path")).post(ADMIN_BASE).then().statusCode(400)
                .body("errors[0].field", equalTo("host"));
        asUser(admin.token()).contentType(ContentType.JSON).body(Map.of("source", "generic", "name", "x", "secret", "short"))
                .post(ADMIN_BASE).then().statusCode(400).body("errors[0].field", equalTo("secret"));

        asUser(admin.token()).delete(url).then().statusCode(204);
        generic(connection, company("1", "A", "2026-11-20T13:00:00Z")).statusCode(404)
                .body("type", equalTo("/problems/not-found"));
    }

    // §11 #17 on the callback path: what a PSA sends reaches the registry as the same JSON strings

    @Test
    void injectionStringsInACallbackAreForwardedVerbatim() {
        Admin admin = admin();
        Connection connection = connect(admin, Map.of("source", "generic", "name", "Halo"));
        String name = String.join(" ", SecuritySuiteComponentTest.INJECTIONS);
        String body = new io.vertx.core.json.JsonObject().put("entity", "company").put("action", "updated")
                .put("id", "inj-1").put("occurredAt", "2026-11-20T13:00:00Z")
                .put("data", new io.vertx.core.json.JsonObject().put("name", name)).encode();
        generic(connection, body).statusCode(202);
        JsonPath log = settled(admin, connection, "DELIVERED");
        JsonPath upsert = JsonPath.from(JsonPath.from(log.getString("items[0].responseExcerpt")).getString("body"));
        assertThat(upsert.getString("items[0].name")).isEqualTo(name);
    }

    private double count(String metric, String... tags) {
        var counter = metrics.find(metric).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void receivedProcessedAndFailedCallbacksAreCounted() {
        Admin admin = admin();
        Connection connection = connect(admin, Map.of("source", "generic", "name", "Counted"));
        String received = CallbackIntake.RECEIVED_METRIC;
        double accepted = count(received, "result", "accepted");
        double duplicate = count(received, "result", "duplicate");
        double badSignature = count(received, "result", "bad_signature");
        double delivered = count(CallbackWorker.PROCESSED_METRIC, "source", "generic", "outcome", "delivered");
        double retried = count(CallbackWorker.FAILED_METRIC, "source", "generic", "outcome", "retry");

        String body = company("31", "Counted Co", "2026-11-20T13:00:00Z");
        generic(connection, body).statusCode(202);
        generic(connection, body).statusCode(202);
        post(connection.callbackUrl(), "X-CS-Signature", "sha256=00", body).statusCode(401);
        settled(admin, connection, "DELIVERED");
        generic(connection, company("32", UpstreamStub.FAILING_MARKER, "2026-11-20T13:01:00Z")).statusCode(202);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(callbacks(admin, connection)
                .getInt("items.find { it.externalId == '32' }.attempts")).isEqualTo(1));

        assertThat(count(received, "result", "accepted") - accepted).isEqualTo(2);
        assertThat(count(received, "result", "duplicate") - duplicate).isEqualTo(1);
        assertThat(count(received, "result", "bad_signature") - badSignature).isEqualTo(1);
        // other tests' callbacks may finish meanwhile: at least this test's own
        assertThat(count(CallbackWorker.PROCESSED_METRIC, "source", "generic", "outcome", "delivered") - delivered)
                .isGreaterThanOrEqualTo(1);
        assertThat(count(CallbackWorker.FAILED_METRIC, "source", "generic", "outcome", "retry") - retried)
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void theDailyRetentionForgetsFinishedCallbacksAfterThirtyDaysButKeepsPendingOnes() {
        Admin admin = admin();
        Connection connection = connect(admin, Map.of("source", "generic", "name", "Retained"));
        generic(connection, company("41", "Old Co", "2026-11-20T13:00:00Z")).statusCode(202);
        settled(admin, connection, "DELIVERED");
        retention.purge().await().atMost(Duration.ofSeconds(10));
        assertThat(callbacks(admin, connection).getList("items")).hasSize(1);

        clock.advance(Duration.ofDays(31));
        // pending after the jump: received now, its 24 h of retries still ahead
        generic(connection, company("42", UpstreamStub.FAILING_MARKER, "2026-11-20T13:01:00Z")).statusCode(202);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(callbacks(admin, connection).getInt("items[0].attempts")).isEqualTo(1));
        assertThat(retention.purge().await().atMost(Duration.ofSeconds(10))).isPositive();
        JsonPath left = callbacks(admin, connection);
        assertThat(left.getList("items")).hasSize(1);
        assertThat(left.getString("items[0].externalId")).isEqualTo("42");
        assertThat(left.getString("items[0].status")).isEqualTo("PENDING");
    }

    // §11 #24

    @Test
    void aCallbackWithABadOrMissingSignatureStoresNothingAndAnUnknownConnectionIsNotFound() {
        Admin admin = admin();
        Connection connection = connect(admin, Map.of("source", "generic", "name", "Halo"));
        String body = company("9", "Nine", "2026-11-20T13:00:00Z");
        post(connection.callbackUrl(), "X-CS-Signature", null, body).statusCode(401)
                .body("type", equalTo("/problems/invalid-credentials"));
        post(connection.callbackUrl(), "X-CS-Signature", CallbackSignatures.generic("not-the-secret-at-all",
                body.getBytes(StandardCharsets.UTF_8)), body).statusCode(401);
        // signed for another body: the check is over the exact bytes received
        post(connection.callbackUrl(), "X-CS-Signature", CallbackSignatures.generic(connection.secret(),
                (body + " ").getBytes(StandardCharsets.UTF_8)), body).statusCode(401);
        assertThat(callbacks(admin, connection).getList("items")).isEmpty();
        generic(new Connection(UUID.randomUUID().toString(), connection.secret(),
                "/api/v1/integrations/" + UUID.randomUUID() + "/callbacks"), body).statusCode(404)
                .body("type", equalTo("/problems/not-found"));
        post("/api/v1/integrations/not-a-uuid/callbacks", "X-CS-Signature", "sha256=00", body).statusCode(400)
                .body("type", startsWith("/problems/validation-failed"));
        // callbacks are small: 256 KiB at most (§7), refused before anything is read or stored
        String large = company("10", "x".repeat(300 * 1024), "2026-11-20T13:00:00Z");
        generic(connection, large).statusCode(413).body("type", equalTo("/problems/payload-too-large"));
        // an API key is no substitute for the signature
        var tenant = GatewayFixtures.tenantWithKey(management, List.of("clients:write"));
        tenant.asKey().contentType(ContentType.JSON).body(body).post(connection.callbackUrl()).then().statusCode(401);
        assertThat(callbacks(admin, connection).getList("items")).isEmpty();
    }
}
