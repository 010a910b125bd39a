package io.mspcs.gateway.rest;

import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(UpstreamStub.class)
class GatewayRoutingComponentTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    private String tenants() {
        return GatewayFixtures.platformUrl(management, "/platform/v1/tenants");
    }

    private GatewayFixtures.Tenant provisionTenant() {
        GatewayFixtures.Tenant tenant = GatewayFixtures.tenantWithKey(management,
                List.of("clients:read", "clients:write", "health:read", "roadmap:read"));
        org.assertj.core.api.Assertions.assertThat(tenant.apiKey()).matches("^csk_test_[0-9A-Za-z]{8}_[0-9A-Za-z]{32}$");
        return tenant;
    }

    @Test
    void refusesARequestWithoutCredentials() {
        given().get("/api/v1/clients").then()
                .statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("X-Api-Key"))
                .body("type", equalTo("/problems/unauthenticated"));
    }

    @Test
    void refusesUnknownAndMalformedKeysAlike() {
        given().header("X-Api-Key", "csk_test_AAAAAAAA_" + "B".repeat(32)).get("/api/v1/clients").then()
                .statusCode(401).body("type", equalTo("/problems/invalid-credentials"));
        given().header("X-Api-Key", "not-a-key").get("/api/v1/clients").then()
                .statusCode(401).body("type", equalTo("/problems/invalid-credentials"));
    }

    @Test
    void refusesTwoCredentialsAtOnce() {
        given().header("X-Api-Key", provisionTenant().apiKey()).header("Authorization", "Bearer x")
                .get("/api/v1/clients").then().statusCode(400).body("type", equalTo("/problems/ambiguous-credentials"));
    }

    @Test
    void refusesTenantCreationWithoutTheOperatorSecret() {
        given().contentType(ContentType.JSON).body(Map.of("name", "X", "apiKey", Map.of("scopes", List.of("clients:read"))))
                .post(tenants()).then().statusCode(401);
    }

    @Test
    void forwardsWithTheKeysTenantAndStripsForgedIdentity() {
        GatewayFixtures.Tenant tenant = provisionTenant();
        ValidatableResponse forwarded = given().header("X-Api-Key", tenant.apiKey())
                .header("X-Tenant-Id", UUID.randomUUID().toString()).header("X-Gateway-Token", "forged")
                .header("X-Correlation-Id", "corr-gateway-test-1")
                .contentType(ContentType.JSON).body("{\"source\":\"connectwise\",\"items\":[]}")
                .post("/api/v1/clients/bulk?dryRun=false").then()
                .statusCode(201).header("X-Upstream", "stub").header("X-Correlation-Id", "corr-gateway-test-1");
        forwarded.body("method", equalTo("POST"))
                .body("uri", equalTo("/api/v1/clients/bulk?dryRun=false"))
                .body("body", equalTo("{\"source\":\"connectwise\",\"items\":[]}"))
                .body("headers.'x-tenant-id'", equalTo(tenant.tenantId()))
                .body("headers.'x-gateway-token'", equalTo(UpstreamStub.GATEWAY_TOKEN))
                .body("headers.'x-principal-type'", equalTo("INTEGRATION"))
                .body("headers.'x-correlation-id'", equalTo("corr-gateway-test-1"))
                .body("headers", not(hasKey("x-api-key")))
                .body("headers", hasKey("x-received-at"));
    }

    @Test
    void routesBySegmentUnderAClientAndRefusesUnknownSegments() {
        GatewayFixtures.Tenant tenant = provisionTenant();
        String client = UUID.randomUUID().toString();
        given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/clients/" + client + "/dmi").then()
                .statusCode(201).body("uri", equalTo("/api/v1/clients/" + client + "/dmi"));
        given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/clients/" + client + "/nothing-here").then()
                .statusCode(404).contentType("application/problem+json").body("type", equalTo("/problems/not-found"));
    }

    @Test
    void answersUnavailableWhenTheServiceCannotBeReached() {
        given().header("X-Api-Key", provisionTenant().apiKey()).get("/api/v1/initiatives/" + UUID.randomUUID()).then()
                .statusCode(503).header("Retry-After", "5").body("type", equalTo("/problems/upstream-unavailable"));
    }

    @Test
    void aServiceThatKeepsRefusingIsCutOffByItsCircuitBreaker() {
        GatewayFixtures.Tenant tenant = provisionTenant();
        String detail = "";
        // roadmap is a closed port: every refused call (and its one GET retry) counts; 20 calls fill the window
        for (int i = 0; i < 25 && !detail.contains("paused"); i++) {
            detail = given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/initiatives/" + UUID.randomUUID()).then()
                    .statusCode(503).header("Retry-After", "5").body("type", equalTo("/problems/upstream-unavailable"))
                    .extract().path("detail");
        }
        org.assertj.core.api.Assertions.assertThat(detail).contains("paused");
        // while the circuit is open the 360 names the roadmap sections unavailable and still answers
        given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/clients/" + UUID.randomUUID() + "/360").then()
                .statusCode(200).body("sections.roadmapHead.status", equalTo("UNAVAILABLE"))
                .body("sections.openProposals.status", equalTo("UNAVAILABLE")).body("partial", equalTo(true));
    }

    @Test
    void answersUpstreamTimeoutWhenTheServiceIsTooSlow() {
        GatewayFixtures.Tenant tenant = provisionTenant();
        String client = UpstreamStub.STALLED_HEALTH_PREFIX + "0000-0000-0000-000000000001";
        given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/clients/" + client + "/health").then()
                .statusCode(504).body("type", equalTo("/problems/upstream-timeout"));
    }

    @Test
    void tellsTheCallerWhoItIs() {
        GatewayFixtures.Tenant tenant = provisionTenant();
        given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/me").then()
                .statusCode(200).body("tenantId", equalTo(tenant.tenantId())).body("type", equalTo("INTEGRATION"));
    }
}
