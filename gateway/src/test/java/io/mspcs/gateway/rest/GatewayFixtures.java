package io.mspcs.gateway.rest;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Tenants, keys and tokens for the gateway's component tests; every test makes its own tenant. */
final class GatewayFixtures {

    static final String OPERATOR_SECRET = "test-operator-secret";
    static final String DEV_ISSUER = "cs-dev-issuer";
    static final List<String> ALL_READ_SCOPES = List.of("clients:read", "health:read", "ctas:read", "roadmap:read",
            "events:read");

    private GatewayFixtures() {
    }

    record Tenant(String tenantId, String apiKey, String apiKeyId) {
        RequestSpecification asKey() {
            return given().header("X-Api-Key", apiKey);
        }
    }

    static String platformUrl(URL management, String path) {
        // the injected URL carries the management root path (/q); the platform API sits beside it
        return "http://" + management.getHost() + ":" + management.getPort() + path;
    }

    static Tenant tenantWithKey(URL management, List<String> scopes) {
        var created = given().contentType(ContentType.JSON).header("X-Operator-Secret", OPERATOR_SECRET)
                .body(Map.of("name", "Demo MSP", "apiKey", Map.of("name", "psa", "scopes", scopes)))
                .post(platformUrl(management, "/platform/v1/tenants")).then().statusCode(201).extract();
        return new Tenant(created.path("tenantId"), created.path("apiKey"), created.path("apiKeyId"));
    }

    /** A token from the dev issuer; also provisions the user with these roles. */
    static String devToken(String tenantId, String email, String... roles) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "tenantId", tenantId, "roles", List.of(roles)))
                .post("/dev/token").then().statusCode(200).extract().path("accessToken");
    }

    static String randomEmail() {
        return "user-" + UUID.randomUUID() + "@example.test";
    }

    static RequestSpecification asUser(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    static PrivateKey devKey() {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(Path.of("../deploy/local/dev-jwt/privateKey.pem")));
        } catch (Exception e) {
            throw new IllegalStateException("dev key not readable", e);
        }
    }

    /** Claims as the dev issuer would set them, for tests that then break one thing. */
    static JwtClaimsBuilder claims(String tenantId, String email) {
        return Jwt.issuer(DEV_ISSUER).subject(email).audience("cs-platform").claim("tid", tenantId)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600));
    }

    static String unsigned(String tenantId, String email) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long exp = Instant.now().plusSeconds(600).getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        String payload = b64.encodeToString(("{\"iss\":\"" + DEV_ISSUER + "\",\"sub\":\"" + email
                + "\",\"aud\":\"cs-platform\",\"tid\":\"" + tenantId + "\",\"exp\":" + exp + "}").getBytes());
        return header + "." + payload + ".";
    }
}
