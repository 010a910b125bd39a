package io.mspcs.health.rest;

import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.platformtest.TenantApi.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** DMI catalogue versions: draft, insights, publish with re-score (health.md §2.2, §6). */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "health"))
class DmiCatalogComponentTest {

    private static Map<String, Object> insight(String code, int weight) {
        Map<String, Object> insight = new LinkedHashMap<>();
        insight.put("code", code);
        insight.put("name", "Privileged access");
        insight.put("definition", "Share of admin accounts behind just-in-time elevation.");
        insight.put("dataSource", "Identity provider");
        insight.put("category", "IDENTITY_ACCESS");
        insight.put("weight", weight);
        insight.put("target", 0.9);
        insight.put("tier", 2);
        insight.put("signalType", "INSIGHT_COVERAGE");
        return insight;
    }

    @Test
    void aDraftIsEditedInsightByInsightAndPublishedAsTheActiveVersionWithAReScore() {
        UUID tenant = UUID.randomUUID();
        UUID client = HealthScoringComponentTest.scoredHarborDental(tenant);
        as(tenant, "VIEWER").get("/api/v1/dmi-catalog").then().statusCode(200)
                .body("version", equalTo(1)).body("status", equalTo("PUBLISHED")).body("insights", hasSize(8));

        as(tenant).body(Map.of()).put("/api/v1/dmi-catalog/draft").then().statusCode(200)
                .body("version", equalTo(2)).body("status", equalTo("DRAFT")).body("basedOnVersion", equalTo(1))
                .body("insights", hasSize(8));
        as(tenant).body(insight("MFA", 5)).post("/api/v1/dmi-catalog/draft/insights").then().statusCode(409)
                .body("type", equalTo("/problems/insight-exists"));
        as(tenant).body(insight("PRIVILEGED_ACCESS", 3)).post("/api/v1/dmi-catalog/draft/insights").then()
                .statusCode(201).body("code", equalTo("PRIVILEGED_ACCESS"));
        Map<String, Object> mfa = insight("MFA", 4);
        mfa.put("gateThreshold", 0.6);
        as(tenant).body(mfa).put("/api/v1/dmi-catalog/draft/insights/MFA").then().statusCode(200)
                .body("weight", equalTo(4));
        as(tenant).delete("/api/v1/dmi-catalog/draft/insights/DEVICE_ENCRYPTION").then().statusCode(204);
        as(tenant).get("/api/v1/dmi-catalog/draft").then().statusCode(200).body("insights", hasSize(8))
                .body("insights.find { it.code == 'MFA' }.weight", equalTo(4));

        as(tenant).body(Map.of()).post("/api/v1/dmi-catalog/draft/publish").then().statusCode(400)
                .body("errors[0].field", equalTo("changeNote"));
        // three insight changes in one quarter: published, with the governance warning
        as(tenant).body(Map.of("changeNote", "privileged access in, encryption out")).post("/api/v1/dmi-catalog/draft/publish")
                .then().statusCode(200)
                .body("version", equalTo(2)).body("status", equalTo("PUBLISHED")).body("previousVersion", equalTo(1))
                .body("insightChanges", equalTo(3)).body("warnings", equalTo(List.of("CHANGE_LIMIT_EXCEEDED")))
                .body("rescoreQueued", equalTo(1));

        as(tenant).get("/api/v1/dmi-catalog").then().statusCode(200).body("version", equalTo(2));
        as(tenant).get("/api/v1/dmi-catalog/versions").then().statusCode(200)
                .body("items.version", equalTo(List.of(2, 1))).body("items.status", equalTo(List.of("PUBLISHED", "RETIRED")));
        as(tenant).get("/api/v1/dmi-catalog/versions/1").then().statusCode(200).body("status", equalTo("RETIRED"))
                .body("insights", hasSize(8)).body("insights.code", hasItem("DEVICE_ENCRYPTION"));
        as(tenant).get("/api/v1/dmi-catalog/versions/9").then().statusCode(404);
        as(tenant).get("/api/v1/dmi-catalog/draft").then().statusCode(404);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(tenant)
                .get("/api/v1/clients/" + client + "/health/history").then().statusCode(200)
                .body("items[0].trigger", equalTo("MODEL_PUBLISHED"))
                .body("items[0].markers.type", hasItem("CATALOG_CHANGED")));
        as(tenant).get("/api/v1/clients/" + client + "/dmi").then().statusCode(200)
                .body("catalogVersion", equalTo(2));
    }

    @Test
    void badInsightsAndMoreThanTwentyActiveOnesAreRefusedAndChangeNothing() {
        UUID tenant = UUID.randomUUID();
        as(tenant).body(Map.of()).put("/api/v1/dmi-catalog/draft").then().statusCode(200);

        Map<String, Object> bad = insight("privileged", 7);
        bad.remove("definition");
        as(tenant).body(bad).post("/api/v1/dmi-catalog/draft/insights").then().statusCode(400)
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors.field", equalTo(List.of("code", "definition", "weight")));
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add(insight("INSIGHT_" + i, 1));
        }
        as(tenant).body(Map.of("insights", many)).put("/api/v1/dmi-catalog/draft").then().statusCode(422)
                .body("type", equalTo("/problems/catalog-limit-exceeded"));
        as(tenant).body(Map.of("insights", many.subList(0, 2), "basedOnVersion", 1)).put("/api/v1/dmi-catalog/draft")
                .then().statusCode(400).body("errors[0].code", equalTo("one-of"));
        // twenty fit; a twenty-first active one is refused when added alone too
        as(tenant).body(Map.of("insights", many.subList(0, 20))).put("/api/v1/dmi-catalog/draft").then().statusCode(200)
                .body("insights", hasSize(20));
        as(tenant).body(insight("ONE_MORE", 1)).post("/api/v1/dmi-catalog/draft/insights").then().statusCode(422)
                .body("type", equalTo("/problems/catalog-limit-exceeded"));
        as(tenant).get("/api/v1/dmi-catalog/draft").then().statusCode(200).body("insights", hasSize(20))
                .body("basedOnVersion", equalTo(null));

        as(tenant, "CSM").body(Map.of()).put("/api/v1/dmi-catalog/draft").then().statusCode(403);
        as(tenant, "CSM").get("/api/v1/dmi-catalog/draft").then().statusCode(403);
        as(tenant).delete("/api/v1/dmi-catalog/draft").then().statusCode(204);
        as(tenant).delete("/api/v1/dmi-catalog/draft").then().statusCode(404);
        as(tenant).delete("/api/v1/dmi-catalog/draft/insights/MFA").then().statusCode(404);
    }
}
