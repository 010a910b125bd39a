package io.mspcs.health.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.mspcs.contracts.EventTypes;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.health.support.ClockedComponentTest;
import io.mspcs.health.support.HealthDatabase;
import io.mspcs.health.support.RegisteredClients;
import io.mspcs.health.support.RoadmapEvents;
import io.mspcs.health.support.SegmentationEvents;
import io.mspcs.platformtest.ConsumedEvents;
import io.mspcs.platformtest.ContractAssertions;
import io.mspcs.platformtest.OutboxRows;
import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.platformtest.TenantApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The nextReviewAt sweep and the monthly cycle close (health.md §3.3, §8) with E5's numbers for a segment D client:
 * each 1st the sweep takes a CYCLE snapshot; two flat cycles below GREEN emit DmiStalled. The clock is moved month by
 * month and put back afterwards (it is shared by the module's tests).
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "health"))
class DmiCycleComponentTest extends ClockedComponentTest {

    /** MFA, endpoint protection, patching and e-mail security (16 of 27 weight) all at {@code dmi}/100. */
    private void dmiAt(UUID tenant, UUID client, double dmi) {
        BigDecimal coverage = BigDecimal.valueOf(dmi).movePointLeft(2);
        List<Map<String, Object>> items = List.of("MFA", "ENDPOINT_PROTECTION", "PATCH_COMPLIANCE", "EMAIL_SECURITY")
                .stream().map(code -> Map.<String, Object>of("insightCode", code, "coverage", coverage)).toList();
        as(tenant).body(Map.of("items", items)).post("/api/v1/clients/" + client + "/dmi/coverage").then()
                .statusCode(200).body("dmi", equalTo((float) dmi));
        awaitIdle();
    }

    private ValidatableResponse sweepAt(UUID tenant, String instant) {
        clock.set(Instant.parse(instant));
        return as(tenant).post("/api/v1/health/sweep").then().statusCode(200);
    }

    @Test
    void e5CycleSnapshotsCountFlatCyclesAndTwoFlatCyclesBelowGreenEmitDmiStalled() {
        UUID tenant = UUID.randomUUID();
        UUID client = RegisteredClients.registerInSegment(tenant, "Harbor Dental", "D");
        awaitIdle();
        String[] closes = {"2026-12-01T00:05:00Z", "2027-01-01T00:05:00Z", "2027-02-01T00:05:00Z",
                "2027-03-01T00:05:00Z", "2027-04-01T00:05:00Z"};
        double[] dmis = {58.40, 59.90, 58.20, 59.00, 61.50};
        for (int i = 0; i < dmis.length; i++) {
            if (i > 0) {
                clock.set(Instant.parse(closes[i - 1]).plus(Duration.ofDays(14)));
            }
            dmiAt(tenant, client, dmis[i]);
            sweepAt(tenant, closes[i]);
            // a second run finds nothing due and is silent
            int before = OutboxRows.of("health", tenant).size();
            sweepAt(tenant, closes[i]).body("clients", equalTo(0)).body("events", equalTo(0));
            assertThat(OutboxRows.of("health", tenant)).hasSize(before);
        }

        as(tenant).get("/api/v1/clients/" + client + "/dmi/snapshots?kind=CYCLE").then().statusCode(200)
                .body("items", hasSize(5))
                .body("items.kind", equalTo(List.of("CYCLE", "CYCLE", "CYCLE", "CYCLE", "CYCLE")))
                .body("items.period", equalTo(List.of("2027-03", "2027-02", "2027-01", "2026-12", "2026-11")))
                .body("items.flatCycles", equalTo(List.of(0, 3, 2, 1, 0)))
                .body("items.stalled", equalTo(List.of(false, true, true, false, false)))
                .body("items.dmi", equalTo(List.of(61.50f, 59.00f, 58.20f, 59.90f, 58.40f)));
        as(tenant).get("/api/v1/clients/" + client + "/dmi/snapshots?kind=INTERIM").then().statusCode(200)
                .body("items.kind.unique()", equalTo(List.of("INTERIM")));

        List<OutboxRows.Row> stalled = OutboxRows.of("health", tenant, EventTypes.DMI_STALLED);
        assertThat(stalled).hasSize(2);
        stalled.forEach(ContractAssertions::assertValid);
        JsonNode first = stalled.get(0).envelope().get("data");
        assertThat(first.get("dmi").decimalValue()).isEqualByComparingTo("58.20");
        assertThat(first.get("flatCycles").asInt()).isEqualTo(2);
        assertThat(first.get("tolerance").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(first.get("since").asText()).isEqualTo("2026-12-01");
        assertThat(first.get("topGaps").get(0).get("insightCode").asText()).isEqualTo("MFA");
        assertThat(stalled.get(1).envelope().get("data").get("flatCycles").asInt()).isEqualTo(3);

        // each stall is written right after its snapshot's DmiMeasured, with the same snapshot id
        List<OutboxRows.Row> all = OutboxRows.of("health", tenant);
        for (OutboxRows.Row row : stalled) {
            int at = all.stream().map(r -> r.envelope().get("id").asText()).toList()
                    .indexOf(row.envelope().get("id").asText());
            OutboxRows.Row measured = all.get(at - 1);
            assertThat(measured.type()).isEqualTo(EventTypes.DMI_MEASURED);
            assertThat(measured.envelope().get("data").get("snapshotId")).isEqualTo(row.envelope().get("data").get("snapshotId"));
            assertThat(measured.envelope().get("data").get("flatCycles")).isEqualTo(row.envelope().get("data").get("flatCycles"));
        }
    }

    @Test
    void anExpectedMoveIsJudgedAtTheFirstCycleSnapshotThirtyDaysAfterCompletion() {
        UUID tenant = UUID.randomUUID();
        UUID client = RegisteredClients.registerInSegment(tenant, "Harbor Dental", "D");
        awaitIdle();
        dmiAt(tenant, client, 50.00);
        EventEnvelope completed = RoadmapEvents.initiativeCompleted(tenant, client, UUID.randomUUID(),
                Instant.parse("2026-11-20T10:00:00Z"), "MFA", 8.0);
        SegmentationEvents.publish(completed);
        ConsumedEvents.await("health", completed.id());
        // a redelivery under a new event id stores nothing new
        EventEnvelope again = SegmentationEvents.withNewId(completed);
        SegmentationEvents.publish(again);
        ConsumedEvents.await("health", again.id());
        assertThat(HealthDatabase.count("expected_move", tenant)).isEqualTo(1);
        awaitIdle();
        as(tenant).get("/api/v1/clients/" + client + "/dmi").then().statusCode(200)
                .body("expectedMoves", hasSize(1))
                .body("expectedMoves[0].insightCode", equalTo("MFA"))
                .body("expectedMoves[0].baselineCoverage", equalTo(0.5f))
                .body("expectedMoves[0].status", equalTo("PENDING"));

        // 11 days after completion: too early to judge
        sweepAt(tenant, "2026-12-01T00:05:00Z");
        as(tenant).get("/api/v1/clients/" + client + "/dmi").then().body("expectedMoves[0].status", equalTo("PENDING"));

        clock.set(Instant.parse("2026-12-15T10:00:00Z"));
        dmiAt(tenant, client, 60.00);
        sweepAt(tenant, "2027-01-01T00:05:00Z");
        // 100 · (0.60 − 0.50) = 10.00 ≥ 8 expected
        as(tenant).get("/api/v1/clients/" + client + "/dmi").then().statusCode(200)
                .body("expectedMoves[0].status", equalTo("MET"))
                .body("expectedMoves[0].actualPoints", equalTo(10.00f))
                .body("expectedMoves[0].measuredAt", equalTo("2027-01-01T00:05:00Z"));
    }

    /** consecutiveReds of the ADOPTION colour events, in order. */
    private static List<Integer> adoptionReds(UUID tenant) {
        List<OutboxRows.Row> changes = OutboxRows.of("health", tenant, EventTypes.HEALTH_COLOR_CHANGED);
        changes.forEach(ContractAssertions::assertValid);
        return changes.stream().map(row -> row.envelope().get("data"))
                .filter(data -> data.get("dimension").asText().equals("ADOPTION"))
                .map(data -> data.get("consecutiveReds").asInt()).toList();
    }

    @Test
    void monthClosesCountConsecutiveRedsAndARedColourChangeCarriesTheRun() {
        UUID tenant = UUID.randomUUID();
        UUID client = RegisteredClients.registerInSegment(tenant, "Harbor Dental", "D");
        awaitIdle();
        dmiAt(tenant, client, 40.00); // below D's redBelow 50: ADOPTION RED, no month closed yet
        assertThat(adoptionReds(tenant)).containsExactly(1);

        sweepAt(tenant, "2026-12-01T00:05:00Z");
        sweepAt(tenant, "2027-01-01T00:05:00Z");
        sweepAt(tenant, "2027-01-01T00:05:00Z"); // a second run closes nothing again

        as(tenant).get("/api/v1/clients/" + client + "/health/history?monthly=true").then().statusCode(200)
                .body("items.month", equalTo(List.of("2026-12", "2026-11")))
                .body("items[0].colors.ADOPTION", equalTo("RED"))
                .body("items[0].consecutiveReds.ADOPTION", equalTo(2))
                .body("items[1].consecutiveReds.ADOPTION", equalTo(1))
                // registered in January without a sponsor contact: CX RED at both closes
                .body("items[0].consecutiveReds.CX", equalTo(2))
                .body("items[0].colors.ENGAGEMENT", nullValue())
                .body("items[0].consecutiveReds.ENGAGEMENT", equalTo(0))
                .body("items[0].scoreId", notNullValue());
        as(tenant).get("/api/v1/clients/" + client + "/health/history?monthly=true&limit=1&cursor=2026-12").then()
                .statusCode(200).body("items.month", equalTo(List.of("2026-11")));
        as(tenant).get("/api/v1/clients/" + client + "/health/history?monthly=true&cursor=December").then()
                .statusCode(400).body("errors[0].field", equalTo("cursor"));

        clock.set(Instant.parse("2027-01-10T10:00:00Z"));
        dmiAt(tenant, client, 60.00); // YELLOW (≥ 50 + 2)
        dmiAt(tenant, client, 40.00); // RED again: 1 + the two RED closes
        assertThat(adoptionReds(tenant)).containsExactly(1, 0, 3);
    }

    @Test
    void anUnknownSnapshotKindIsABadRequest() {
        UUID tenant = UUID.randomUUID();
        UUID client = RegisteredClients.registerInSegment(tenant, "Harbor Dental", "D");
        as(tenant).get("/api/v1/clients/" + client + "/dmi/snapshots?kind=WEEKLY").then().statusCode(400)
                .body("type", equalTo("/problems/validation-failed")).body("errors[0].field", equalTo("kind"));
    }

    @Test
    void theSweepNeedsAWriteRole() {
        as(UUID.randomUUID(), "VIEWER").post("/api/v1/health/sweep").then().statusCode(403)
                .body("type", equalTo("/problems/forbidden"));
    }
}
