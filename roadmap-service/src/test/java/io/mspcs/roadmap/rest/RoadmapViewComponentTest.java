package io.mspcs.roadmap.rest;

import io.mspcs.platformtest.EventPublisher;
import io.mspcs.platformtest.MutableClock;
import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.platformtest.TenantApi.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** GET …/roadmap with fromQuarter, toQuarter and includeCompleted (roadmap.md §9). Harbor Dental, FY end 12. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "roadmap"))
class RoadmapViewComponentTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static EventPublisher publisher;

    @Inject
    MutableClock clock;

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
    void quartersAreLimitedToTheRangeAndCompletedWorkShowsOnlyWhenAsked() {
        clock.set(Instant.parse("2026-11-20T14:00:00Z"));
        publisher.publish(InboundEvents.clientRegistered(tenant, client, 12, Instant.parse("2026-01-05T09:00:00Z")));
        await().atMost(WAIT).untilAsserted(() -> roadmap("").statusCode(200));
        String firewall = created("Firewall replacement", "2026-Q4");
        created("Teams Phone migration", "2027-Q2");
        List<Map<String, ?>> steps = List.of(Map.of("to", "INTERNAL_REVIEW"), Map.of("to", "PROPOSED"),
                Map.of("to", "APPROVED", "decision", Map.of("evidence", "WRITTEN_CONFIRMATION",
                        "evidenceRef", "email 2026-11-20", "clientOwner", "Maya Chen (CFO)",
                        "decidedOn", "2026-11-20", "budget", Map.of("amount", "4200.00", "currency", "USD"))),
                Map.of("to", "IN_PROGRESS", "deliveryOwnerMemberId", "tech-lead"),
                Map.of("to", "COMPLETED", "completedOn", "2026-11-20"));
        for (Map<String, ?> step : steps) {
            as(tenant).body(step).post("/api/v1/initiatives/" + firewall + "/transitions").then().statusCode(200);
        }

        roadmap("").body("quarters.quarter", contains("2027-Q2"));
        roadmap("?includeCompleted=true").body("quarters.quarter", contains("2026-Q4", "2027-Q2"))
                .body("quarters[0].items[0].state", equalTo("COMPLETED"));
        roadmap("?includeCompleted=true&toQuarter=2026-Q4").body("quarters.quarter", contains("2026-Q4"));
        roadmap("?includeCompleted=true&fromQuarter=2027-Q1").body("quarters.quarter", contains("2027-Q2"));
        roadmap("?fromQuarter=2027-5").statusCode(400).body("errors[0].field", equalTo("fromQuarter"))
                .body("errors[0].code", equalTo("format"));
    }

    private io.restassured.response.ValidatableResponse roadmap(String query) {
        return as(tenant).get("/api/v1/clients/" + client + "/roadmap" + query).then();
    }

    private String created(String title, String quarter) {
        return as(tenant).body(Map.of("title", title, "summary", "Why now", "lane", "STABILITY", "origin", "MANUAL",
                        "quarter", quarter, "estimate", Map.of("oneTime", Map.of("amount", "4200.00", "currency", "USD"),
                                "spendType", "CAPEX")))
                .post("/api/v1/clients/" + client + "/initiatives").then().statusCode(201).extract().path("id");
    }
}
