package io.mspcs.e2e;

import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventTypes;
import io.mspcs.contracts.Topics;
import io.mspcs.platformtest.EventPublisher;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The first closed loop through real processes, PostgreSQL, Debezium and Kafka: a client registered over the
 * gateway, a DMI drop, and — with no human in the path — a remediation CTA and remediation initiatives at the head
 * of the roadmap, all carrying the correlation id of the request that recorded the drop.
 */
@ExtendWith(RunningPlatform.class)
class ClosedLoopIT {

    private static final Duration CHAIN = Duration.ofSeconds(30);

    private static Tenant newTenant() {
        return Tenant.create(RunningPlatform.platform());
    }

    private static EventLog events() {
        return RunningPlatform.events();
    }

    private static Map<String, Object> coverage(double mfa, double backup) {
        return Map.of("items", List.of(Map.of("insightCode", "MFA", "coverage", mfa),
                Map.of("insightCode", "ENDPOINT_PROTECTION", "coverage", 0.97),
                Map.of("insightCode", "PATCH_COMPLIANCE", "coverage", 0.93),
                Map.of("insightCode", "BACKUP_SUCCESS", "coverage", backup),
                Map.of("insightCode", "EMAIL_SECURITY", "coverage", 0.92)));
    }

    /** Health learns the client from ClientRegistered; until then the client is unknown there (404). */
    private static void recordCoverage(Tenant tenant, String clientId, Map<String, Object> body, String correlationId) {
        await().atMost(CHAIN).until(() -> tenant.user().header("X-Correlation-Id", correlationId).body(body)
                .post("/api/v1/clients/" + clientId + "/dmi/coverage").statusCode() != 404);
    }

    private static int countItems(Tenant tenant, String path) {
        return tenant.api().get(path).then().statusCode(200).extract().path("items.size()");
    }

    @Test
    void aDmiDropBecomesOneRemediationCtaAndRemediationInitiativesCarryingOneCorrelationId() {
        Tenant tenant = newTenant();
        String clientId = tenant.registerClient("19283");
        recordCoverage(tenant, clientId, coverage(0.90, 0.98), "e2e-baseline-" + UUID.randomUUID());
        String correlationId = "e2e-drop-" + UUID.randomUUID();
        tenant.user().header("X-Correlation-Id", correlationId).body(coverage(0.55, 0.60))
                .post("/api/v1/clients/" + clientId + "/dmi/coverage").then().statusCode(200);

        await().atMost(CHAIN).untilAsserted(() -> {
            assertThat(dmiDropCtas(tenant)).hasSize(1);
            assertThat(events().ofTenant(tenant.id(), EventTypes.ROADMAP_RESEQUENCED)).isNotEmpty();
            // MFA under its gate threshold also closes the fix-first gate: new-project proposals wait for it.
            assertThat(events().ofTenant(tenant.id(), EventTypes.ADOPTION_GATE_BREACHED)).isNotEmpty();
            tenant.api().get("/api/v1/clients/" + clientId + "/roadmap").then().statusCode(200)
                    .body("gates.proposalsBlocked", equalTo(true));
        });
        var drop = single(tenant, EventTypes.DMI_DROPPED);
        int gaps = drop.envelope().at("/data/topGaps").size();
        await().atMost(CHAIN).untilAsserted(() ->
                assertThat(countItems(tenant, "/api/v1/clients/" + clientId + "/initiatives")).isEqualTo(gaps));

        tenant.api().get("/api/v1/clients/" + clientId + "/ctas").then()
                .body("items.find { it.reasonCode == 'DMI_DROP' }.kind", equalTo("REMEDIATION"));
        var ctaOpened = dmiDropCtas(tenant).get(0);
        assertThat(ctaOpened.header("causationid")).isEqualTo(drop.header("id"));
        assertThat(ctaOpened.header("correlationid")).isEqualTo(correlationId);
        for (String type : List.of(EventTypes.DMI_DROPPED, EventTypes.INITIATIVE_CREATED)) {
            assertThat(events().ofTenant(tenant.id(), type)).as(type).isNotEmpty()
                    .allSatisfy(event -> assertThat(event.header("correlationid")).isEqualTo(correlationId));
        }
        // Gate breaches come from health's batched re-score, which does not carry the request's correlation id
        // (yet); the roadmap resequences for the drop with it and again for the gate without it.
        assertThat(events().ofTenant(tenant.id(), EventTypes.ROADMAP_RESEQUENCED))
                .anySatisfy(event -> assertThat(event.header("correlationid")).isEqualTo(correlationId));
        assertThat(events().ofTenant(tenant.id(), EventTypes.INITIATIVE_CREATED))
                .extracting(e -> e.envelope().at("/data/healthLinks/0/insightCode").asText()).doesNotHaveDuplicates();
        assertThat(drop.key()).isEqualTo(tenant.id() + ":" + clientId);
    }

    @Test
    void redeliveredEventsInEitherOrderChangeNothing() {
        Tenant tenant = newTenant();
        String clientId = tenant.registerClient("5501");
        recordCoverage(tenant, clientId, coverage(0.90, 0.98), "e2e-baseline-" + UUID.randomUUID());
        tenant.user().body(coverage(0.50, 0.98)).post("/api/v1/clients/" + clientId + "/dmi/coverage").then().statusCode(200);
        await().atMost(CHAIN).untilAsserted(() -> {
            assertThat(dmiDropCtas(tenant)).hasSize(1);
            assertThat(countItems(tenant, "/api/v1/clients/" + clientId + "/initiatives")).isPositive();
        });
        var drop = single(tenant, EventTypes.DMI_DROPPED);
        var ctaOpened = dmiDropCtas(tenant).get(0);
        await().atMost(CHAIN).until(() -> events().consumedBeyond("roadmap-service", Topics.CADENCE, ctaOpened.partition(), ctaOpened.offset())
                && events().consumedBeyond("roadmap-service", Topics.HEALTH, drop.partition(), drop.offset()));
        int initiatives = countItems(tenant, "/api/v1/clients/" + clientId + "/initiatives");
        int ctas = countItems(tenant, "/api/v1/clients/" + clientId + "/ctas");

        int eventsBefore = events().ofTenant(tenant.id()).size();
        try (EventPublisher publisher = EventPublisher.forSharedInfra()) {
            publisher.publish(EventCodec.parse(ctaOpened.value()));   // the CTA first this time,
            publisher.publish(EventCodec.parse(drop.value()));        // then the drop again
        }
        await().atMost(CHAIN).until(() -> {
            var again = events().ofTenant(tenant.id(), EventTypes.DMI_DROPPED);
            var ctaAgain = dmiDropCtas(tenant);
            return again.size() == 2 && ctaAgain.size() == 2
                    && events().consumedBeyond("cadence-service", Topics.HEALTH, again.get(1).partition(), again.get(1).offset())
                    && events().consumedBeyond("roadmap-service", Topics.HEALTH, again.get(1).partition(), again.get(1).offset())
                    && events().consumedBeyond("roadmap-service", Topics.CADENCE, ctaAgain.get(1).partition(), ctaAgain.get(1).offset());
        });

        assertThat(countItems(tenant, "/api/v1/clients/" + clientId + "/ctas")).isEqualTo(ctas);
        assertThat(countItems(tenant, "/api/v1/clients/" + clientId + "/initiatives")).isEqualTo(initiatives);
        assertThat(events().ofTenant(tenant.id()).size()).as("only the two redelivered records, no event caused by them")
                .isEqualTo(eventsBefore + 2);
    }

    @Test
    void badRequestsAnswerProblemJsonAndWriteNothing() {
        Tenant tenant = newTenant();
        String clientId = tenant.registerClient("7001");
        recordCoverage(tenant, clientId, coverage(0.90, 0.98), "e2e-baseline-" + UUID.randomUUID());
        int snapshots = countItems(tenant, "/api/v1/clients/" + clientId + "/dmi/snapshots");

        tenant.user().body("{\"items\": [").post("/api/v1/clients/" + clientId + "/dmi/coverage").then()
                .statusCode(400).contentType("application/problem+json").body("type", equalTo("/problems/malformed-json"));
        tenant.user().body(coverage(0.5, 0.5)).post("/api/v1/clients/" + UUID.randomUUID() + "/dmi/coverage").then()
                .statusCode(404).contentType("application/problem+json");
        tenant.user().body(Map.of("items", List.of(Map.of("insightCode", "MFA", "coverage", 1.5))))
                .post("/api/v1/clients/" + clientId + "/dmi/coverage").then()
                .statusCode(400).contentType("application/problem+json");

        assertThat(countItems(tenant, "/api/v1/clients/" + clientId + "/dmi/snapshots")).isEqualTo(snapshots);
        tenant.api().get("/api/v1/clients/" + clientId + "/dmi").then().statusCode(200)
                .body("insights.find { it.code == 'MFA' }.coverage", equalTo(0.9f));
    }

    @Test
    void aTenantNeverSeesAnotherTenantsClient() {
        Tenant owner = newTenant();
        String clientId = owner.registerClient("8001");
        Tenant other = newTenant();

        other.api().get("/api/v1/clients/" + clientId).then().statusCode(404).contentType("application/problem+json");
        other.user().body(coverage(0.1, 0.1)).post("/api/v1/clients/" + clientId + "/dmi/coverage").then().statusCode(404);
        RestAssured.given().baseUri(RunningPlatform.platform().gatewayUrl()).get("/api/v1/clients/" + clientId).then().statusCode(401);
    }

    /** The CTAs opened by the DMI-drop rule (AD-T9); the same coverage may also open the fix-first gate's CTA. */
    private static List<EventLog.Event> dmiDropCtas(Tenant tenant) {
        return events().ofTenant(tenant.id(), EventTypes.CTA_OPENED).stream()
                .filter(event -> "AD-T9".equals(event.envelope().at("/data/reason/ruleId").asText()))
                .toList();
    }

    private static EventLog.Event single(Tenant tenant, String type) {
        List<EventLog.Event> found = events().ofTenant(tenant.id(), type);
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }
}
