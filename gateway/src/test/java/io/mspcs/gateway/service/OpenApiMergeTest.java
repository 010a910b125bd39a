package io.mspcs.gateway.service;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiMergeTest {

    private static JsonObject service(String path, String schema) {
        return new JsonObject("""
                {"openapi": "3.0.3", "paths": {"%s": {"get": {"tags": ["Clients"],
                  "parameters": [{"name": "X-Tenant-Id", "in": "header"}, {"name": "X-Gateway-Token", "in": "header"},
                                 {"name": "limit", "in": "query"}],
                  "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/%s"}}}}}}}},
                 "components": {"schemas": {"%s": {"type": "object"}}}}
                """.formatted(path, schema, schema));
    }

    @Test
    void everyOperationIsTaggedWithItsServiceAndSchemasKeepTheirOwner() {
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        documents.put("segmentation", service("/api/v1/clients", "Problem"));
        documents.put("health", service("/api/v1/health-models", "Problem"));

        OpenApiMerge.Merged merged = OpenApiMerge.merge(documents, new JsonObject());

        JsonObject paths = merged.document().getJsonObject("paths");
        JsonObject clients = paths.getJsonObject("/api/v1/clients").getJsonObject("get");
        assertThat(clients.getJsonArray("tags").getList()).containsExactly("segmentation", "Clients");
        assertThat(paths.getJsonObject("/api/v1/health-models").getJsonObject("get").getJsonArray("tags").getList())
                .containsExactly("health", "Clients");
        assertThat(clients.encode()).contains("#/components/schemas/segmentation.Problem");
        assertThat(merged.document().getJsonObject("components").getJsonObject("schemas").fieldNames())
                .containsExactlyInAnyOrder("segmentation.Problem", "health.Problem");
        assertThat(merged.duplicatePaths()).isEmpty();
    }

    @Test
    void headersOnlyTheGatewaySetsAreDropped() {
        OpenApiMerge.Merged merged = OpenApiMerge.merge(Map.of("segmentation", service("/api/v1/clients", "Client")),
                new JsonObject());
        String operation = merged.document().getJsonObject("paths").getJsonObject("/api/v1/clients").encode();
        assertThat(operation).contains("\"limit\"").doesNotContain("X-Tenant-Id").doesNotContain("X-Gateway-Token");
    }

    @Test
    void aPathDeclaredByTwoServicesIsReported() {
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        documents.put("segmentation", service("/api/v1/clients", "Client"));
        documents.put("cadence", service("/api/v1/clients", "Cta"));

        OpenApiMerge.Merged merged = OpenApiMerge.merge(documents, new JsonObject());

        assertThat(merged.duplicatePaths()).containsExactly("/api/v1/clients (segmentation, cadence)");
        assertThat(merged.document().getJsonObject("paths").getJsonObject("/api/v1/clients").getJsonObject("get")
                .getJsonArray("tags").getList()).first().isEqualTo("segmentation");
    }

    @Test
    void theGatewaysOwnPathsAndBothCredentialSchemesAreIncluded() {
        OpenApiMerge.Merged merged = OpenApiMerge.merge(Map.of(), ApiDocumentation.ownPaths());
        assertThat(merged.document().getJsonObject("paths").fieldNames())
                .contains("/api/v1/me", "/api/v1/webhooks/deliveries/{id}/redeliver");
        assertThat(merged.document().getJsonObject("components").getJsonObject("securitySchemes").fieldNames())
                .containsExactlyInAnyOrder("apiKey", "bearer");
    }
}
