package io.mspcs.gateway.rest;

import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** The aggregated OpenAPI document and Swagger UI (gateway.md §8); the stub services publish no document. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(UpstreamStub.class)
class ApiDocsComponentTest {

    @Test
    void theOpenApiDocumentIsServedWithTheGatewaysOwnEndpointsAndBothCredentials() {
        given().get("/api/v1/openapi.json").then().statusCode(200).contentType("application/json")
                .body("openapi", equalTo("3.0.3"))
                .body("paths.'/api/v1/webhooks/deliveries'.get.tags", hasItem("gateway"))
                .body("components.securitySchemes.apiKey.name", equalTo("X-Api-Key"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }

    @Test
    void swaggerUiLoadsTheAggregatedDocument() {
        given().get("/api/v1/docs").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("/api/v1/openapi.json"));
        given().get("/q/swagger-ui/swagger-ui-bundle.js").then().statusCode(200).body(notNullValue());
    }
}
