package io.mspcs.platformtest;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;

/** A REST Assured request as the gateway would forward it for a tenant. */
public final class TenantApi {

    private TenantApi() {
    }

    public static RequestSpecification as(UUID tenantId) {
        return RestAssured.given()
                .header("X-Tenant-Id", tenantId.toString())
                .header("X-Gateway-Token", PlatformTestResource.GATEWAY_TOKEN)
                .header("X-Principal-Id", "component-test")
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }
}
