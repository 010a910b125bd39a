package io.mspcs.gateway.rest;

import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.EventTypes;
import io.mspcs.platformtest.EventPublisher;
import io.mspcs.platformtest.MutableClock;
import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The live feed (gateway.md §5): tickets, tenant and client filters, resume with Last-Event-ID. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(UpstreamStub.class)
class LiveFeedComponentTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @TestHTTPResource("/")
    URL root;

    @Inject
    MutableClock clock;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Stream<String>> open = new ArrayList<>();

    @AfterEach
    void closeStreams() {
        open.forEach(Stream::close);
    }

    private String ticket(GatewayFixtures.Tenant tenant) {
        return tenant.asKey().post("/api/v1/events/stream-tickets").then().statusCode(201)
                .body("expiresIn", equalTo(60)).extract().path("ticket");
    }

    /** Opens a stream and collects its lines in the background. */
    private BlockingQueue<String> connect(String query, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + "api/v1/events/stream?" + query))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        open.add(response.body());
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static String nextId(BlockingQueue<String> lines, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith("id: ")) {
                return line.substring(4);
            }
            if (line != null && line.equals("event: resync")) {
                return "resync";
            }
        }
        return null;
    }

    private static EventEnvelope event(String tenantId, String clientId) throws Exception {
        return EventEnvelope.of(UUID.randomUUID(), "/cs/health-service", EventTypes.DMI_DROPPED, Instant.parse("2026-11-20T14:00:00Z"),
                clientId, UUID.fromString(tenantId), "corr-live-feed-1", null,
                EventCodec.mapper().readTree("{\"clientId\":\"" + clientId + "\"}"));
    }

    @Test
    void receivesItsTenantsLiveEventAndResumesAfterReconnect() throws Exception {
        var tenant = GatewayFixtures.tenantWithKey(management, List.of("events:read"));
        var other = GatewayFixtures.tenantWithKey(management, List.of("events:read"));
        String client = UUID.randomUUID().toString();
        BlockingQueue<String> lines = connect("ticket=" + ticket(tenant), null);
        assertThat(lines.poll(5, TimeUnit.SECONDS)).isEqualTo("retry: 3000");

        EventPublisher publisher = EventPublisher.forSharedInfra();
        EventEnvelope othersEvent = event(other.tenantId(), UUID.randomUUID().toString());
        EventEnvelope first = event(tenant.tenantId(), client);
        publisher.publish(othersEvent);
        publisher.publish(first);
        assertThat(nextId(lines, Duration.ofSeconds(15))).isEqualTo(first.id().toString());

        open.forEach(Stream::close);
        EventEnvelope missed = event(tenant.tenantId(), client);
        publisher.publish(missed);
        Thread.sleep(1_000); // let the missed event reach the buffer while nobody listens
        BlockingQueue<String> resumed = connect("ticket=" + ticket(tenant), first.id().toString());
        assertThat(nextId(resumed, Duration.ofSeconds(10))).isEqualTo(missed.id().toString());

        BlockingQueue<String> unknown = connect("ticket=" + ticket(tenant), UUID.randomUUID().toString());
        assertThat(nextId(unknown, Duration.ofSeconds(5))).isEqualTo("resync");
    }

    @Test
    void aClientFilterLetsOnlyThatClientsEventsThrough() throws Exception {
        var tenant = GatewayFixtures.tenantWithKey(management, List.of("events:read"));
        String wanted = UUID.randomUUID().toString();
        BlockingQueue<String> lines = connect("ticket=" + ticket(tenant) + "&clientId=" + wanted + "&types=health.*", null);
        EventPublisher publisher = EventPublisher.forSharedInfra();
        publisher.publish(event(tenant.tenantId(), UUID.randomUUID().toString()));
        EventEnvelope mine = event(tenant.tenantId(), wanted);
        publisher.publish(mine);
        assertThat(nextId(lines, Duration.ofSeconds(15))).isEqualTo(mine.id().toString());
    }

    // gateway.md §11 #11: a filter naming another tenant's client selects nothing of that tenant

    @Test
    void aFilterOnAnotherTenantsClientYieldsNoneOfItsEvents() throws Exception {
        var tenant = GatewayFixtures.tenantWithKey(management, List.of("events:read"));
        var other = GatewayFixtures.tenantWithKey(management, List.of("events:read"));
        String theirClient = UUID.randomUUID().toString();
        BlockingQueue<String> mine = connect("ticket=" + ticket(tenant) + "&clientId=" + theirClient, null);
        BlockingQueue<String> theirs = connect("ticket=" + ticket(other) + "&clientId=" + theirClient, null);
        EventEnvelope theirEvent = event(other.tenantId(), theirClient);
        EventPublisher.forSharedInfra().publish(theirEvent);
        assertThat(nextId(theirs, Duration.ofSeconds(15))).isEqualTo(theirEvent.id().toString());
        assertThat(nextId(mine, Duration.ofSeconds(5))).isNull();
    }

    @Test
    void tenantAdminsAreToldWhenAPsaDeactivatesItsConnectionAndOtherReadersAreNot() throws Exception {
        var tenant = GatewayFixtures.tenantWithKey(management, List.of("events:read"));
        String admin = GatewayFixtures.devToken(tenant.tenantId(), GatewayFixtures.randomEmail(), "ADMIN");
        String secret = "generic-shared-secret-0001";
        String connectionId = GatewayFixtures.asUser(admin).contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("source", "generic", "name", "Halo", "secret", secret))
                .post("/api/v1/admin/integrations").then().statusCode(201).extract().path("id");
        String adminTicket = GatewayFixtures.asUser(admin).post("/api/v1/events/stream-tickets").then().statusCode(201)
                .extract().path("ticket");
        BlockingQueue<String> adminLines = connect("ticket=" + adminTicket, null);
        BlockingQueue<String> keyLines = connect("ticket=" + ticket(tenant), null);
        assertThat(adminLines.poll(5, TimeUnit.SECONDS)).isEqualTo("retry: 3000");
        assertThat(keyLines.poll(5, TimeUnit.SECONDS)).isEqualTo("retry: 3000");

        byte[] notice = "{\"Action\":\"Deactivated\",\"Guid\":\"g-9\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON)
                .header("X-CS-Signature", io.mspcs.gateway.domain.CallbackSignatures.generic(secret, notice)).body(notice)
                .post("/api/v1/integrations/" + connectionId + "/deactivated").then().statusCode(202);
        assertThat(nextId(adminLines, Duration.ofSeconds(5))).isNotNull();
        assertThat(adminLines.poll(1, TimeUnit.SECONDS)).isEqualTo("event: gateway.IntegrationDeactivated.v1");
        assertThat(nextId(keyLines, Duration.ofSeconds(2))).isNull();
    }

    @Test
    void aTicketIsSingleUseAndShortLived() throws Exception {
        var tenant = GatewayFixtures.tenantWithKey(management, List.of("events:read"));
        String ticket = ticket(tenant);
        connect("ticket=" + ticket, null);
        io.restassured.RestAssured.given().get("/api/v1/events/stream?ticket=" + ticket).then().statusCode(401)
                .body("type", equalTo("/problems/invalid-credentials"));
        String stale = ticket(tenant);
        clock.advance(Duration.ofSeconds(61));
        io.restassured.RestAssured.given().get("/api/v1/events/stream?ticket=" + stale).then().statusCode(401)
                .body("type", equalTo("/problems/invalid-credentials"));
    }

    @Test
    void aKeyWithoutEventsReadGetsNoTicket() {
        var tenant = GatewayFixtures.tenantWithKey(management, List.of("clients:read"));
        tenant.asKey().post("/api/v1/events/stream-tickets").then().statusCode(403)
                .body("type", equalTo("/problems/insufficient-scope"));
    }
}
