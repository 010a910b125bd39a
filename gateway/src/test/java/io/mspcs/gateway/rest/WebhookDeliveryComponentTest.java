package io.mspcs.gateway.rest;

import io.micrometer.core.instrument.MeterRegistry;
import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.EventTypes;
import io.mspcs.gateway.domain.WebhookSignature;
import io.mspcs.gateway.service.WebhookDeliveryWorker;
import io.mspcs.platformtest.EventPublisher;
import io.mspcs.platformtest.MutableClock;
import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Outbound webhooks end to end (gateway.md §6): a real event on Kafka, a local receiver, Standard Webhooks signatures,
 * the retry schedule on the test clock, the delivery log, the metric, tenant isolation and the automatic disables.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(UpstreamStub.class)
class WebhookDeliveryComponentTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    MutableClock clock;

    @Inject
    MeterRegistry metrics;

    @Inject
    WebhookDeliveryWorker worker;

    private final WebhookReceiver receiver = WebhookReceiver.shared();
    private final EventPublisher publisher = EventPublisher.forSharedInfra();

    private record Subscription(String id, String secret, String path) {
    }

    private Subscription subscribe(GatewayFixtures.Tenant tenant, List<String> types) {
        String path = "/hook/" + UUID.randomUUID();
        var created = tenant.asKey().contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(path), "types", types))
                .post("/api/v1/webhooks/subscriptions").then().statusCode(201).extract();
        return new Subscription(created.path("id"), created.path("secret"), path);
    }

    private static EventEnvelope dmiDropped(String tenantId) throws Exception {
        String client = UUID.randomUUID().toString();
        return EventEnvelope.of(UUID.randomUUID(), "/cs/health-service", EventTypes.DMI_DROPPED,
                Instant.parse("2026-11-20T14:00:00Z"), client, UUID.fromString(tenantId), "corr-webhook-1", null,
                EventCodec.mapper().readTree("{\"clientId\":\"" + client + "\"}"));
    }

    private static JsonPath deliveries(GatewayFixtures.Tenant tenant, String subscriptionId) {
        return tenant.asKey().queryParam("subscriptionId", subscriptionId).get("/api/v1/webhooks/deliveries")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the subscription's only delivery has logged {@code attempts} attempts, and returns it. */
    private static JsonPath afterAttempt(GatewayFixtures.Tenant tenant, String subscriptionId, int attempts) {
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(deliveries(tenant, subscriptionId).getList("items[0].log")).hasSize(attempts));
        return deliveries(tenant, subscriptionId);
    }

    private double count(String outcome) {
        var counter = metrics.find("cs_webhook_deliveries").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static void assertSignedBy(WebhookReceiver.Received request, String... secrets) {
        String id = request.header("webhook-id");
        long timestamp = Long.parseLong(request.header("webhook-timestamp"));
        List<String> signatures = Arrays.asList(request.header("webhook-signature").split(" "));
        assertThat(signatures).hasSize(secrets.length);
        for (String secret : secrets) {
            assertThat(signatures).contains(WebhookSignature.sign(secret, id, timestamp, request.body()));
        }
    }

    @Test
    void aFailingReceiverGetsTheEventAgainOnTheRetryScheduleUntilItAccepts() throws Exception {
        var tenant = GatewayFixtures.tenantWithKey(management, List.of("webhooks:manage"));
        var subscription = subscribe(tenant, List.of("health.*"));
        receiver.script(subscription.path(), new WebhookReceiver.Answer(500, null),
                new WebhookReceiver.Answer(503, "900"));
        double deliveredBefore = count("delivered");
        double failedBefore = count("failed");

        EventEnvelope event = dmiDropped(tenant.tenantId());
        publisher.publish(event);
        publisher.publish(event); // a redelivered event adds no second delivery

        var first = receiver.next(subscription.path(), WAIT);
        assertThat(first).as("first attempt").isNotNull();
        Instant firstAt = clock.instant();
        assertThat(first.header("webhook-id")).isEqualTo(event.id().toString());
        assertThat(first.header("content-type")).isEqualTo("application/cloudevents+json");
        assertThat(Long.parseLong(first.header("webhook-timestamp"))).isEqualTo(firstAt.getEpochSecond());
        assertSignedBy(first, subscription.secret());
        assertThat(EventCodec.parse(first.body()).id()).isEqualTo(event.id());

        // attempt 1 failed: the next one after 1 min ± 20 %
        JsonPath log = afterAttempt(tenant, subscription.id(), 1);
        assertThat(log.getString("items[0].status")).isEqualTo("PENDING");
        assertThat(log.getInt("items[0].log[0].httpStatus")).isEqualTo(500);
        Instant second = Instant.parse(log.getString("items[0].nextAttemptAt"));
        assertThat(Duration.between(firstAt, second)).isBetween(Duration.ofSeconds(48), Duration.ofSeconds(72));

        clock.set(second);
        assertThat(receiver.next(subscription.path(), WAIT)).as("second attempt").isNotNull();
        // attempt 2 failed with Retry-After 900 s, longer than 5 min + 20 %: the receiver's wish wins
        log = afterAttempt(tenant, subscription.id(), 2);
        assertThat(log.getInt("items[0].log[1].httpStatus")).isEqualTo(503);
        assertThat(Instant.parse(log.getString("items[0].nextAttemptAt"))).isEqualTo(second.plusSeconds(900));

        clock.set(second.plusSeconds(900));
        var third = receiver.next(subscription.path(), WAIT);
        assertThat(third).as("third attempt").isNotNull();
        assertSignedBy(third, subscription.secret());
        log = afterAttempt(tenant, subscription.id(), 3);
        assertThat(log.getList("items")).hasSize(1);
        assertThat(log.getString("items[0].status")).isEqualTo("DELIVERED");
        assertThat(log.getString("items[0].deliveredAt")).isEqualTo(second.plusSeconds(900).toString());
        assertThat(log.getList("items[0].log.httpStatus")).containsExactly(500, 503, 200);
        assertThat(log.getString("items[0].log[2].responseExcerpt")).isEqualTo("answer 200");
        assertThat(log.getString("items[0].eventId")).isEqualTo(event.id().toString());
        assertThat(count("delivered") - deliveredBefore).isGreaterThanOrEqualTo(1);
        assertThat(count("failed") - failedBefore).isGreaterThanOrEqualTo(2);
        assertThat(receiver.drained(subscription.path())).isEmpty();
    }

    @Test
    void anotherTenantsEventsNeverReachTheSubscription() throws Exception {
        var tenant = GatewayFixtures.tenantWithKey(management, List.of("webhooks:manage"));
        var other = GatewayFixtures.tenantWithKey(management, List.of("webhooks:manage"));
        var mine = subscribe(tenant, List.of("health.*"));
        var theirs = subscribe(other, List.of("health.*"));

        EventEnvelope othersEvent = dmiDropped(other.tenantId());
        EventEnvelope myEvent = dmiDropped(tenant.tenantId());
        publisher.publish(othersEvent);
        publisher.publish(myEvent);

        assertThat(receiver.next(theirs.path(), WAIT).header("webhook-id")).isEqualTo(othersEvent.id().toString());
        assertThat(receiver.next(mine.path(), WAIT).header("webhook-id")).isEqualTo(myEvent.id().toString());
        Thread.sleep(1_000);
        assertThat(receiver.drained(mine.path())).isEmpty();
        tenant.asKey().get("/api/v1/webhooks/deliveries").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].eventId", equalTo(myEvent.id().toString()));
        String othersDelivery = deliveries(other, theirs.id()).getString("items[0].id");
        tenant.asKey().get("/api/v1/webhooks/deliveries/" + othersDelivery).then().statusCode(404);
        tenant.asKey().post("/api/v1/webhooks/deliveries/" + othersDelivery + "/redeliver").then().statusCode(404);
    }

    @Test
    void aSubscriptionOnlyGetsTheTypesItAskedFor() throws Exception {
        var tenant = GatewayFixtures.tenantWithKey(management, List.of("webhooks:manage"));
        var ctasOnly = subscribe(tenant, List.of("cadence.*"));
        var health = subscribe(tenant, List.of(EventTypes.DMI_DROPPED));
        EventEnvelope event = dmiDropped(tenant.tenantId());
        publisher.publish(event);
        assertThat(receiver.next(health.path(), WAIT)).isNotNull();
        Thread.sleep(1_000);
        assertThat(receiver.drained(ctasOnly.path())).isEmpty();
    }

    @Test
    void goneDisablesTheSubscriptionAtOnceAndReenablingSendsAPing() throws Exception {
        var tenant = GatewayFixtures.tenantWithKey(management, List.of("webhooks:manage"));
        var subscription = subscribe(tenant, List.of("health.*"));
        receiver.script(subscription.path(), new WebhookReceiver.Answer(410, null));
        publisher.publish(dmiDropped(tenant.tenantId()));
        assertThat(receiver.next(subscription.path(), WAIT)).isNotNull();

        await().atMost(WAIT).untilAsserted(() -> tenant.asKey().get("/api/v1/webhooks/subscriptions/" + subscription.id())
                .then().statusCode(200).body("status", equalTo("DISABLED_GONE")).body("active", equalTo(false)));
        assertThat(deliveries(tenant, subscription.id()).getString("items[0].status")).isEqualTo("GIVEN_UP");

        publisher.publish(dmiDropped(tenant.tenantId()));
        Thread.sleep(1_500);
        assertThat(receiver.drained(subscription.path())).isEmpty();

        tenant.asKey().contentType(ContentType.JSON).body(Map.of("active", true))
                .patch("/api/v1/webhooks/subscriptions/" + subscription.id()).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("active", equalTo(true));
        var ping = receiver.next(subscription.path(), WAIT);
        assertThat(ping).isNotNull();
        assertThat(EventCodec.parse(ping.body()).type()).isEqualTo("gateway.WebhookPing.v1");
        assertSignedBy(ping, subscription.secret());
    }

    @Test
    void threeDaysOfNothingButFailuresDisableTheSubscription() throws Exception {
        var tenant = GatewayFixtures.tenantWithKey(management, List.of("webhooks:manage"));
        var subscription = subscribe(tenant, List.of("health.*"));
        receiver.always(subscription.path(), 500);
        double givenUpBefore = count("given_up");
        Instant start = clock.instant();

        publisher.publish(dmiDropped(tenant.tenantId()));
        failThroughTheSchedule(tenant, subscription);
        // the first delivery gave up after ~45 h: not yet three days of failure
        tenant.asKey().get("/api/v1/webhooks/subscriptions/" + subscription.id()).then().body("status", equalTo("ACTIVE"));

        clock.set(start.plus(Duration.ofDays(3)));
        publisher.publish(dmiDropped(tenant.tenantId()));
        await().atMost(WAIT).until(() -> deliveries(tenant, subscription.id()).getList("items").size() == 2);
        failThroughTheSchedule(tenant, subscription);
        await().atMost(WAIT).untilAsserted(() -> tenant.asKey().get("/api/v1/webhooks/subscriptions/" + subscription.id())
                .then().body("status", equalTo("DISABLED_FAILING")).body("active", equalTo(false)));
        assertThat(count("given_up") - givenUpBefore).isGreaterThanOrEqualTo(2);
    }

    /** Steps the clock from attempt to attempt of the newest delivery until its eighth attempt gives up. */
    private void failThroughTheSchedule(GatewayFixtures.Tenant tenant, Subscription subscription) {
        for (int attempt = 1; attempt <= 8; attempt++) {
            int expected = attempt;
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(deliveries(tenant, subscription.id()).getList("items[0].log")).hasSize(expected));
            JsonPath page = deliveries(tenant, subscription.id());
            if (attempt < 8) {
                assertThat(page.getString("items[0].status")).isEqualTo("PENDING");
                clock.set(Instant.parse(page.getString("items[0].nextAttemptAt")));
            } else {
                assertThat(page.getString("items[0].status")).isEqualTo("GIVEN_UP");
            }
        }
    }

    @Test
    void aRotatedSecretSignsBesideTheOldOneAndDeliveriesCanBeSentAgain() throws Exception {
        var tenant = GatewayFixtures.tenantWithKey(management, List.of("webhooks:manage"));
        var subscription = subscribe(tenant, List.of("health.*"));
        String rotated = tenant.asKey().post("/api/v1/webhooks/subscriptions/" + subscription.id() + "/rotate-secret")
                .then().statusCode(200).extract().path("secret");
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(subscription.secret());

        String deliveryId = tenant.asKey().post("/api/v1/webhooks/subscriptions/" + subscription.id() + "/test")
                .then().statusCode(202).extract().path("deliveryId");
        var ping = receiver.next(subscription.path(), WAIT);
        assertThat(ping).isNotNull();
        assertSignedBy(ping, rotated, subscription.secret());
        await().atMost(WAIT).untilAsserted(() -> tenant.asKey().get("/api/v1/webhooks/deliveries/" + deliveryId)
                .then().statusCode(200).body("status", equalTo("DELIVERED")));

        tenant.asKey().post("/api/v1/webhooks/deliveries/" + deliveryId + "/redeliver").then().statusCode(202);
        var again = receiver.next(subscription.path(), WAIT);
        assertThat(again).isNotNull();
        assertThat(again.header("webhook-id")).isEqualTo(ping.header("webhook-id"));

        // after the 24 h overlap only the new secret signs
        clock.advance(Duration.ofHours(25));
        tenant.asKey().post("/api/v1/webhooks/subscriptions/" + subscription.id() + "/test").then().statusCode(202);
        var later = receiver.next(subscription.path(), WAIT);
        assertThat(later).isNotNull();
        assertSignedBy(later, rotated);

        tenant.asKey().get("/api/v1/webhooks/deliveries?limit=1").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("nextCursor", org.hamcrest.Matchers.notNullValue());
        tenant.asKey().get("/api/v1/webhooks/deliveries?limit=0").then().statusCode(400)
                .body("type", equalTo("/problems/validation-failed"));
    }

    @Test
    void theHourlyPurgeForgetsFinishedDeliveriesAfterThirtyDays() throws Exception {
        var tenant = GatewayFixtures.tenantWithKey(management, List.of("webhooks:manage"));
        var subscription = subscribe(tenant, List.of("health.*"));
        String deliveryId = tenant.asKey().post("/api/v1/webhooks/subscriptions/" + subscription.id() + "/test")
                .then().statusCode(202).extract().path("deliveryId");
        assertThat(receiver.next(subscription.path(), WAIT)).isNotNull();
        await().atMost(WAIT).untilAsserted(() -> tenant.asKey().get("/api/v1/webhooks/deliveries/" + deliveryId)
                .then().statusCode(200).body("status", equalTo("DELIVERED")));

        worker.purgeLog().await().atMost(WAIT);
        tenant.asKey().get("/api/v1/webhooks/deliveries/" + deliveryId).then().statusCode(200);

        clock.advance(Duration.ofDays(31));
        assertThat(worker.purgeLog().await().atMost(WAIT)).isPositive();
        tenant.asKey().get("/api/v1/webhooks/deliveries/" + deliveryId).then().statusCode(404);
    }

    @Test
    void aChangedUrlIsCheckedLikeANewOne() {
        var tenant = GatewayFixtures.tenantWithKey(management, List.of("webhooks:manage"));
        var subscription = subscribe(tenant, List.of("health.*"));
        tenant.asKey().contentType(ContentType.JSON).body(Map.of("url", "https://169.254.169.254/latest"))
                .patch("/api/v1/webhooks/subscriptions/" + subscription.id()).then().statusCode(400)
                .body("errors[0].field", equalTo("url"));
        tenant.asKey().contentType(ContentType.JSON).body(Map.of("types", List.of("cadence.*"), "description", "CTAs"))
                .patch("/api/v1/webhooks/subscriptions/" + subscription.id()).then().statusCode(200)
                .body("types", equalTo(List.of("cadence.*"))).body("description", equalTo("CTAs"))
                .body("url", equalTo(receiver.url(subscription.path())));
        var other = GatewayFixtures.tenantWithKey(management, List.of("webhooks:manage"));
        other.asKey().contentType(ContentType.JSON).body(Map.of("active", false))
                .patch("/api/v1/webhooks/subscriptions/" + subscription.id()).then().statusCode(404);
        other.asKey().post("/api/v1/webhooks/subscriptions/" + subscription.id() + "/rotate-secret").then().statusCode(404);
        other.asKey().post("/api/v1/webhooks/subscriptions/" + subscription.id() + "/test").then().statusCode(404);
    }
}
