package io.mspcs.health.rest;

import io.mspcs.health.support.HealthDatabase;
import io.mspcs.platformtest.OutboxRows;
import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.health.rest.SignalIngestComponentTest.item;
import static io.mspcs.platformtest.TenantApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** POST …/health/what-if: simulated scores that store and emit nothing (health.md §6). */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "health"))
class WhatIfComponentTest {

    private static final Map<String, Object> MFA_55 = item("type", "MFA_COVERAGE", "observedAt", "2026-11-20T13:55:00Z",
            "numerator", 33, "denominator", 60);

    @Test
    void e4Step1AsAWhatIfGivesDmi7183AndTheNewCompositeWithoutWritingAnything() {
        UUID tenant = UUID.randomUUID();
        UUID client = HealthScoringComponentTest.scoredHarborDental(tenant);
        int events = OutboxRows.of("health", tenant).size();
        long records = HealthDatabase.count("score_record", tenant);
        long snapshots = HealthDatabase.count("dmi_snapshot", tenant);
        long signals = HealthDatabase.count("signal", tenant);

        // ADOPTION 76.56 → 71.83 (E4 step 1); composite over CX 80, ADOPTION, quality 100, alignment 77.86
        as(tenant, "VIEWER").body(Map.of("signals", List.of(MFA_55)))
                .post("/api/v1/clients/" + client + "/health/what-if").then().statusCode(200)
                .body("dmi", equalTo(71.83f))
                .body("dimensions.find { it.dimension == 'ADOPTION' }.score", equalTo(71.83f))
                .body("dimensions.find { it.dimension == 'ADOPTION' }.color", equalTo("GREEN"))
                .body("composite", equalTo(82.42f)).body("color", equalTo("GREEN"))
                .body("segmentUsed", equalTo("C")).body("modelVersion", equalTo(1))
                .body("current.composite", equalTo(83.61f));
        // the same DMI in segment A's bands (90/80) is RED
        as(tenant).body(Map.of("signals", List.of(MFA_55), "segment", "A"))
                .post("/api/v1/clients/" + client + "/health/what-if").then().statusCode(200)
                .body("segmentUsed", equalTo("A"))
                .body("dimensions.find { it.dimension == 'ADOPTION' }.color", equalTo("RED"));
        // no signals: the current facts as they score now
        as(tenant).body(Map.of()).post("/api/v1/clients/" + client + "/health/what-if").then().statusCode(200)
                .body("composite", equalTo(83.61f));

        assertThat(OutboxRows.of("health", tenant)).hasSize(events);
        assertThat(HealthDatabase.count("score_record", tenant)).isEqualTo(records);
        assertThat(HealthDatabase.count("dmi_snapshot", tenant)).isEqualTo(snapshots);
        assertThat(HealthDatabase.count("signal", tenant)).isEqualTo(signals);
    }

    @Test
    void aDraftModelCanBeTriedBeforeItIsPublished() {
        UUID tenant = UUID.randomUUID();
        UUID client = HealthScoringComponentTest.scoredHarborDental(tenant);
        // segment C weighs ADOPTION alone: the composite becomes the DMI
        Map<String, Object> weights = Map.of("CX", 0, "ADOPTION", 1, "ENGAGEMENT", 0, "SERVICE_QUALITY", 0, "ALIGNMENT", 0);
        int draft = as(tenant).body(Map.of("changeNote", "adoption only for C",
                        "content", Map.of("composite", Map.of("weightsBySegment", Map.of("C", weights)))))
                .post("/api/v1/health-models").then().statusCode(201).extract().path("version");

        as(tenant).body(Map.of("modelVersion", draft)).post("/api/v1/clients/" + client + "/health/what-if")
                .then().statusCode(200).body("modelVersion", equalTo(draft)).body("composite", equalTo(76.56f));
        as(tenant).body(Map.of("modelVersion", 99)).post("/api/v1/clients/" + client + "/health/what-if")
                .then().statusCode(404);
    }

    @Test
    void aBadSignalOrSegmentIsRefusedAndAnUnknownClientIsNotFound() {
        UUID tenant = UUID.randomUUID();
        UUID client = HealthScoringComponentTest.scoredHarborDental(tenant);
        String path = "/api/v1/clients/" + client + "/health/what-if";

        as(tenant).body(Map.of("signals", List.of(item("type", "MFA_COVERAGE", "coverage", 1.5)))).post(path).then()
                .statusCode(422).body("type", equalTo("/problems/value-out-of-range"))
                .body("errors[0].field", equalTo("signals[0].coverage"));
        as(tenant).body(Map.of("signals", List.of(item("type", "PRINTER_TONER")))).post(path).then()
                .statusCode(422).body("type", equalTo("/problems/unknown-signal-type"));
        as(tenant).body(Map.of("signals", List.of(item("type", "INSIGHT_COVERAGE", "insightCode", "FAX", "coverage", 0.5))))
                .post(path).then().statusCode(422).body("type", equalTo("/problems/unknown-insight"));
        as(tenant).body(Map.of("segment", "Z")).post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("segment"));
        as(tenant).body(Map.of()).post("/api/v1/clients/" + UUID.randomUUID() + "/health/what-if").then().statusCode(404);
        as(UUID.randomUUID()).body(Map.of()).post(path).then().statusCode(404);
    }
}
