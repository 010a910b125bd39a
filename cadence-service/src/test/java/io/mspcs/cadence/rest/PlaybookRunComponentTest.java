package io.mspcs.cadence.rest;

import io.mspcs.cadence.support.ClientViewRows;
import io.mspcs.contracts.EventTypes;
import io.mspcs.platformtest.ContractAssertions;
import io.mspcs.platformtest.MutableClock;
import io.mspcs.platformtest.OutboxRows;
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

/** Runs by hand: E10's cascade through the API, completion and PlaybookCompleted. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "cadence"))
class PlaybookRunComponentTest {

    @Inject
    MutableClock clock;
    @Inject
    Pool pool;
    @Inject
    io.mspcs.cadence.service.CadenceSweep sweep;

    /** A client of the segment, with the clock at E6's start (2026-06-02T15:30Z). */
    private UUID client(UUID tenant, String segment) {
        clock.set(Instant.parse("2026-06-02T15:30:00Z"));
        UUID client = UUID.randomUUID();
        ClientViewRows.insert(pool, tenant, client, segment);
        return client;
    }

    @Test
    void aRunStartedByHandCascadesAHandSetDueDateAndCompletesWithItsRequiredTasks() {
        UUID tenant = UUID.randomUUID();
        UUID client = client(tenant, "A");
        JsonPath run = as(tenant).contentType(ContentType.JSON).body(Map.of("templateKey", "at-risk"))
                .post("/api/v1/clients/" + client + "/playbook-runs").then().statusCode(201)
                .body("status", equalTo("ACTIVE")).body("templateVersion", equalTo(1))
                .body("tasks.size()", equalTo(8)).extract().jsonPath();
        String runId = run.getString("runId");
        assertThat(run.getString("tasks.find { it.taskKey == 'R4' }.dueAt")).isEqualTo("2026-06-09T17:00:00Z");
        OutboxRows.Row started = OutboxRows.of("cadence", tenant, EventTypes.PLAYBOOK_STARTED).get(0);
        ContractAssertions.assertValid(started);

        String r4 = run.getString("tasks.find { it.taskKey == 'R4' }.taskId");
        JsonPath moved = as(tenant).contentType(ContentType.JSON).body(Map.of("dueAt", "2026-06-12T17:00:00Z"))
                .patch("/api/v1/playbook-runs/" + runId + "/tasks/" + r4).then().statusCode(200)
                .body("cascaded", hasItems("R5", "R6", "R7")).extract().jsonPath();
        assertThat(moved.getString("tasks.find { it.taskKey == 'R5' }.dueAt")).isEqualTo("2026-06-14T17:00:00Z");
        assertThat(moved.getString("tasks.find { it.taskKey == 'R6' }.dueAt")).isEqualTo("2026-06-29T17:00:00Z");
        assertThat(moved.getString("tasks.find { it.taskKey == 'R7' }.dueAt")).isEqualTo("2026-08-13T17:00:00Z");
        assertThat(moved.getBoolean("tasks.find { it.taskKey == 'R4' }.dueLocked")).isTrue();

        clock.set(Instant.parse("2026-06-20T10:00:00Z"));
        List<String> required = moved.getList("tasks.findAll { it.required }.taskId");
        for (String taskId : required) {
            as(tenant).contentType(ContentType.JSON).body(Map.of("note", "done"))
                    .post("/api/v1/playbook-runs/" + runId + "/tasks/" + taskId + "/complete").then().statusCode(200);
        }
        as(tenant).get("/api/v1/playbook-runs/" + runId).then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("tasks.find { it.taskKey == 'R7' }.status", equalTo("SKIPPED"));
        OutboxRows.Row completed = OutboxRows.of("cadence", tenant, EventTypes.PLAYBOOK_COMPLETED).get(0);
        ContractAssertions.assertValid(completed);
        assertThat(completed.envelope().at("/data/outcome").asText()).isEqualTo("COMPLETED");
        assertThat(completed.envelope().at("/data/tasksDone").asInt()).isEqualTo(required.size());

        as(tenant).contentType(ContentType.JSON).body(Map.of("note", "again"))
                .post("/api/v1/playbook-runs/" + runId + "/tasks/" + r4 + "/complete").then().statusCode(409);
        as(tenant, "VIEWER").contentType(ContentType.JSON).body(Map.of("templateKey", "at-risk"))
                .post("/api/v1/clients/" + client + "/playbook-runs").then().statusCode(403);
        as(UUID.randomUUID()).get("/api/v1/playbook-runs/" + runId).then().statusCode(404);
    }

    @Test
    void taskNoticesComeDueSoonAndOverdueOncePerDueDateAndFollowAMovedDueDate() {
        UUID tenant = UUID.randomUUID();
        JsonPath run = as(tenant).contentType(ContentType.JSON).body(Map.of("templateKey", "at-risk"))
                .post("/api/v1/clients/" + client(tenant, "A") + "/playbook-runs").then().statusCode(201)
                .extract().jsonPath();
        String runId = run.getString("runId");
        String r2 = run.getString("tasks.find { it.taskKey == 'R2' }.taskId");
        String r3 = run.getString("tasks.find { it.taskKey == 'R3' }.taskId");

        sweepAt(tenant, "2026-06-03T17:00:00Z");
        sweepAt(tenant, "2026-06-03T17:00:00Z");
        List<OutboxRows.Row> r2Notices = notices(tenant, r2);
        assertThat(r2Notices).extracting(row -> row.envelope().at("/data/state").asText())
                .containsExactly("DUE_SOON", "OVERDUE");
        assertThat(r2Notices).allSatisfy(row -> {
            ContractAssertions.assertValid(row);
            assertThat(row.envelope().at("/data/dueAt").asText()).isEqualTo("2026-06-03T17:00:00Z");
            assertThat(row.envelope().at("/data/ownerRole").asText()).isEqualTo("CSM");
            assertThat(row.envelope().at("/data/playbookRunId").asText()).isEqualTo(runId);
        });
        assertThat(notices(tenant, r3)).isEmpty();

        // R3 moved from 06-05 to 06-04T12:00Z: its old notices are void, the new due date is announced at once.
        as(tenant).contentType(ContentType.JSON).body(Map.of("dueAt", "2026-06-04T12:00:00Z"))
                .patch("/api/v1/playbook-runs/" + runId + "/tasks/" + r3).then().statusCode(200);
        sweepAt(tenant, "2026-06-05T17:00:00Z");
        assertThat(notices(tenant, r3)).extracting(row -> row.envelope().at("/data/state").asText() + " "
                + row.envelope().at("/data/dueAt").asText())
                .containsExactly("DUE_SOON 2026-06-04T12:00:00Z", "OVERDUE 2026-06-04T12:00:00Z");
        assertThat(notices(tenant, r2)).hasSize(2);
    }

    private void sweepAt(UUID tenant, String instant) {
        clock.set(Instant.parse(instant));
        sweep.run(tenant).await().atMost(Duration.ofSeconds(30));
    }

    private static List<OutboxRows.Row> notices(UUID tenant, String taskId) {
        return OutboxRows.of("cadence", tenant, EventTypes.PLAYBOOK_TASK_DUE).stream()
                .filter(row -> row.envelope().at("/data/taskId").asText().equals(taskId)).toList();
    }
}
