package io.mspcs.cadence.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.mspcs.cadence.support.TestEvents;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.EventTypes;
import io.mspcs.platformtest.ConsumedEvents;
import io.mspcs.platformtest.ContractAssertions;
import io.mspcs.platformtest.EventPublisher;
import io.mspcs.platformtest.MutableClock;
import io.mspcs.platformtest.OutboxRows;
import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static io.mspcs.platformtest.TenantApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** cadence.md §4.1 and §8.5: versioned tenant rules, and the rule handlers reading them. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "cadence"))
class TriggerRuleComponentTest {

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

    private void publishAndAwait(EventEnvelope event) {
        publisher.publish(event);
        ConsumedEvents.await("cadence", event.id());
    }

    @Test
    void listsTheCatalogueAtVersion1WithDefaultThresholds() {
        UUID tenant = UUID.randomUUID();

        as(tenant).get("/api/v1/trigger-rules").then().statusCode(200)
                .body("find { it.ruleId == 'AD-T9' }.version", equalTo(1))
                .body("find { it.ruleId == 'AD-T9' }.enabled", equalTo(true))
                .body("find { it.ruleId == 'AD-T9' }.params.minDropPoints", equalTo(10))
                .body("find { it.ruleId == 'AD-T4' }.params.minFlatCycles", equalTo(2))
                .body("find { it.ruleId == 'T-REN' }.params.leadDays", equalTo(90));
    }

    @Test
    void aLowerMinDropPointsPublishesVersion2AndANinePointDropThenOpensACtaNamingIt() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        clock.set(Instant.parse("2026-11-20T14:03:13.112Z"));

        // A 9-point drop is below the default 10: nothing opens.
        publishAndAwait(TestEvents.dmiDropped(tenant, client, UUID.randomUUID(), 74.0, 65.0, "C",
                Instant.parse("2026-11-20T14:00:00Z"), "corr-below"));
        assertThat(OutboxRows.of("cadence", tenant, EventTypes.CTA_OPENED)).isEmpty();

        as(tenant).contentType(ContentType.JSON).body("{\"params\": {\"minDropPoints\": 8}}")
                .patch("/api/v1/trigger-rules/AD-T9").then().statusCode(200)
                .body("version", equalTo(2)).body("params.minDropPoints", equalTo(8)).body("enabled", equalTo(true));
        as(tenant).get("/api/v1/trigger-rules/AD-T9").then().statusCode(200)
                .body("version", equalTo(2))
                .body("versions", hasSize(2))
                .body("versions[0].params.minDropPoints", equalTo(10))
                .body("versions[1].params.minDropPoints", equalTo(8));

        publishAndAwait(TestEvents.dmiDropped(tenant, client, UUID.randomUUID(), 74.0, 65.0, "C",
                Instant.parse("2026-11-20T14:01:00Z"), "corr-above"));
        OutboxRows.Row opened = OutboxRows.of("cadence", tenant, EventTypes.CTA_OPENED).get(0);
        ContractAssertions.assertValid(opened);
        JsonNode reason = opened.envelope().at("/data/reason");
        assertThat(reason.get("ruleId").asText()).isEqualTo("AD-T9");
        assertThat(reason.get("ruleVersion").asInt()).isEqualTo(2);
        // Another tenant still runs on the default.
        as(UUID.randomUUID()).get("/api/v1/trigger-rules/AD-T9").then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void aDisabledRuleOpensNothing() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        clock.set(Instant.parse("2026-03-02T08:00:00Z"));
        as(tenant).contentType(ContentType.JSON).body("{\"enabled\": false}")
                .patch("/api/v1/trigger-rules/AD-T4").then().statusCode(200)
                .body("version", equalTo(2)).body("enabled", equalTo(false)).body("params.minFlatCycles", equalTo(2));

        publishAndAwait(TestEvents.dmiStalled(tenant, client, UUID.randomUUID(), 3, Instant.parse("2026-03-02T08:00:00Z")));

        assertThat(OutboxRows.of("cadence", tenant)).isEmpty();
    }

    @Test
    void badPatchesAnswerProblemsAndStoreNothing() {
        UUID tenant = UUID.randomUUID();

        as(tenant).contentType(ContentType.JSON).body("{\"params\": {\"minFlatCycles\": 3}}")
                .patch("/api/v1/trigger-rules/AD-T9").then().statusCode(400);
        as(tenant).contentType(ContentType.JSON).body("{\"params\": {\"minDropPoints\": -1}}")
                .patch("/api/v1/trigger-rules/AD-T9").then().statusCode(400);
        as(tenant).contentType(ContentType.JSON).body("{}")
                .patch("/api/v1/trigger-rules/AD-T9").then().statusCode(400);
        as(tenant).contentType(ContentType.JSON).body("{\"enabled\": false}")
                .patch("/api/v1/trigger-rules/NOPE").then().statusCode(404);
        as(tenant).get("/api/v1/trigger-rules/NOPE").then().statusCode(404);
        as(tenant, "VIEWER").contentType(ContentType.JSON).body("{\"enabled\": false}")
                .patch("/api/v1/trigger-rules/AD-T9").then().statusCode(403);

        as(tenant).get("/api/v1/trigger-rules/AD-T9").then().statusCode(200)
                .body("version", equalTo(1)).body("versions", hasSize(1));
    }
}
