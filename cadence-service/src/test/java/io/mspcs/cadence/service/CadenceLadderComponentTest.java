package io.mspcs.cadence.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mspcs.cadence.repository.SweepSql;
import io.mspcs.cadence.support.RuleRows;
import io.mspcs.cadence.support.TestEvents;
import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.EventTypes;
import io.mspcs.platformtest.ConsumedEvents;
import io.mspcs.platformtest.ContractAssertions;
import io.mspcs.platformtest.EventPublisher;
import io.mspcs.platformtest.MutableClock;
import io.mspcs.platformtest.OutboxRows;
import io.mspcs.platformtest.PlatformTestResource;
import io.mspcs.rest.TenantPool;
import io.mspcs.rest.TenantScope;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.platformtest.TenantApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** cadence.md §9 E1 (ladder), its variant, and E8 (idempotent and catch-up sweeps), through REST and the sweep. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "cadence"))
class CadenceLadderComponentTest {

    private static EventPublisher publisher;

    @Inject
    MutableClock clock;
    @Inject
    CadenceSweep sweep;
    @Inject
    Pool pool;

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

    /** Segment B, CSM Dana, QBR line only, autoSchedule off; last QBR 2026-01-10T15:00Z with an on-time recap. */
    private void e1Client(UUID tenant, UUID client, UUID dana) {
        clock.set(Instant.parse("2025-12-01T09:00:00Z"));
        // E1 is the ladder alone: the December fiscal-year trigger (late on 2025-12-01) would add its own CTA.
        as(tenant).contentType(ContentType.JSON).body("{\"enabled\": false}").patch("/api/v1/trigger-rules/T-FYE")
                .then().statusCode(200);
        ObjectNode policy = (ObjectNode) readJson(as(tenant).get("/api/v1/cadence-policies/current").then()
                .statusCode(200).extract().asString()).get("policy");
        policy.with("autoSchedule").put("enabled", false);
        for (JsonNode line : (ArrayNode) policy.get("lines")) {
            if ("B".equals(line.get("segment").asText()) && "BUDGET_SESSION".equals(line.get("meetingType").asText())) {
                ((ObjectNode) line).put("enabled", false);
            }
        }
        as(tenant).contentType(ContentType.JSON).body(policy.toString()).put("/api/v1/cadence-policies/current")
                .then().statusCode(200).body("version", equalTo(2));
        publishAndAwait(TestEvents.ownerAssigned(tenant, client, "CSM", dana, null, Instant.parse("2025-10-01T10:00:00Z")));
        publishAndAwait(TestEvents.clientRegistered(tenant, client, "Acme", "ACTIVE", Instant.parse("2025-10-01T10:00:00Z")));
        publishAndAwait(TestEvents.segmentAssigned(tenant, client, "B", Instant.parse("2025-10-01T10:00:01Z")));

        clock.set(Instant.parse("2026-01-10T16:00:00Z"));
        String meetingId = as(tenant).contentType(ContentType.JSON)
                .body(Map.of("meetingType", "QBR", "scheduledFor", "2026-01-10T15:00:00Z"))
                .post("/api/v1/clients/" + client + "/meetings").then().statusCode(201).extract().path("meetingId");
        as(tenant).contentType(ContentType.JSON).body(Map.of("heldAt", "2026-01-10T15:00:00Z",
                        "attendeeRoles", List.of("CSM", "VCIO"), "clientAttendeeCount", 2, "decisionMakerPresent", true))
                .post("/api/v1/meetings/" + meetingId + "/held").then().statusCode(200)
                .body("recapDueAt", equalTo("2026-01-12T15:00:00Z")).body("counts", equalTo(false));
        clock.set(Instant.parse("2026-01-11T10:00:00Z"));
        as(tenant).contentType(ContentType.JSON).body(Map.of("decided", "Keep the QBR rhythm"))
                .post("/api/v1/meetings/" + meetingId + "/recap").then().statusCode(201)
                .body("onTime", equalTo(true)).body("counts", equalTo(true)).body("nextDueDate", equalTo("2026-04-10"));
    }

    @Test
    void e1LadderEscalatesFromRebookToReengageToCadenceReview() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        UUID dana = UUID.randomUUID();
        e1Client(tenant, client, dana);

        sweepAt(tenant, "2026-04-25T00:00:00Z").body("timersFired", equalTo(1))
                .body("events.'" + EventTypes.MEETING_MISSED + "'", equalTo(1))
                .body("events.'" + EventTypes.CTA_OPENED + "'", equalTo(1));
        JsonNode missed = data(single(tenant, EventTypes.MEETING_MISSED, 0));
        assertThat(missed.get("dueDate").asText()).isEqualTo("2026-04-10");
        assertThat(missed.get("windowEnd").asText()).isEqualTo("2026-04-24");
        assertThat(missed.get("dueAt").asText()).isEqualTo("2026-04-10T00:00:00Z");
        assertThat(missed.get("missedAt").asText()).isEqualTo("2026-04-25T00:00:00Z");
        assertThat(missed.get("reason").asText()).isEqualTo("NOT_SCHEDULED");
        assertThat(missed.get("consecutiveMisses").asInt()).isEqualTo(1);
        JsonNode rebook = data(single(tenant, EventTypes.CTA_OPENED, 0));
        assertThat(rebook.get("kind").asText()).isEqualTo("ACTIVITY");
        assertThat(rebook.get("reasonCode").asText()).isEqualTo("MEETING_REBOOK");
        assertThat(rebook.get("priority").asText()).isEqualTo("MEDIUM");
        assertThat(rebook.get("ownerMemberId").asText()).isEqualTo(dana.toString());
        assertThat(rebook.get("firstActionDueAt").asText()).isEqualTo("2026-04-28T00:00:00Z");
        assertThat(rebook.get("dueAt").asText()).isEqualTo("2026-05-04T17:00:00Z");
        assertThat(rebook.get("dedupeKey").asText()).isEqualTo(client + ":T-MISS1:QBR");

        clock.set(Instant.parse("2026-05-01T12:00:00Z"));
        as(tenant).get("/api/v1/clients/" + client + "/cadence").then().statusCode(200)
                .body("segment", equalTo("B")).body("policyVersion", equalTo(2))
                .body("consecutiveMisses", equalTo(1))
                .body("lastStrategicHeldAt", equalTo("2026-01-10T15:00:00Z"))
                .body("lines.size()", equalTo(1))
                .body("lines[0].meetingType", equalTo("QBR")).body("lines[0].frequency", equalTo("QUARTERLY"))
                .body("lines[0].ownerMemberId", equalTo(dana.toString()))
                .body("lines[0].lastHeldAt", equalTo("2026-01-10T15:00:00Z"))
                .body("lines[0].slot.anchorDate", equalTo("2026-04-10"))
                .body("lines[0].slot.dueDate", equalTo("2026-07-10"))
                .body("lines[0].slot.windowEnd", equalTo("2026-07-24"))
                .body("lines[0].slot.missAt", equalTo("2026-07-25T00:00:00Z"))
                .body("lines[0].slot.state", equalTo("ON_TRACK"))
                .body("lines[0].slot.meetingId", nullValue())
                .body("lines[0].lastMiss.dueDate", equalTo("2026-04-10"))
                .body("lines[0].lastMiss.reason", equalTo("NOT_SCHEDULED"));

        sweepAt(tenant, "2026-04-28T00:00:00Z");
        JsonNode firstEscalation = data(single(tenant, EventTypes.CTA_ESCALATED, 0));
        assertThat(firstEscalation.get("trigger").asText()).isEqualTo("FIRST_ACTION_SLA");
        assertThat(firstEscalation.get("level").asInt()).isEqualTo(1);
        assertThat(firstEscalation.get("escalatedToRole").asText()).isEqualTo("CS_LEADER");
        assertThat(firstEscalation.get("priority").asText()).isEqualTo("HIGH");
        assertThat(data(single(tenant, EventTypes.CTA_UPDATED, 0)).get("priority").asText()).isEqualTo("HIGH");

        sweepAt(tenant, "2026-05-04T17:00:00Z");
        JsonNode secondEscalation = data(single(tenant, EventTypes.CTA_ESCALATED, 1));
        assertThat(secondEscalation.get("trigger").asText()).isEqualTo("DUE_DATE");
        assertThat(secondEscalation.get("level").asInt()).isEqualTo(2);
        assertThat(secondEscalation.get("priority").asText()).isEqualTo("CRITICAL");

        sweepAt(tenant, "2026-07-25T00:00:00Z");
        JsonNode secondMiss = data(single(tenant, EventTypes.MEETING_MISSED, 1));
        assertThat(secondMiss.get("dueDate").asText()).isEqualTo("2026-07-10");
        assertThat(secondMiss.get("consecutiveMisses").asInt()).isEqualTo(2);
        JsonNode reengage = data(single(tenant, EventTypes.CADENCE_MISSED, 0));
        assertThat(reengage.get("consecutiveMisses").asInt()).isEqualTo(2);
        assertThat(reengage.get("threshold").asInt()).isEqualTo(2);
        assertThat(reengage.get("action").asText()).isEqualTo("REENGAGE");
        assertThat(reengage.get("lastHeldAt").asText()).isEqualTo("2026-01-10T15:00:00Z");
        assertThat(reengage.get("missedSlotIds")).hasSize(2);
        JsonNode superseded = data(single(tenant, EventTypes.CTA_CLOSED, 0));
        assertThat(superseded.get("ctaId").asText()).isEqualTo(rebook.get("ctaId").asText());
        assertThat(superseded.get("closeStatus").asText()).isEqualTo("SUPERSEDED");
        JsonNode atRisk = data(single(tenant, EventTypes.CTA_OPENED, 1));
        assertThat(atRisk.get("kind").asText()).isEqualTo("AT_RISK");
        assertThat(atRisk.get("reasonCode").asText()).isEqualTo("CADENCE_MISSED");
        assertThat(atRisk.get("priority").asText()).isEqualTo("HIGH");
        assertThat(atRisk.get("firstActionDueAt").asText()).isEqualTo("2026-07-28T00:00:00Z");
        assertThat(atRisk.get("dueAt").asText()).isEqualTo("2026-08-03T17:00:00Z");
        assertThat(superseded.at("/reason/inputs/supersededBy").asText()).isEqualTo(atRisk.get("ctaId").asText());
        JsonNode reengageRun = data(single(tenant, EventTypes.PLAYBOOK_STARTED, 0));
        assertThat(reengageRun.get("templateKey").asText()).isEqualTo("reengage");
        assertThat(reengageRun.get("ctaId").asText()).isEqualTo(atRisk.get("ctaId").asText());
        assertThat(reengageRun.at("/tasks/0/dueAt").asText()).isEqualTo("2026-07-28T00:00:00Z");

        sweepAt(tenant, "2026-10-25T00:00:00Z");
        JsonNode thirdMiss = data(single(tenant, EventTypes.MEETING_MISSED, 2));
        assertThat(thirdMiss.get("dueDate").asText()).isEqualTo("2026-10-10");
        assertThat(thirdMiss.get("consecutiveMisses").asInt()).isEqualTo(3);
        JsonNode review = data(single(tenant, EventTypes.CADENCE_MISSED, 1));
        assertThat(review.get("action").asText()).isEqualTo("CADENCE_REVIEW");
        assertThat(review.get("threshold").asInt()).isEqualTo(3);
        JsonNode reviewCta = data(single(tenant, EventTypes.CTA_OPENED, 2));
        assertThat(reviewCta.get("kind").asText()).isEqualTo("ENGAGEMENT");
        assertThat(reviewCta.get("reasonCode").asText()).isEqualTo("CADENCE_REVIEW");
        assertThat(reviewCta.get("ownerRole").asText()).isEqualTo("CS_LEADER");
        assertThat(reviewCta.get("dueAt").asText()).isEqualTo("2026-11-09T17:00:00Z");
        assertThat(data(single(tenant, EventTypes.PLAYBOOK_STARTED, 1)).get("templateKey").asText())
                .isEqualTo("cadence-review");

        OutboxRows.of("cadence", tenant).forEach(ContractAssertions::assertValid);
    }

    @Test
    void e1VariantACountingQbrClosesTheRebookCtaAndResetsTheStreak() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        e1Client(tenant, client, UUID.randomUUID());
        sweepAt(tenant, "2026-04-25T00:00:00Z");
        String rebookId = data(single(tenant, EventTypes.CTA_OPENED, 0)).get("ctaId").asText();

        clock.set(Instant.parse("2026-05-06T16:00:00Z"));
        String meetingId = as(tenant).contentType(ContentType.JSON)
                .body(Map.of("meetingType", "QBR", "scheduledFor", "2026-05-06T15:00:00Z"))
                .post("/api/v1/clients/" + client + "/meetings").then().statusCode(201).extract().path("meetingId");
        as(tenant).contentType(ContentType.JSON).body(Map.of("heldAt", "2026-05-06T15:00:00Z",
                        "attendeeRoles", List.of("CSM", "VCIO"), "clientAttendeeCount", 2, "decisionMakerPresent", true,
                        "execSponsorPresent", false))
                .post("/api/v1/meetings/" + meetingId + "/held").then().statusCode(200)
                .body("status", equalTo("HELD")).body("recapDueAt", equalTo("2026-05-08T15:00:00Z"))
                .body("counts", equalTo(false));
        clock.set(Instant.parse("2026-05-07T10:00:00Z"));
        as(tenant).contentType(ContentType.JSON).body(Map.of("decided", "Approve MFA rollout phase 1",
                        "whyNow", "Insurance renewal in Q3", "ownersAndDates", "Maya Chen, 2026-06-30",
                        "risks", "Two legacy VPN users", "nextCadence", "QBR August"))
                .post("/api/v1/meetings/" + meetingId + "/recap").then().statusCode(201)
                .body("onTime", equalTo(true)).body("counts", equalTo(true)).body("nextDueDate", equalTo("2026-08-06"));

        JsonNode closed = data(single(tenant, EventTypes.CTA_CLOSED, 0));
        assertThat(closed.get("ctaId").asText()).isEqualTo(rebookId);
        assertThat(closed.get("closeStatus").asText()).isEqualTo("AUTO_CLOSED");
        assertThat(closed.at("/reason/code").asText()).isEqualTo("CADENCE_RESTORED");
        JsonNode recap = data(single(tenant, EventTypes.RECAP_RECORDED, 1));
        assertThat(recap.get("countsForCadence").asBoolean()).isTrue();
        assertThat(OutboxRows.of("cadence", tenant, EventTypes.MEETING_HELD)).hasSize(2);
        as(tenant).get("/api/v1/clients/" + client + "/cadence").then().statusCode(200)
                .body("consecutiveMisses", equalTo(0))
                .body("lines[0].slot.anchorDate", equalTo("2026-05-06"))
                .body("lines[0].slot.dueDate", equalTo("2026-08-06"));
        OutboxRows.of("cadence", tenant).forEach(ContractAssertions::assertValid);
    }

    @Test
    void e8ASecondSweepAtTheSameInstantEmitsNothingAndACatchUpSweepReplaysE1InOrder() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        e1Client(tenant, client, UUID.randomUUID());
        int before = OutboxRows.of("cadence", tenant).size();

        sweepAt(tenant, "2026-04-25T00:00:00Z").body("timersFired", equalTo(1));
        sweepAt(tenant, "2026-04-25T00:00:00Z").body("timersFired", equalTo(0));
        assertThat(OutboxRows.of("cadence", tenant).size()).isEqualTo(before + 2);

        UUID other = UUID.randomUUID();
        UUID otherClient = UUID.randomUUID();
        e1Client(other, otherClient, UUID.randomUUID());
        int otherBefore = OutboxRows.of("cadence", other).size();
        sweepAt(other, "2026-10-25T00:00:00Z");
        // The runs' task notices (§6.2) interleave by fire_at and the digests (§5.7) follow the batches; E1's
        // table lists the cadence and CTA events.
        List<String> types = OutboxRows.of("cadence", other).stream().skip(otherBefore).map(OutboxRows.Row::type)
                .filter(type -> !type.equals(EventTypes.PLAYBOOK_TASK_DUE) && !type.equals(EventTypes.CTA_DIGEST_READY))
                .toList();
        // The rebook CTA (MEDIUM, DIGEST) of Saturday 04-25 reaches its owner in Monday's digest.
        List<OutboxRows.Row> digests = OutboxRows.of("cadence", other, EventTypes.CTA_DIGEST_READY);
        assertThat(digests).hasSize(1);
        ContractAssertions.assertValid(digests.get(0));
        assertThat(data(digests.get(0)).get("date").asText()).isEqualTo("2026-04-27");
        assertThat(data(digests.get(0)).at("/items/0/change").asText()).isEqualTo("OPENED");
        assertThat(OutboxRows.of("cadence", other, EventTypes.PLAYBOOK_TASK_DUE)).isNotEmpty();
        assertThat(types).containsExactly(
                EventTypes.MEETING_MISSED, EventTypes.CTA_OPENED,
                EventTypes.CTA_ESCALATED, EventTypes.CTA_UPDATED,
                EventTypes.CTA_ESCALATED, EventTypes.CTA_UPDATED,
                EventTypes.MEETING_MISSED, EventTypes.CADENCE_MISSED, EventTypes.CTA_CLOSED, EventTypes.CTA_OPENED,
                EventTypes.PLAYBOOK_STARTED,
                EventTypes.CTA_ESCALATED, EventTypes.CTA_UPDATED,
                EventTypes.CTA_ESCALATED, EventTypes.CTA_UPDATED,
                EventTypes.MEETING_MISSED, EventTypes.CADENCE_MISSED, EventTypes.CTA_OPENED, EventTypes.PLAYBOOK_STARTED);
        List<OutboxRows.Row> opened = OutboxRows.of("cadence", other, EventTypes.CTA_OPENED);
        assertThat(data(opened.get(0)).get("dueAt").asText()).isEqualTo("2026-05-04T17:00:00Z");
        assertThat(data(opened.get(1)).get("dueAt").asText()).isEqualTo("2026-08-03T17:00:00Z");
        assertThat(data(opened.get(2)).get("dueAt").asText()).isEqualTo("2026-11-09T17:00:00Z");
        assertThat(data(OutboxRows.of("cadence", other, EventTypes.CTA_ESCALATED).get(1)).get("breachedAt").asText())
                .isEqualTo("2026-05-04T17:00:00Z");
        sweepAt(other, "2026-10-25T00:00:00Z").body("timersFired", equalTo(0));
    }

    /**
     * The scheduler's path (cadence.md §3.2): one run over every tenant. Its batches and the rule-timer lookup span
     * tenants; each client's effects land in its own tenant, and a second run at the same instant adds nothing.
     */
    @Test
    void theScheduledRunFiresTheDueTimersOfEveryTenantIntoEachTenantsOwnRows() {
        // 2024: earlier than any timer other tests leave pending, so the run stays small.
        Instant registered = Instant.parse("2024-01-10T09:00:00Z");
        UUID[] tenants = {UUID.randomUUID(), UUID.randomUUID()};
        UUID[] clients = {UUID.randomUUID(), UUID.randomUUID()};
        clock.set(registered);
        for (int i = 0; i < 2; i++) {
            publishAndAwait(TestEvents.clientRegistered(tenants[i], clients[i], "ACTIVE", registered, null, 6));
            publishAndAwait(TestEvents.segmentAssigned(tenants[i], clients[i], "B", registered));
        }

        clock.set(Instant.parse("2024-06-01T00:00:00Z"));
        CadenceSweep.Result result = sweep.run().await().atMost(Duration.ofMinutes(2));

        assertThat(result.events().get(EventTypes.MEETING_MISSED)).isGreaterThanOrEqualTo(2);
        for (int i = 0; i < 2; i++) {
            List<JsonNode> missed = RuleRows.of(tenants[i], clients[i], EventTypes.MEETING_MISSED);
            assertThat(missed).hasSize(1);
            assertThat(missed.get(0).get("dueDate").asText()).isEqualTo("2024-04-10");
            // T-FYE (2024-06-30 − 30 d) is a rule timer: found across tenants, fired under its own tenant.
            assertThat(RuleRows.opened(tenants[i], clients[i], "T-FYE")).hasSize(1);
        }
        int rows = OutboxRows.of("cadence", tenants[0]).size() + OutboxRows.of("cadence", tenants[1]).size();
        sweep.run().await().atMost(Duration.ofMinutes(1));
        assertThat(OutboxRows.of("cadence", tenants[0]).size() + OutboxRows.of("cadence", tenants[1]).size())
                .isEqualTo(rows);
    }

    @Test
    void aViewerCannotWriteMeetingsOrPolicies() {
        UUID tenant = UUID.randomUUID();
        as(tenant, "VIEWER").contentType(ContentType.JSON)
                .body(Map.of("meetingType", "QBR", "scheduledFor", "2026-01-10T15:00:00Z"))
                .post("/api/v1/clients/" + UUID.randomUUID() + "/meetings").then().statusCode(403);
        as(tenant, "CSM").contentType(ContentType.JSON).body("{}")
                .put("/api/v1/cadence-policies/current").then().statusCode(403);
        as(tenant, "CSM").post("/admin/sweep").then().statusCode(403);
    }

    private io.restassured.response.ValidatableResponse sweepAt(UUID tenant, String instant) {
        clock.set(Instant.parse(instant));
        return as(tenant).queryParam("tenantId", tenant.toString()).post("/admin/sweep").then().statusCode(200);
    }

    /**
     * The batch's bulk void (a superseded CTA's timers, §3.2) names (tenant, subject) pairs so it is an index lookup
     * on timer_subject_idx; it voids the named tenant's PENDING timers of the subject and nothing of another tenant.
     */
    @Test
    void theSweepVoidsOnlyTheNamedTenantsPendingTimersOfASubject() {
        UUID tenant = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID subject = UUID.randomUUID();
        TenantScope batchScope = TenantScope.allTenants("test: the sweep's bulk void");
        String states = TenantPool.inTransaction(pool, batchScope, conn -> conn.preparedQuery("""
                        insert into timer (id, tenant_id, client_id, kind, subject_id, fire_at, state, created_at,
                            updated_at, version)
                        select gen_random_uuid(), t, t, 'CTA_DUE', $3, '2100-01-01T00:00:00Z', 'PENDING', now(), now(), 0
                        from unnest(array[$1::uuid, $2::uuid]) t""").execute(Tuple.of(tenant, other, subject))
                .chain(() -> conn.preparedQuery(SweepSql.VOID_TIMERS_OF).execute(Tuple.of(new UUID[]{tenant},
                        new UUID[]{subject}, OffsetDateTime.parse("2030-01-01T00:00:00Z"))))
                .chain(() -> conn.preparedQuery("select string_agg(state, ',' order by tenant_id = $1 desc) "
                        + "from timer where subject_id = $2").execute(Tuple.of(tenant, subject)))
                .map(rows -> rows.iterator().next().getString(0))).await().atMost(Duration.ofSeconds(10));

        assertThat(states).isEqualTo("VOID,PENDING");
    }

    private void publishAndAwait(EventEnvelope event) {
        publisher.publish(event);
        ConsumedEvents.await("cadence", event.id());
    }

    private static OutboxRows.Row single(UUID tenant, String type, int index) {
        List<OutboxRows.Row> rows = OutboxRows.of("cadence", tenant, type);
        assertThat(rows.size()).as("%s rows", type).isGreaterThan(index);
        return rows.get(index);
    }

    private static JsonNode data(OutboxRows.Row row) {
        return row.envelope().get("data");
    }

    private static JsonNode readJson(String json) {
        try {
            return EventCodec.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
