package io.mspcs.cadence.rest;

import io.mspcs.cadence.support.ClientViewRows;
import io.mspcs.platformtest.MutableClock;
import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.platformtest.TenantApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** Template management (cadence.md §6.1, §8.4) and E10: a run keeps the version it started with. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "cadence"))
class PlaybookTemplateComponentTest {

    @Inject
    MutableClock clock;
    @Inject
    Pool pool;

    private static Map<String, Object> task(String key, String title, String offset, List<String> dependsOn) {
        return Map.of("taskKey", key, "title", title, "ownerRole", "CSM", "offset", offset, "dependsOn", dependsOn);
    }

    private static Map<String, Object> template(String key, List<Map<String, Object>> tasks) {
        return Map.of("key", key, "name", "Quarterly touch", "expectedOutput", "A touchpoint logged", "tasks", tasks);
    }

    @Test
    void aNewTemplateIsDraftOneUntilPublishedAndOnlyANeverPublishedOneCanBeDeleted() {
        UUID tenant = UUID.randomUUID();
        as(tenant).contentType(ContentType.JSON).body(template("quarterly-touch", List.of(
                        task("Q1", "Call", "2d", List.of("Q2")), task("Q2", "Note", "1d", List.of("Q1")))))
                .post("/api/v1/playbooks").then().statusCode(400).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("dependency-cycle"));
        as(tenant).contentType(ContentType.JSON).body(template("quarterly-touch", List.of(
                        task("Q1", "Call", "2d", List.of("Q9")))))
                .post("/api/v1/playbooks").then().statusCode(400).contentType("application/problem+json");
        as(tenant).get("/api/v1/playbooks/quarterly-touch").then().statusCode(404);

        List<Map<String, Object>> tasks = List.of(task("Q1", "Call", "2d", List.of()),
                task("Q2", "Note", "1d", List.of("Q1")));
        as(tenant).contentType(ContentType.JSON).body(template("quarterly-touch", tasks))
                .post("/api/v1/playbooks").then().statusCode(201)
                .body("status", equalTo("DRAFT")).body("version", equalTo(1));
        as(tenant).contentType(ContentType.JSON).body(template("quarterly-touch", tasks))
                .post("/api/v1/playbooks").then().statusCode(409);
        as(tenant).delete("/api/v1/playbooks/quarterly-touch").then().statusCode(204);
        as(tenant).get("/api/v1/playbooks/quarterly-touch").then().statusCode(404);

        as(tenant).contentType(ContentType.JSON).body(template("quarterly-touch", tasks))
                .post("/api/v1/playbooks").then().statusCode(201);
        as(tenant, "CSM").post("/api/v1/playbooks/quarterly-touch/publish").then().statusCode(403);
        as(tenant).post("/api/v1/playbooks/quarterly-touch/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("version", equalTo(1));
        as(tenant).delete("/api/v1/playbooks/quarterly-touch").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("template-published"));
        as(tenant).post("/api/v1/playbooks/quarterly-touch/publish").then().statusCode(409);
        as(tenant).delete("/api/v1/playbooks/at-risk").then().statusCode(409);
        as(UUID.randomUUID()).get("/api/v1/playbooks/quarterly-touch").then().statusCode(404);
    }

    @Test
    void e10ARunKeepsVersionOneWhenVersionTwoIsPublishedAndARetiredTemplateStartsNoRuns() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        ClientViewRows.insert(pool, tenant, client, "A");
        clock.set(Instant.parse("2026-06-02T15:30:00Z"));
        JsonPath run = as(tenant).contentType(ContentType.JSON).body(Map.of("templateKey", "at-risk"))
                .post("/api/v1/clients/" + client + "/playbook-runs").then().statusCode(201)
                .body("templateVersion", equalTo(1)).extract().jsonPath();
        String runId = run.getString("runId");

        Map<String, Object> v2 = Map.of("name", "At risk", "expectedOutput", "A save plan", "tasks", List.of(
                Map.of("taskKey", "R1", "title", "Acknowledge to the client", "ownerRole", "CSM", "firstAction", true),
                task("R2", "Executive call", "2bd", List.of("R1"))));
        as(tenant).contentType(ContentType.JSON).body(v2).put("/api/v1/playbooks/at-risk/draft").then()
                .statusCode(200).body("status", equalTo("DRAFT")).body("version", equalTo(2));
        as(tenant).get("/api/v1/playbooks/at-risk").then().statusCode(200)
                .body("version", equalTo(1)).body("draft.version", equalTo(2));
        as(tenant).post("/api/v1/playbooks/at-risk/publish").then().statusCode(200)
                .body("version", equalTo(2)).body("status", equalTo("PUBLISHED"));
        as(tenant).get("/api/v1/playbooks/at-risk/versions/1").then().statusCode(200)
                .body("status", equalTo("SUPERSEDED")).body("tasks.size()", equalTo(8));

        // The v1 run cascades on v1's offsets and dependencies (E10).
        String r4 = run.getString("tasks.find { it.taskKey == 'R4' }.taskId");
        JsonPath moved = as(tenant).contentType(ContentType.JSON).body(Map.of("dueAt", "2026-06-12T17:00:00Z"))
                .patch("/api/v1/playbook-runs/" + runId + "/tasks/" + r4).then().statusCode(200)
                .body("templateVersion", equalTo(1)).body("tasks.size()", equalTo(8))
                .body("cascaded", hasItems("R5", "R6", "R7")).extract().jsonPath();
        assertThat(moved.getString("tasks.find { it.taskKey == 'R5' }.dueAt")).isEqualTo("2026-06-14T17:00:00Z");
        assertThat(moved.getString("tasks.find { it.taskKey == 'R6' }.dueAt")).isEqualTo("2026-06-29T17:00:00Z");
        assertThat(moved.getString("tasks.find { it.taskKey == 'R7' }.dueAt")).isEqualTo("2026-08-13T17:00:00Z");

        as(tenant).contentType(ContentType.JSON).body(Map.of("templateKey", "at-risk"))
                .post("/api/v1/clients/" + client + "/playbook-runs").then().statusCode(201)
                .body("templateVersion", equalTo(2)).body("tasks.size()", equalTo(2));

        as(tenant).post("/api/v1/playbooks/at-risk/retire").then().statusCode(200).body("status", equalTo("RETIRED"));
        as(tenant).contentType(ContentType.JSON).body(Map.of("templateKey", "at-risk"))
                .post("/api/v1/clients/" + client + "/playbook-runs").then().statusCode(409);
        as(tenant).get("/api/v1/playbook-runs/" + runId).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("templateVersion", equalTo(1));
    }
}
