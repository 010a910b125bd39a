package io.mspcs.cadence.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mspcs.platformtest.ConsumedEvents;
import io.mspcs.cadence.support.TestEvents;
import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.EventTypes;
import io.mspcs.platformtest.ContractAssertions;
import io.mspcs.platformtest.EventPublisher;
import io.mspcs.platformtest.MutableClock;
import io.mspcs.platformtest.OutboxRows;
import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.mspcs.platformtest.TenantApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Rule AD-T9 end to end inside the service: health and segmentation events in, CTA rows and events out. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "cadence"))
class DmiDropCtaComponentTest {

    private static final Instant DROP_TIME = Instant.parse("2026-11-20T14:03:12.481Z");
    private static final Instant HANDLED_AT = Instant.parse("2026-11-20T14:03:13.112Z");

    private static EventPublisher publisher;

    @Inject
    MutableClock clock;

    @BeforeAll
    static void connect() {
        publisher = EventPublisher.forSharedInfra();
    }

    @AfterAll
    static void disconnect() {
        if (publisher != null) {
            publisher.close();
        }
    }

    private static List<OutboxRows.Row> awaitRows(UUID tenant, String type, int count) {
        await().atMost(ConsumedEvents.PATIENCE).until(() -> OutboxRows.of("cadence", tenant, type).size() >= count);
        return OutboxRows.of("cadence", tenant, type);
    }

    private static EventEnvelope e3FirstDrop(UUID tenant, UUID client, UUID snapshot) {
        return TestEvents.dmiDropped(tenant, client, snapshot, 74.0, 61.5, "C", DROP_TIME, "corr-e3-upload");
    }

    private void publishAndAwait(EventEnvelope event) {
        publisher.publish(event);
        ConsumedEvents.await("cadence", event.id());
    }

    @Test
    void opensOneSchemaValidCtaForADmiDropWithE3Dates() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        clock.set(HANDLED_AT);
        EventEnvelope drop = e3FirstDrop(tenant, client, UUID.randomUUID());

        publisher.publish(drop);

        OutboxRows.Row opened = awaitRows(tenant, EventTypes.CTA_OPENED, 1).get(0);
        ContractAssertions.assertValid(opened);
        assertThat(opened.causationId()).isEqualTo(drop.id());
        assertThat(opened.correlationId()).isEqualTo("corr-e3-upload");
        assertThat(opened.partitionKey()).isEqualTo(tenant + ":" + client);
        JsonNode data = opened.envelope().get("data");
        assertThat(opened.envelope().get("subject").asText()).isEqualTo(client.toString());
        assertThat(data.get("kind").asText()).isEqualTo("REMEDIATION");
        assertThat(data.get("reasonCode").asText()).isEqualTo("DMI_DROP");
        assertThat(data.get("priority").asText()).isEqualTo("HIGH");
        assertThat(data.get("title").asText()).isEqualTo("DMI dropped 12.5 points: resequence roadmap, add quick wins");
        assertThat(data.get("openedAt").asText()).isEqualTo("2026-11-20T14:03:13.112Z");
        assertThat(data.get("firstActionDueAt").asText()).isEqualTo("2026-11-23T14:03:13Z");
        assertThat(data.get("dueAt").asText()).isEqualTo("2026-11-27T17:00:00Z");
        assertThat(data.get("dedupeKey").asText()).isEqualTo(client + ":AD-T9");
        assertThat(data.get("notification").asText()).isEqualTo("IMMEDIATE");
        assertThat(data.get("source").asText()).isEqualTo("RULE");
        // No segment from segmentation yet: health's segment C → CSM, and nobody owns the client yet.
        assertThat(data.get("ownerRole").asText()).isEqualTo("CSM");
        assertThat(data.get("ownerResolution").asText()).isEqualTo("UNASSIGNED");
        assertThat(data.get("ownerMemberId").isNull()).isTrue();
        assertThat(data.at("/reason/ruleId").asText()).isEqualTo("AD-T9");
        assertThat(data.at("/reason/ruleVersion").asInt()).isEqualTo(1);
        assertThat(data.at("/reason/inputs/dmi").decimalValue()).isEqualByComparingTo("61.5");
        assertThat(data.at("/reason/inputs/previousDmi").decimalValue()).isEqualByComparingTo("74.0");
        assertThat(data.at("/reason/inputs/segment").asText()).isEqualTo("C");

        String ctaId = data.get("ctaId").asText();
        as(tenant).get("/api/v1/ctas/" + ctaId).then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("occurrences", equalTo(1))
                .body("slaStartAt", equalTo("2026-11-20T14:03:13Z"))
                .body("dueAt", equalTo("2026-11-27T17:00:00Z"))
                .body("ownerMemberId", nullValue())
                .body("playbookKey", equalTo("dmi-resequence"))
                .body("causes", hasSize(1))
                .body("causes[0].eventId", equalTo(drop.id().toString()))
                .body("causes[0].causeKey", equalTo("snapshot:" + drop.data().get("snapshotId").asText()))
                .body("causes[0].correlationId", equalTo("corr-e3-upload"))
                .body("causes[0].summary", equalTo("74.0 → 61.5"));
    }

    @Test
    void aRedeliveredDropOrTheSameSnapshotUnderANewIdChangesNothing() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        clock.set(HANDLED_AT);
        EventEnvelope drop = e3FirstDrop(tenant, client, UUID.randomUUID());
        EventEnvelope sameSnapshotNewId = TestEvents.withNewId(drop);

        publisher.publish(drop);
        publisher.publish(drop);
        publishAndAwait(sameSnapshotNewId);

        // E3: one CtaOpened and its dmi-resequence run; the same event again or the same snapshot adds nothing.
        assertThat(OutboxRows.of("cadence", tenant)).hasSize(2)
                .extracting(OutboxRows.Row::type).containsExactly(EventTypes.CTA_OPENED, EventTypes.PLAYBOOK_STARTED);
        OutboxRows.Row started = OutboxRows.of("cadence", tenant, EventTypes.PLAYBOOK_STARTED).get(0);
        ContractAssertions.assertValid(started);
        assertThat(started.envelope().at("/data/templateKey").asText()).isEqualTo("dmi-resequence");
        as(tenant).get("/api/v1/clients/" + client + "/ctas").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].occurrences", equalTo(1));
    }

    @Test
    void aSecondDropWithANewSnapshotIsAnOccurrenceOfTheOpenCta() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        clock.set(HANDLED_AT);
        publisher.publish(e3FirstDrop(tenant, client, UUID.randomUUID()));
        String ctaId = awaitRows(tenant, EventTypes.CTA_OPENED, 1).get(0).envelope().at("/data/ctaId").asText();

        clock.set(Instant.parse("2026-11-26T09:00:01.250Z"));
        EventEnvelope second = TestEvents.dmiDropped(tenant, client, UUID.randomUUID(), 61.5, 50.0, "C",
                Instant.parse("2026-11-26T09:00:00Z"), "corr-second-upload");
        publisher.publish(second);

        OutboxRows.Row updated = awaitRows(tenant, EventTypes.CTA_UPDATED, 1).get(0);
        ContractAssertions.assertValid(updated);
        assertThat(updated.causationId()).isEqualTo(second.id());
        assertThat(updated.correlationId()).isEqualTo("corr-second-upload");
        JsonNode data = updated.envelope().get("data");
        assertThat(data.get("ctaId").asText()).isEqualTo(ctaId);
        assertThat(data.get("occurrences").asInt()).isEqualTo(2);
        assertThat(data.get("lastSeenAt").asText()).isEqualTo("2026-11-26T09:00:01.250Z");
        assertThat(data.get("notification").asText()).isEqualTo("DIGEST");
        assertThat(data.get("status").asText()).isEqualTo("OPEN");
        assertThat(OutboxRows.of("cadence", tenant, EventTypes.CTA_OPENED)).hasSize(1);

        as(tenant).get("/api/v1/ctas/" + ctaId).then().statusCode(200)
                .body("occurrences", equalTo(2))
                .body("lastSeenAt", equalTo("2026-11-26T09:00:01.250Z"))
                .body("dueAt", equalTo("2026-11-27T17:00:00Z"))
                .body("reason.inputs.dmi", equalTo(50.0f))
                .body("reason.inputs.previousDmi", equalTo(74.0f))
                .body("causes", hasSize(2))
                .body("causes[1].eventId", equalTo(second.id().toString()))
                .body("causes[1].summary", equalTo("61.5 → 50.0"));
        as(tenant).get("/api/v1/clients/" + client + "/ctas").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void keepsTheFirstCauseAndTheNewest49WhileCountingEveryOccurrence() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        clock.set(HANDLED_AT);
        EventEnvelope first = e3FirstDrop(tenant, client, UUID.randomUUID());
        publisher.publish(first);
        EventEnvelope last = null;
        for (int i = 1; i <= 51; i++) {
            last = TestEvents.dmiDropped(tenant, client, UUID.randomUUID(), 61.5, 50.0, "C",
                    DROP_TIME.plusSeconds(60L * i), "corr-repeat-" + i);
            publisher.publish(last);
        }
        ConsumedEvents.await("cadence", last.id());

        String ctaId = OutboxRows.of("cadence", tenant, EventTypes.CTA_OPENED).get(0).envelope().at("/data/ctaId").asText();
        assertThat(OutboxRows.of("cadence", tenant, EventTypes.CTA_UPDATED)).hasSize(51);
        as(tenant).get("/api/v1/ctas/" + ctaId).then().statusCode(200)
                .body("occurrences", equalTo(52))
                .body("causes", hasSize(50))
                .body("causes[0].eventId", equalTo(first.id().toString()))
                .body("causes[1].correlationId", equalTo("corr-repeat-3"))
                .body("causes[49].eventId", equalTo(last.id().toString()));
    }

    @Test
    void toleratesUnknownFieldsAndValuesAndSkipsTypesItDoesNotHandle() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        clock.set(HANDLED_AT);
        EventEnvelope drop = TestEvents.dmiDropped(tenant, client, UUID.randomUUID(), 74.0, 61.5, "E", DROP_TIME, "corr-t");
        ((ObjectNode) drop.data()).put("addedInALaterRelease", true);
        EventEnvelope unhandled = EventEnvelope.of(UUID.randomUUID(), "/cs/health-service", EventTypes.SIGNALS_INGESTED,
                DROP_TIME, client.toString(), tenant, "corr-t", null, EventCodec.mapper().createObjectNode()
                        .put("clientId", client.toString()));

        publisher.publish(unhandled);
        publisher.publish(drop);

        JsonNode data = awaitRows(tenant, EventTypes.CTA_OPENED, 1).get(0).envelope().get("data");
        assertThat(data.get("ownerRole").asText()).isEqualTo("CSM");
        assertThat(data.at("/reason/inputs/segment").isNull()).isTrue();
    }

    @Test
    void aSegmentAClientsDropGoesToTheVcio() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        clock.set(HANDLED_AT);
        publishAndAwait(TestEvents.clientRegistered(tenant, client, "Harbor Dental", "ACTIVE",
                Instant.parse("2026-01-12T10:15:02.337Z")));
        publishAndAwait(TestEvents.segmentAssigned(tenant, client, "A", Instant.parse("2026-01-12T10:15:02.400Z")));

        publisher.publish(e3FirstDrop(tenant, client, UUID.randomUUID()));

        JsonNode data = awaitRows(tenant, EventTypes.CTA_OPENED, 1).get(0).envelope().get("data");
        assertThat(data.get("ownerRole").asText()).isEqualTo("VCIO");
        assertThat(data.at("/reason/inputs/segment").asText()).isEqualTo("A");
    }

    @Test
    void anOlderSegmentFactDoesNotOverwriteANewerOne() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        clock.set(HANDLED_AT);
        publishAndAwait(TestEvents.segmentChanged(tenant, client, "C", "B", Instant.parse("2026-11-01T09:00:00Z")));
        publishAndAwait(TestEvents.segmentAssigned(tenant, client, "C", Instant.parse("2026-10-01T09:00:00Z")));

        publisher.publish(e3FirstDrop(tenant, client, UUID.randomUUID()));

        JsonNode data = awaitRows(tenant, EventTypes.CTA_OPENED, 1).get(0).envelope().get("data");
        assertThat(data.get("ownerRole").asText()).isEqualTo("VCIO");
        assertThat(data.at("/reason/inputs/segment").asText()).isEqualTo("B");
    }

    @Test
    void theOwnerOfTheRoleOwnsTheCtaOnceOwnerAssignedIsConsumed() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        UUID dana = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        clock.set(HANDLED_AT);
        publishAndAwait(TestEvents.ownerAssigned(tenant, client, "CSM", dana, ben, Instant.parse("2026-10-05T13:22:40.511Z")));

        publisher.publish(e3FirstDrop(tenant, client, UUID.randomUUID()));

        OutboxRows.Row opened = awaitRows(tenant, EventTypes.CTA_OPENED, 1).get(0);
        ContractAssertions.assertValid(opened);
        JsonNode data = opened.envelope().get("data");
        assertThat(data.get("ownerRole").asText()).isEqualTo("CSM");
        assertThat(data.get("ownerMemberId").asText()).isEqualTo(dana.toString());
        assertThat(data.get("backupMemberId").asText()).isEqualTo(ben.toString());
        assertThat(data.get("ownerResolution").asText()).isEqualTo("OWNER");
        as(tenant).get("/api/v1/ctas/" + data.get("ctaId").asText()).then().statusCode(200)
                .body("ownerMemberId", equalTo(dana.toString())).body("ownerResolution", equalTo("OWNER"));
    }

    @Test
    void aLaterOwnerAssignmentMovesTheUnassignedCtaToTheNewOwner() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        UUID dana = UUID.randomUUID();
        clock.set(HANDLED_AT);
        publisher.publish(e3FirstDrop(tenant, client, UUID.randomUUID()));
        String ctaId = awaitRows(tenant, EventTypes.CTA_OPENED, 1).get(0).envelope().at("/data/ctaId").asText();

        EventEnvelope assigned = TestEvents.ownerAssigned(tenant, client, "CSM", dana, null,
                Instant.parse("2026-11-20T15:00:00Z"));
        publisher.publish(assigned);

        OutboxRows.Row updated = awaitRows(tenant, EventTypes.CTA_UPDATED, 1).get(0);
        ContractAssertions.assertValid(updated);
        assertThat(updated.causationId()).isEqualTo(assigned.id());
        assertThat(updated.envelope().at("/data/ownerMemberId").asText()).isEqualTo(dana.toString());
        assertThat(updated.envelope().at("/data/changes/0/field").asText()).isEqualTo("ownerMemberId");
        as(tenant).get("/api/v1/ctas/" + ctaId).then().statusCode(200)
                .body("ownerMemberId", equalTo(dana.toString())).body("ownerResolution", equalTo("OWNER"));

        // An older assignment arriving late changes nothing.
        publishAndAwait(TestEvents.ownerAssigned(tenant, client, "CSM", UUID.randomUUID(), null,
                Instant.parse("2026-11-01T15:00:00Z")));
        assertThat(OutboxRows.of("cadence", tenant, EventTypes.CTA_UPDATED)).hasSize(1);
    }

    @Test
    void aRecoveredDmiAutoClosesTheCtaAgainstTheFirstReference() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        clock.set(HANDLED_AT);
        publisher.publish(e3FirstDrop(tenant, client, UUID.randomUUID()));
        String ctaId = awaitRows(tenant, EventTypes.CTA_OPENED, 1).get(0).envelope().at("/data/ctaId").asText();
        clock.set(Instant.parse("2026-11-26T09:00:01Z"));
        publisher.publish(TestEvents.dmiDropped(tenant, client, UUID.randomUUID(), 61.5, 50.0, "C",
                Instant.parse("2026-11-26T09:00:00Z"), "corr-second-upload"));
        awaitRows(tenant, EventTypes.CTA_UPDATED, 1);

        clock.set(Instant.parse("2026-12-15T09:00:01Z"));
        publishAndAwait(TestEvents.dmiMeasured(tenant, client, 71.0, Instant.parse("2026-12-15T09:00:00Z")));
        assertThat(OutboxRows.of("cadence", tenant, EventTypes.CTA_CLOSED)).isEmpty();

        clock.set(Instant.parse("2027-01-15T09:00:01.500Z"));
        EventEnvelope recovered = TestEvents.dmiMeasured(tenant, client, 72.5, Instant.parse("2027-01-15T09:00:00Z"));
        publisher.publish(recovered);

        OutboxRows.Row closed = awaitRows(tenant, EventTypes.CTA_CLOSED, 1).get(0);
        ContractAssertions.assertValid(closed);
        assertThat(closed.causationId()).isEqualTo(recovered.id());
        JsonNode data = closed.envelope().get("data");
        assertThat(data.get("ctaId").asText()).isEqualTo(ctaId);
        assertThat(data.get("closeStatus").asText()).isEqualTo("AUTO_CLOSED");
        assertThat(data.get("closedAt").asText()).isEqualTo("2027-01-15T09:00:01.500Z");
        assertThat(data.get("occurrences").asInt()).isEqualTo(2);
        assertThat(data.get("firstActionSlaMet").asBoolean()).isFalse();
        assertThat(data.at("/reason/code").asText()).isEqualTo("CONDITION_CLEARED");
        assertThat(data.at("/reason/inputs/clearingEventId").asText()).isEqualTo(recovered.id().toString());
        assertThat(data.at("/reason/inputs/dmi").decimalValue()).isEqualByComparingTo("72.5");
        assertThat(data.at("/reason/inputs/referenceDmi").decimalValue()).isEqualByComparingTo("74.0");

        as(tenant).get("/api/v1/ctas/" + ctaId).then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("closeStatus", equalTo("AUTO_CLOSED"))
                .body("closeReason.code", equalTo("CONDITION_CLEARED"))
                .body("notification", equalTo("NONE"));
        as(tenant).get("/api/v1/clients/" + client + "/ctas").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aMeasurementOlderThanTheNewestDropClosesNothing() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        clock.set(HANDLED_AT);
        publisher.publish(e3FirstDrop(tenant, client, UUID.randomUUID()));
        awaitRows(tenant, EventTypes.CTA_OPENED, 1);

        clock.set(Instant.parse("2026-11-21T10:00:00Z"));
        publishAndAwait(TestEvents.dmiMeasured(tenant, client, 80.0, DROP_TIME.minusSeconds(86_400)));

        assertThat(OutboxRows.of("cadence", tenant, EventTypes.CTA_CLOSED)).isEmpty();
        as(tenant).get("/api/v1/clients/" + client + "/ctas").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].status", equalTo("OPEN"));
    }

    @Test
    void aDropAfterTheCtaClosedOpensANewOne() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        clock.set(HANDLED_AT);
        publisher.publish(e3FirstDrop(tenant, client, UUID.randomUUID()));
        awaitRows(tenant, EventTypes.CTA_OPENED, 1);
        clock.set(Instant.parse("2026-12-01T10:00:00Z"));
        publisher.publish(TestEvents.dmiMeasured(tenant, client, 73.0, Instant.parse("2026-12-01T09:59:00Z")));
        awaitRows(tenant, EventTypes.CTA_CLOSED, 1);

        clock.set(Instant.parse("2027-02-01T10:00:00Z"));
        publisher.publish(TestEvents.dmiDropped(tenant, client, UUID.randomUUID(), 73.0, 60.0, "C",
                Instant.parse("2027-02-01T09:59:00Z"), "corr-later"));

        List<OutboxRows.Row> opened = awaitRows(tenant, EventTypes.CTA_OPENED, 2);
        assertThat(opened.get(1).envelope().at("/data/ctaId").asText())
                .isNotEqualTo(opened.get(0).envelope().at("/data/ctaId").asText());
        assertThat(opened.get(1).envelope().at("/data/dueAt").asText()).isEqualTo("2027-02-08T17:00:00Z");
        as(tenant).get("/api/v1/ctas?clientId=" + client + "&status=OPEN,CLOSED").then().statusCode(200)
                .body("items", hasSize(2));
    }

    @Test
    void aDropSmallerThanTenPointsOrForAChurnedClientOpensNothing() {
        UUID tenant = UUID.randomUUID();
        UUID small = UUID.randomUUID();
        UUID churned = UUID.randomUUID();
        clock.set(HANDLED_AT);
        publishAndAwait(TestEvents.dmiDropped(tenant, small, UUID.randomUUID(), 70.0, 62.0, "C", DROP_TIME, "corr-small"));
        publishAndAwait(TestEvents.clientRegistered(tenant, churned, "Gone Ltd", "CHURNED",
                Instant.parse("2026-01-12T10:15:02Z")));
        publishAndAwait(e3FirstDrop(tenant, churned, UUID.randomUUID()));

        assertThat(OutboxRows.of("cadence", tenant)).isEmpty();
    }
}
