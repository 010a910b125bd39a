package io.mspcs.platformtest;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;

/** A REST Assured request as the gateway would forward it for a tenant's user. */
public final class TenantApi {

    /** Together these two roles may do every write of gateway.md §2.1, so tests of behaviour are not about roles. */
    private static final String[] EVERY_WRITE = {"ADMIN", "CS_LEADER"};

    private TenantApi() {
    }

    public static RequestSpecification as(UUID tenantId) {
        return as(tenantId, EVERY_WRITE);
    }

    /** A user holding exactly these roles (or, for an integration key, these scopes), to test role checks. */
    public static RequestSpecification as(UUID tenantId, String... rolesOrScopes) {
        return RestAssured.given()
                .header("X-Tenant-Id", tenantId.toString())
                .header("X-Gateway-Token", PlatformTestResource.GATEWAY_TOKEN)
                .header("X-Principal-Id", "component-test")
                .header("X-Roles", String.join(",", rolesOrScopes))
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }
}
