package io.mspcs.roadmap.rest;

import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.platformtest.TenantApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** README §4 / roadmap.md §9: lists answer {items, nextCursor}, ?limit= 1–500, an opaque cursor. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "roadmap"))
class ListPagingComponentTest {

    private final UUID tenant = UUID.randomUUID();

    @Test
    void templatesComeInTwoPagesWithoutOverlapAndTheLastPageHasNoCursor() {
        publish("Network review");
        publish("Backup review");
        publish("Network review");

        JsonPath first = page("/api/v1/assessments/templates?limit=2");
        assertThat(first.getList("items.name")).containsExactly("Backup review", "Network review");
        assertThat(first.getList("items.templateVersion", Integer.class)).containsExactly(1, 1);
        String cursor = first.getString("nextCursor");
        assertThat(cursor).isNotBlank();

        JsonPath second = page("/api/v1/assessments/templates?limit=2&cursor=" + cursor);
        assertThat(second.getList("items.name")).containsExactly("Network review");
        assertThat(second.getList("items.templateVersion", Integer.class)).containsExactly(2);
        assertThat(second.getString("nextCursor")).isNull();

        List<String> ids = new ArrayList<>(first.getList("items.id"));
        ids.addAll(second.getList("items.id"));
        assertThat(ids).doesNotHaveDuplicates().hasSize(3);
        assertThat(page("/api/v1/assessments/templates").getList("items.id")).containsExactlyElementsOf(ids);
    }

    @Test
    void aLimitOutsideOneTo500OrAForeignCursorIsAValidationProblem() {
        UUID client = UUID.randomUUID();
        invalid("/api/v1/proposals?limit=0", "limit");
        invalid("/api/v1/proposals?limit=501", "limit");
        invalid("/api/v1/proposals?cursor=not-a-cursor", "cursor");
        invalid("/api/v1/clients/" + client + "/proposals?cursor=" + UUID.randomUUID(), "cursor");
        invalid("/api/v1/clients/" + client + "/assessments?limit=0", "limit");
        invalid("/api/v1/clients/" + client + "/budgets?limit=501", "limit");
        invalid("/api/v1/clients/" + client + "/roadmap/versions?cursor=%25%25", "cursor");
        invalid("/api/v1/assessments/templates?limit=-3", "limit");
        as(tenant).get("/api/v1/proposals?limit=500").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    private void publish(String name) {
        var item = Map.of("code", "H1", "text", "Item H1", "priority", "HIGH");
        as(tenant).body(Map.of("name", name, "type", "RISK_TARGETED",
                        "categories", List.of(Map.of("code", "SEC", "name", "Security", "items", List.of(item)))))
                .post("/api/v1/assessments/templates").then().statusCode(201);
    }

    private JsonPath page(String path) {
        return as(tenant).get(path).then().statusCode(200).extract().jsonPath();
    }

    private void invalid(String path, String field) {
        as(tenant).urlEncodingEnabled(false).get(path).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors[0].field", equalTo(field));
    }
}
