package io.mspcs.roadmap.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.mspcs.contracts.EventTypes;
import io.mspcs.platformtest.ContractAssertions;
import io.mspcs.platformtest.EventPublisher;
import io.mspcs.platformtest.MutableClock;
import io.mspcs.platformtest.OutboxRows;
import io.mspcs.platformtest.PlatformTestResource;
import io.mspcs.roadmap.service.SweepService;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.platformtest.TenantApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The stored roadmap policy drives lanes, planning window, validity, aging buckets, auto-close and pre-approval
 * staleness (roadmap.md §2, §6.2); the sweep also rolls leftovers into a new quarter (§7). Harbor Dental, FY end 12.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "roadmap"))
@SuppressWarnings("unchecked")
class PolicyDrivenSweepComponentTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static EventPublisher publisher;

    @Inject
    MutableClock clock;

    @Inject
    SweepService sweeps;

    private final UUID tenant = UUID.randomUUID();
    private final UUID client = UUID.randomUUID();

    @BeforeAll
    static void openPublisher() {
        publisher = EventPublisher.forSharedInfra();
    }

    @AfterAll
    static void closePublisher() {
        publisher.close();
    }

    @Test
    void theTenantPolicyDrivesLanesWindowValidityBucketsAutoCloseAndStaleness() {
        clock.set(Instant.parse("2026-09-01T14:00:00Z"));
        register();
        Map<String, Object> policy = new HashMap<>(as(tenant).get("/api/v1/roadmap-policy").then().extract()
                .jsonPath().getMap("$"));
        policy.put("lanes", List.of("STABILITY", "EFFICIENCY", "GROWTH", "COMPLIANCE"));
        policy.put("agingBucketStartDays", List.of(10, 20, 30));
        policy.put("autoClose", false);
        policy.put("proposalValidityDays", 30);
        policy.put("preApprovalStaleDays", 5);
        policy.put("preApprovalLapsedDays", 12);
        policy.put("planningWindowFiscalYears", 2);
        as(tenant, "CS_LEADER").body(policy).put("/api/v1/roadmap-policy").then().statusCode(200);

        as(tenant).body(initiative("HIPAA audit", "COMPLIANCE", "2029-Q1")).post(initiatives()).then()
                .statusCode(400).body("errors[0].code", equalTo("quarter-out-of-range"))
                .body("allowedTo", equalTo("2028-Q4"));
        as(tenant).body(initiative("HIPAA audit", "OPERATIONS", "2027-Q1")).post(initiatives()).then()
                .statusCode(400).body("errors[0].code", equalTo("enum"));
        String audit = proposable("HIPAA audit", "COMPLIANCE");
        String phones = proposable("Teams Phone migration", "EFFICIENCY");
        String proposal = as(tenant, "AM").body(Map.of("title", "Audit", "initiativeIds", List.of(audit)))
                .post("/api/v1/clients/" + client + "/proposals").then().statusCode(201).extract().path("id");
        as(tenant, "AM").body(Map.of("channel", "EMAIL")).post("/api/v1/proposals/" + proposal + "/send").then()
                .statusCode(200).body("validUntil", equalTo("2026-10-01"));

        assertThat(agingAt("2026-09-10T14:00:00Z")).isEmpty();
        as(tenant).get("/api/v1/initiatives/" + phones).then().body("preApproval.status", equalTo("STALE"));
        assertThat(agingAt("2026-09-11T14:00:00Z")).singleElement().satisfies(aging -> {
            assertThat(aging.get("ageDays").asInt()).isEqualTo(10);
            assertThat(aging.get("bucket").asText()).isEqualTo("DAYS_15_30");
        });
        as(tenant).get("/api/v1/proposals/" + proposal).then().body("agingBucket", equalTo("DAYS_15_30"));
        as(tenant).get("/api/v1/proposals?bucket=DAYS_15_30").then().body("items.size()", equalTo(1))
                .body("nextCursor", nullValue());
        as(tenant).get("/api/v1/proposals/pipeline").then().body("undecided[1].count", equalTo(1));

        // lapsed after 12 days: the pre-approval no longer counts for a proposal
        assertThat(agingAt("2026-09-13T14:00:00Z")).isEmpty();
        as(tenant).get("/api/v1/initiatives/" + phones).then().body("preApproval.status", equalTo("LAPSED"));
        as(tenant, "AM").body(Map.of("title", "Phones", "initiativeIds", List.of(phones)))
                .post("/api/v1/clients/" + client + "/proposals").then().statusCode(422)
                .body("type", equalTo("/problems/pre-approval-missing"));

        int before = rows().size();
        assertThat(agingAt("2026-10-01T14:00:00Z")).singleElement()
                .satisfies(aging -> assertThat(aging.get("bucket").asText()).isEqualTo("OVER_60"));
        as(tenant).get("/api/v1/proposals/" + proposal).then().body("status", equalTo("SENT"));
        assertThat(rows().subList(before, rows().size())).extracting(OutboxRows.Row::type)
                .doesNotContain(EventTypes.PROPOSAL_CLOSED);
        rows().forEach(ContractAssertions::assertValid);
    }

    @Test
    void theFirstSweepOfAQuarterRollsLeftoversToItsEndOnce() {
        clock.set(Instant.parse("2026-09-01T14:00:00Z"));
        register();
        String later = created(initiative("Firewall replacement", "STABILITY", "2026-Q4"));
        String leftover = created(initiative("Teams Phone migration", "EFFICIENCY", "2026-Q3"));
        as(tenant).post("/api/v1/proposals/aging-sweep").then().statusCode(200).body("rolledOverClients", equalTo(0));

        clock.set(Instant.parse("2026-10-01T06:00:00Z"));
        int before = rows().size();
        as(tenant).post("/api/v1/proposals/aging-sweep").then().statusCode(200).body("rolledOverClients", equalTo(1));
        List<OutboxRows.Row> rolled = rows().subList(before, rows().size());
        JsonNode resequenced = rolled.stream().filter(row -> row.type().equals(EventTypes.ROADMAP_RESEQUENCED))
                .findFirst().orElseThrow().envelope().get("data");
        assertThat(resequenced.get("reason").asText()).isEqualTo("QUARTER_ROLLOVER");
        assertThat(resequenced.get("moves")).singleElement().satisfies(move -> {
            assertThat(move.get("initiativeId").asText()).isEqualTo(leftover);
            assertThat(move.get("fromQuarter").asText()).isEqualTo("2026-Q3");
            assertThat(move.get("toQuarter").asText()).isEqualTo("2026-Q4");
            assertThat(move.get("toPosition").asInt()).isEqualTo(2);
        });
        as(tenant).get("/api/v1/initiatives/" + later).then().body("quarter", equalTo("2026-Q4"))
                .body("position", equalTo(1));
        as(tenant).get("/api/v1/initiatives/" + leftover).then().body("quarter", equalTo("2026-Q4"))
                .body("position", equalTo(2));

        int afterFirst = rows().size();
        as(tenant).post("/api/v1/proposals/aging-sweep").then().statusCode(200).body("rolledOverClients", equalTo(0));
        assertThat(rows()).as("a rerun emits nothing").hasSize(afterFirst);
        rows().forEach(ContractAssertions::assertValid);
    }

    /** The job's own path (the scheduler is off in tests): due tenants found across tenants, each swept alone. */
    @Test
    void theScheduledSweepRollsOverOnlyTheTenantsDueThisMinuteEachUnderItsOwnTenant() throws Throwable {
        clock.set(Instant.parse("2026-09-01T14:00:00Z"));
        register();
        sweepTime(tenant, "04:17");
        String dueLeftover = created(initiative("Teams Phone migration", "EFFICIENCY", "2026-Q3"));
        UUID notDue = UUID.randomUUID();
        UUID notDueClient = UUID.randomUUID();
        publisher.publish(InboundEvents.clientRegistered(notDue, notDueClient, 12,
                Instant.parse("2026-01-05T09:00:00Z")));
        await().atMost(WAIT).untilAsserted(() -> as(notDue).get("/api/v1/clients/" + notDueClient + "/roadmap")
                .then().statusCode(200));
        sweepTime(notDue, "04:18");
        String notDueLeftover = as(notDue).body(initiative("Teams Phone migration", "EFFICIENCY", "2026-Q3"))
                .post("/api/v1/clients/" + notDueClient + "/initiatives").then().statusCode(201).extract().path("id");

        clock.set(Instant.parse("2026-10-01T04:17:30Z"));
        VertxContextSupport.subscribeAndAwait(() -> sweeps.scheduledSweep());

        as(tenant).get("/api/v1/initiatives/" + dueLeftover).then().statusCode(200)
                .body("quarter", equalTo("2026-Q4"));
        as(notDue).get("/api/v1/initiatives/" + notDueLeftover).then().statusCode(200)
                .body("quarter", equalTo("2026-Q3"));
    }

    @Test
    void aChangedCalibrationRecalibratesTheTenantsRoadmapsWithANewVersion() {
        clock.set(Instant.parse("2026-09-01T14:00:00Z"));
        register();
        Map<String, Object> policy = new HashMap<>(as(tenant).get("/api/v1/roadmap-policy").then().extract()
                .jsonPath().getMap("$"));
        Map<String, Object> calibration = new HashMap<>((Map<String, Object>) policy.get("calibration"));
        calibration.put("UNSEGMENTED", Map.of("horizonQuarters", 6, "freshnessDays", 90));
        policy.put("calibration", calibration);
        int before = rows().size();

        as(tenant, "CS_LEADER").body(policy).put("/api/v1/roadmap-policy").then().statusCode(200);
        as(tenant).get("/api/v1/clients/" + client + "/roadmap").then().body("horizonQuarters", equalTo(6))
                .body("freshnessDays", equalTo(90));
        List<OutboxRows.Row> recalibrated = rows().subList(before, rows().size());
        assertThat(recalibrated).singleElement().satisfies(row -> {
            assertThat(row.type()).isEqualTo(EventTypes.ROADMAP_RESEQUENCED);
            assertThat(row.envelope().at("/data/reason").asText()).isEqualTo("SEGMENT_CHANGED");
            assertThat(row.envelope().at("/data/moves")).isEmpty();
        });
        as(tenant, "CS_LEADER").body(policy).put("/api/v1/roadmap-policy").then().statusCode(200);
        assertThat(rows()).as("the same policy again changes nothing").hasSize(before + 1);
        rows().forEach(ContractAssertions::assertValid);
    }

    private static void sweepTime(UUID tenant, String time) {
        Map<String, Object> policy = new HashMap<>(as(tenant).get("/api/v1/roadmap-policy").then().extract()
                .jsonPath().getMap("$"));
        policy.put("sweepTime", time);
        as(tenant, "CS_LEADER").body(policy).put("/api/v1/roadmap-policy").then().statusCode(200);
    }

    private void register() {
        publisher.publish(InboundEvents.clientRegistered(tenant, client, 12, Instant.parse("2026-01-05T09:00:00Z")));
        await().atMost(WAIT).untilAsserted(() -> as(tenant).get("/api/v1/clients/" + client + "/roadmap").then()
                .statusCode(200));
    }

    private String initiatives() {
        return "/api/v1/clients/" + client + "/initiatives";
    }

    private static Map<String, Object> initiative(String title, String lane, String quarter) {
        return Map.of("title", title, "summary", "Why now", "lane", lane, "origin", "MANUAL", "quarter", quarter,
                "estimate", Map.of("oneTime", Map.of("amount", "5000.00", "currency", "USD"), "spendType", "OPEX"));
    }

    private String created(Map<String, Object> body) {
        return as(tenant).body(body).post(initiatives()).then().statusCode(201).extract().path("id");
    }

    /** In INTERNAL_REVIEW in 2027-Q1 with a pre-approval captured now. */
    private String proposable(String title, String lane) {
        String id = created(initiative(title, lane, "2027-Q1"));
        as(tenant).body(Map.of("to", "INTERNAL_REVIEW")).post("/api/v1/initiatives/" + id + "/transitions").then()
                .statusCode(200);
        as(tenant).body(Map.of("clientOwner", "Maya Chen (CFO)", "targetQuarter", "2027-Q1",
                        "budgetBand", Map.of("low", Map.of("amount", "4000.00", "currency", "USD"),
                                "high", Map.of("amount", "6000.00", "currency", "USD"))))
                .put("/api/v1/initiatives/" + id + "/pre-approval").then().statusCode(200)
                .body("preApproval.status", equalTo("COUNTED"));
        return id;
    }

    private List<JsonNode> agingAt(String time) {
        clock.set(Instant.parse(time));
        int before = OutboxRows.of("roadmap", tenant, EventTypes.PROPOSAL_AGING).size();
        as(tenant).post("/api/v1/proposals/aging-sweep").then().statusCode(200);
        List<OutboxRows.Row> aging = OutboxRows.of("roadmap", tenant, EventTypes.PROPOSAL_AGING);
        return aging.subList(before, aging.size()).stream().map(row -> row.envelope().get("data")).toList();
    }

    private List<OutboxRows.Row> rows() {
        return OutboxRows.of("roadmap", tenant);
    }
}
