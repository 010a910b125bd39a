package io.mspcs.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;

/**
 * A tenant made through the operator API, as an MSP is onboarded: its PSA integration key and a CS team member
 * signed in through the dev issuer (roles CSM, VCIO and AM, as one person often holds them).
 */
record Tenant(String id, String apiKey, String userToken, String gatewayUrl) {

    static final List<String> KEY_SCOPES = List.of("clients:read", "clients:write", "signals:write", "health:read",
            "ctas:read", "ctas:write", "roadmap:read", "roadmap:write");

    static Tenant create(PlatformProcesses platform) {
        var created = RestAssured.given().baseUri(platform.gatewayManagementUrl()).contentType(ContentType.JSON)
                .header("X-Operator-Secret", PlatformProcesses.OPERATOR_SECRET)
                .body(Map.of("name", "E2E MSP", "apiKey", Map.of("name", "psa", "scopes", KEY_SCOPES)))
                .post("/platform/v1/tenants").then().statusCode(201).extract();
        String tenantId = created.path("tenantId");
        String token = RestAssured.given().baseUri(platform.gatewayUrl()).contentType(ContentType.JSON)
                .body(Map.of("email", "cs-" + UUID.randomUUID() + "@e2e.example", "tenantId", tenantId,
                        "roles", List.of("CSM", "VCIO", "AM")))
                .post("/dev/token").then().statusCode(200).extract().path("accessToken");
        return new Tenant(tenantId, created.path("apiKey"), token, platform.gatewayUrl());
    }

    /** The PSA integration, by its API key. */
    RequestSpecification api() {
        return RestAssured.given().baseUri(gatewayUrl).header("X-Api-Key", apiKey)
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** The CS team member: manual DMI coverage and CTA work are people's writes (gateway.md §2.1). */
    RequestSpecification user() {
        return RestAssured.given().baseUri(gatewayUrl).header("Authorization", "Bearer " + userToken)
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    String registerClient(String externalId) {
        return registerClient(externalId, "Harbor Dental " + externalId);
    }

    String registerClient(String externalId, String name) {
        return api().body(Map.of("source", "connectwise", "items", List.of(Map.of("externalId", externalId,
                        "name", name, "mrr", Map.of("amount", "4200.00", "currency", "USD"),
                        "fiscalYearEndMonth", 12))))
                .post("/api/v1/clients/bulk").then().statusCode(200).body("items[0].status", equalTo("CREATED"))
                .extract().path("items[0].clientId");
    }
}
