package io.mspcs.health.messaging;

import io.mspcs.platformtest.ConsumedEvents;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.Topics;
import io.mspcs.contracts.KafkaHeaders;
import io.mspcs.platformtest.DeadLetters;
import io.mspcs.health.support.HealthDatabase;
import io.mspcs.health.support.SegmentationEvents;
import io.mspcs.platformtest.EventPublisher;
import io.mspcs.platformtest.OutboxRows;
import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.platformtest.TenantApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "health"))
class SegmentationEventsComponentTest {

    private static final Instant REGISTERED = Instant.parse("2026-01-12T10:15:02.337Z");
    private static final Map<String, Object> MFA_BODY = Map.of("items", List.of(Map.of("insightCode", "MFA", "coverage", 0.8)));

    private static String dmiPath(UUID client) {
        return "/api/v1/clients/" + client + "/dmi";
    }

    private static void assertBandProfile(UUID tenant, UUID client, String profile) {
        as(tenant).get(dmiPath(client)).then().statusCode(200).body("band.profile", equalTo(profile));
    }

    @Test
    void aClientIsUnknownUntilItsClientRegisteredIsConsumed() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        as(tenant).body(MFA_BODY).post(dmiPath(client) + "/coverage").then()
                .statusCode(404).contentType("application/problem+json").body("type", equalTo("/problems/not-found"));

        EventEnvelope registered = SegmentationEvents.clientRegistered(tenant, client, "Harbor Dental", REGISTERED);
        SegmentationEvents.publish(registered);
        ConsumedEvents.await("health", registered.id());

        as(tenant).get(dmiPath(client)).then().statusCode(200)
                .body("dmi", nullValue()).body("color", nullValue()).body("complete", equalTo(false))
                .body("catalogVersion", equalTo(1))
                .body("insights", hasSize(8)).body("insights.status", everyItem(equalTo("MISSING")))
                .body("band.profile", equalTo("STANDARD"));
        assertThat(OutboxRows.of("health", tenant)).as("a registration emits nothing").isEmpty();
        as(tenant).body(MFA_BODY).post(dmiPath(client) + "/coverage").then().statusCode(200);
    }

    @Test
    void aRedeliveredOrReplayedRegistrationChangesNothing() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        EventEnvelope registered = SegmentationEvents.clientRegistered(tenant, client, "Harbor Dental", REGISTERED);
        SegmentationEvents.publish(registered);
        ConsumedEvents.await("health", registered.id());
        Map<String, Object> first = HealthDatabase.clientRow(tenant, client);

        EventEnvelope replayed = SegmentationEvents.withNewId(
                SegmentationEvents.clientRegistered(tenant, client, "Renamed Dental", REGISTERED.plusSeconds(60)));
        SegmentationEvents.publish(registered, replayed);
        ConsumedEvents.await("health", replayed.id());

        Map<String, Object> after = HealthDatabase.clientRow(tenant, client);
        assertThat(after).isEqualTo(first);
        assertThat(first).containsEntry("name", "Harbor Dental").containsEntry("source", "connectwise")
                .containsEntry("external_id", "19283").containsEntry("status", "ACTIVE");
        assertThat(HealthDatabase.count("client_health", tenant)).isEqualTo(1);
        assertThat(OutboxRows.of("health", tenant)).isEmpty();
    }

    @Test
    void keepsOnlyTheNewestSegmentAndTreatsAProvisionalOneAsStandard() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        EventEnvelope registered = SegmentationEvents.clientRegistered(tenant, client, "Harbor Dental", REGISTERED);
        EventEnvelope provisional = SegmentationEvents.segmentAssigned(tenant, client, "C", true, REGISTERED);
        SegmentationEvents.publish(registered, provisional);
        ConsumedEvents.await("health", provisional.id());
        assertBandProfile(tenant, client, "STANDARD");

        EventEnvelope changed = SegmentationEvents.segmentChanged(tenant, client, "C", "B", Instant.parse("2026-11-20T09:15:01Z"));
        SegmentationEvents.publish(changed);
        ConsumedEvents.await("health", changed.id());
        assertBandProfile(tenant, client, "B");

        EventEnvelope older = SegmentationEvents.segmentAssigned(tenant, client, "D", false, Instant.parse("2026-06-01T00:00:00Z"));
        SegmentationEvents.publish(older);
        ConsumedEvents.await("health", older.id());
        assertBandProfile(tenant, client, "B");
        assertThat(HealthDatabase.clientRow(tenant, client)).containsEntry("segment", "B")
                .containsEntry("segment_provisional", false);
    }

    @Test
    void aSegmentThatArrivesBeforeTheRegistrationIsKeptForIt() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        EventEnvelope assigned = SegmentationEvents.segmentAssigned(tenant, client, "C", false, REGISTERED);
        SegmentationEvents.publish(assigned);
        ConsumedEvents.await("health", assigned.id());
        as(tenant).get(dmiPath(client)).then().statusCode(404);

        EventEnvelope registered = SegmentationEvents.clientRegistered(tenant, client, "Harbor Dental", REGISTERED);
        SegmentationEvents.publish(registered);
        ConsumedEvents.await("health", registered.id());

        assertBandProfile(tenant, client, "C");
        assertThat(HealthDatabase.clientRow(tenant, client)).containsEntry("name", "Harbor Dental");
    }

    @Test
    void aRegistrationWithoutANameIsSetAsideAndDoesNotBlockTheNext() {
        UUID tenant = UUID.randomUUID();
        UUID broken = UUID.randomUUID();
        EventEnvelope nameless = SegmentationEvents.clientRegistered(tenant, broken, "x", REGISTERED);
        ((ObjectNode) nameless.data()).remove("name");
        UUID client = UUID.randomUUID();
        EventEnvelope next = SegmentationEvents.clientRegistered(tenant, client, "Keel Logistics", REGISTERED);
        try (EventPublisher publisher = EventPublisher.forSharedInfra()) {
            publisher.publish(nameless);
            publisher.publish(next);
        }
        ConsumedEvents.await("health", next.id());

        as(tenant).get(dmiPath(client)).then().statusCode(200);
        as(tenant).get(dmiPath(broken)).then().statusCode(404);
        assertThat(HealthDatabase.clientRow(tenant, broken)).isNull();
        var dead = DeadLetters.awaitRecord(Topics.deadLetter(Topics.SEGMENTATION), nameless.partitionKey());
        assertThat(DeadLetters.header(dead, KafkaHeaders.DLQ_CONSUMER)).contains(SegmentationEventsConsumer.NAME);
    }
}
