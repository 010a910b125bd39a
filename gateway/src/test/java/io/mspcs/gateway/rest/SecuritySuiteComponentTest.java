package io.mspcs.gateway.rest;

import io.mspcs.platformtest.MutableClock;
import io.mspcs.platformtest.PlatformTestResource;
import io.mspcs.platformtest.RowLevelSecurity;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.gateway.rest.GatewayFixtures.asUser;
import static io.mspcs.gateway.rest.GatewayFixtures.claims;
import static io.mspcs.gateway.rest.GatewayFixtures.devToken;
import static io.mspcs.gateway.rest.GatewayFixtures.randomEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The gateway's part of the security test list (gateway.md §11), against stub services; numbers refer to that list. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(UpstreamStub.class)
class SecuritySuiteComponentTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    MutableClock clock;

    @Inject
    IdempotentWrites idempotentWrites;

    private GatewayFixtures.Tenant tenant(String... scopes) {
        return GatewayFixtures.tenantWithKey(management, List.of(scopes));
    }

    private String adminToken(String tenantId) {
        return devToken(tenantId, randomEmail(), "ADMIN");
    }

    private static void problem(io.restassured.response.ValidatableResponse response, int status, String slug) {
        response.statusCode(status).contentType("application/problem+json").body("type", equalTo("/problems/" + slug))
                .body("correlationId", notNullValue());
    }

    // #1, #2

    @Test
    void noCredentialIsUnauthenticatedWithAChallenge() {
        var response = given().get("/api/v1/clients").then().header("WWW-Authenticate", containsString("Bearer"));
        problem(response, 401, "unauthenticated");
    }

    @Test
    void apiKeyAndBearerTogetherAreAmbiguous() {
        var tenant = tenant("clients:read");
        problem(tenant.asKey().header("Authorization", "Bearer " + adminToken(tenant.tenantId())).get("/api/v1/me").then(),
                400, "ambiguous-credentials");
    }

    // #3, #4

    @Test
    void unknownMalformedAndRevokedKeysAreInvalid() {
        var tenant = tenant("clients:read");
        problem(given().header("X-Api-Key", "csk_test_AAAAAAAA_" + "B".repeat(32)).get("/api/v1/me").then(), 401,
                "invalid-credentials");
        problem(given().header("X-Api-Key", "csk_test_short").get("/api/v1/me").then(), 401, "invalid-credentials");
        String admin = adminToken(tenant.tenantId());
        asUser(admin).contentType(ContentType.JSON).body(Map.of("reason", "leaked"))
                .post("/api/v1/admin/api-keys/" + tenant.apiKeyId() + "/revoke").then().statusCode(200)
                .body("status", equalTo("REVOKED")).body("revokeReason", equalTo("leaked")).body("$", not(hasKey("key")));
        problem(tenant.asKey().get("/api/v1/me").then(), 401, "invalid-credentials");
    }

    @Test
    void anExpiredKeyIsInvalid() {
        var tenant = tenant("clients:read");
        String key = asUser(adminToken(tenant.tenantId())).contentType(ContentType.JSON)
                .body(Map.of("name", "short-lived", "scopes", List.of("clients:read"), "expiresInDays", 1))
                .post("/api/v1/admin/api-keys").then().statusCode(201).extract().path("key");
        given().header("X-Api-Key", key).get("/api/v1/me").then().statusCode(200);
        clock.advance(Duration.ofDays(2));
        problem(given().header("X-Api-Key", key).get("/api/v1/me").then(), 401, "invalid-credentials");
    }

    @Test
    void aRotatedKeyWorksDuringItsGraceAndNotAfter() {
        var tenant = tenant("clients:read");
        var rotated = asUser(adminToken(tenant.tenantId())).contentType(ContentType.JSON).body(Map.of("graceHours", 2))
                .post("/api/v1/admin/api-keys/" + tenant.apiKeyId() + "/rotate").then().statusCode(201)
                .body("scopes", equalTo(List.of("clients:read"))).extract();
        String newKey = rotated.path("key");
        tenant.asKey().get("/api/v1/me").then().statusCode(200);
        given().header("X-Api-Key", newKey).get("/api/v1/me").then().statusCode(200);
        clock.advance(Duration.ofHours(3));
        problem(tenant.asKey().get("/api/v1/me").then(), 401, "invalid-credentials");
        given().header("X-Api-Key", newKey).get("/api/v1/me").then().statusCode(200);
    }

    // #5

    @Test
    void brokenBearerTokensAreInvalid() throws Exception {
        var tenant = tenant("clients:read");
        String email = randomEmail();
        devToken(tenant.tenantId(), email, "CSM"); // the user exists: only the token is wrong
        var key = GatewayFixtures.devKey();
        var otherKey = KeyUtils.generateKeyPair(2048).getPrivate();
        List<String> tokens = new ArrayList<>(List.of(
                claims(tenant.tenantId(), email).expiresAt(Instant.now().minusSeconds(300)).sign(key),
                claims(tenant.tenantId(), email).claim("nbf", Instant.now().plusSeconds(600).getEpochSecond()).sign(key),
                claims(tenant.tenantId(), email).sign(otherKey),
                claims(tenant.tenantId(), email).issuer("https://evil.example").sign(key),
                claims(tenant.tenantId(), email).audience("another-api").sign(key),
                claims(tenant.tenantId(), email).jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.HS256)
                        .signWithSecret("a-shared-secret-that-is-long-enough-for-hs256"),
                GatewayFixtures.unsigned(tenant.tenantId(), email),
                claims(UUID.randomUUID().toString(), email).sign(key),
                "not-a-jwt"));
        for (String token : tokens) {
            var response = asUser(token).get("/api/v1/me").then()
                    .header("WWW-Authenticate", containsString("invalid_token"));
            problem(response, 401, "invalid-credentials");
        }
        asUser(claims(tenant.tenantId(), email).sign(key)).get("/api/v1/me").then().statusCode(200);
    }

    // #6

    @Test
    void aValidTokenNeedsAProvisionedActiveUser() {
        var tenant = tenant("clients:read");
        String stranger = Jwt.issuer(GatewayFixtures.DEV_ISSUER).subject(randomEmail()).audience("cs-platform")
                .expiresIn(600).sign(GatewayFixtures.devKey());
        problem(asUser(stranger).get("/api/v1/me").then(), 403, "user-not-provisioned");

        String email = randomEmail();
        String token = devToken(tenant.tenantId(), email, "CSM");
        String userId = asUser(token).get("/api/v1/me").then().statusCode(200)
                .body("roles", equalTo(List.of("CSM"))).body("type", equalTo("USER")).extract().path("principalId");
        asUser(adminToken(tenant.tenantId())).contentType(ContentType.JSON).body(Map.of("active", false))
                .patch("/api/v1/admin/users/" + userId).then().statusCode(200).body("active", equalTo(false));
        problem(asUser(token).get("/api/v1/me").then(), 403, "user-inactive");
    }

    // #7

    @Test
    void aKeyWithoutTheReadScopeHasInsufficientScope() {
        var tenant = tenant("signals:write");
        problem(tenant.asKey().get("/api/v1/clients").then(), 403, "insufficient-scope");
    }

    @Test
    void rolesOutsideThePermissionTableAreForbidden() {
        var tenant = tenant("clients:read");
        String viewer = devToken(tenant.tenantId(), randomEmail(), "VIEWER");
        problem(asUser(viewer).contentType(ContentType.JSON).body(Map.of("name", "x"))
                .post("/api/v1/clients").then(), 403, "forbidden");
        String csm = devToken(tenant.tenantId(), randomEmail(), "CSM");
        problem(asUser(csm).post("/api/v1/health-models/3/publish").then(), 403, "forbidden");
        problem(tenant.asKey().get("/api/v1/admin/users").then(), 403, "forbidden");
        // the same reads are fine, and roles add up
        asUser(viewer).get("/api/v1/clients").then().statusCode(201);
        String amAndCsm = devToken(tenant.tenantId(), randomEmail(), "CSM", "AM");
        asUser(amAndCsm).contentType(ContentType.JSON).body(Map.of("name", "x")).post("/api/v1/clients").then()
                .statusCode(201).body("headers.'x-roles'", equalTo("AM,CSM")).body("headers.'x-principal-type'", equalTo("USER"));
    }

    @Test
    void forwardsRolesForUsersAndScopesForKeys() {
        var tenant = tenant("clients:read", "clients:write");
        tenant.asKey().get("/api/v1/clients").then().statusCode(201)
                .body("headers.'x-scopes'", equalTo("clients:read,clients:write"))
                .body("headers.'x-roles'", equalTo("INTEGRATION"));
    }

    @Test
    void aKeyLimitedToSomeSourcesCannotUploadForAnother() {
        var tenant = tenant("clients:read");
        String key = asUser(adminToken(tenant.tenantId())).contentType(ContentType.JSON)
                .body(Map.of("name", "cw", "scopes", List.of("clients:write"), "allowedSources", List.of("connectwise")))
                .post("/api/v1/admin/api-keys").then().statusCode(201)
                .body("allowedSources", equalTo(List.of("connectwise"))).extract().path("key");
        given().header("X-Api-Key", key).contentType(ContentType.JSON).body(Map.of("source", "autotask", "items", List.of()))
                .post("/api/v1/clients/bulk").then().statusCode(403).body("type", equalTo("/problems/forbidden"));
        given().header("X-Api-Key", key).contentType(ContentType.JSON).body(Map.of("source", "connectwise", "items", List.of()))
                .post("/api/v1/clients/bulk").then().statusCode(201);
    }

    @Test
    void anAdminListsKeysWithoutTheirSecretsAndSeesNoOtherTenantsKey() {
        var tenant = tenant("clients:read");
        var other = tenant("clients:read");
        String admin = adminToken(tenant.tenantId());
        asUser(admin).get("/api/v1/admin/api-keys").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].id", equalTo(tenant.apiKeyId()))
                .body("items[0].display", containsString("…")).body("items[0]", not(hasKey("key")));
        asUser(admin).get("/api/v1/admin/api-keys/" + other.apiKeyId()).then().statusCode(404);
        asUser(admin).post("/api/v1/admin/api-keys/" + other.apiKeyId() + "/revoke").then().statusCode(404);
        other.asKey().get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void aKeysLastUseIsRecordedAtMostOnceAMinute() {
        var tenant = tenant("clients:read");
        String admin = adminToken(tenant.tenantId());
        java.util.function.Supplier<Instant> lastUsed = () -> Instant.parse(asUser(admin)
                .get("/api/v1/admin/api-keys/" + tenant.apiKeyId()).then().statusCode(200).extract().path("lastUsedAt"));
        Instant first = clock.instant();
        tenant.asKey().get("/api/v1/me").then().statusCode(200);
        // the database keeps microseconds
        assertThat(lastUsed.get()).isCloseTo(first, within(1, ChronoUnit.MILLIS));

        clock.advance(Duration.ofSeconds(30));
        tenant.asKey().get("/api/v1/me").then().statusCode(200);
        assertThat(lastUsed.get()).isCloseTo(first, within(1, ChronoUnit.MILLIS));

        clock.advance(Duration.ofSeconds(31));
        tenant.asKey().get("/api/v1/me").then().statusCode(200);
        assertThat(lastUsed.get()).isCloseTo(clock.instant(), within(1, ChronoUnit.MILLIS));
    }

    // #9

    @Test
    void aTenantInHeaderOrBodyNeverSelectsTheTenant() {
        var tenant = tenant("clients:write");
        String other = UUID.randomUUID().toString();
        tenant.asKey().header("X-Tenant-Id", other).header("X-Roles", "ADMIN").contentType(ContentType.JSON)
                .body(Map.of("tenantId", other, "name", "x")).post("/api/v1/clients").then().statusCode(201)
                .body("headers.'x-tenant-id'", equalTo(tenant.tenantId()))
                .body("headers.'x-roles'", equalTo("INTEGRATION"));
    }

    // #13

    @Test
    void rowLevelSecurityHidesEveryTenantRowFromAQueryThatNamesNoTenant() {
        String tenant = tenantWithGatewayRows();
        tenantWithGatewayRows(); // another tenant's rows, which the first must not see
        // api_key, app_user, idempotency_record, webhook_subscription, integration_connection
        RowLevelSecurity.assertTenantTablesIsolated("gateway", UUID.fromString(tenant), 5);
    }

    /** A tenant with a row in five gateway tables, each written through the API; its id. */
    private String tenantWithGatewayRows() {
        var tenant = tenant("clients:write", "webhooks:manage");
        String admin = adminToken(tenant.tenantId());
        tenant.asKey().header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body("{\"name\":\"a\"}").post("/api/v1/clients").then().statusCode(201);
        tenant.asKey().contentType(ContentType.JSON)
                .body(Map.of("url", "https://93.184.216.34/cs-hooks", "types", List.of("health.*")))
                .post("/api/v1/webhooks/subscriptions").then().statusCode(201);
        asUser(admin).contentType(ContentType.JSON).body(Map.of("source", "generic", "name", "HaloPSA"))
                .post("/api/v1/admin/integrations").then().statusCode(201);
        return tenant.tenantId();
    }

    // #14, #15

    @Test
    void oversizedBodiesAndTooManyBulkItemsAreRefused() {
        var tenant = tenant("clients:write");
        String big = "{\"name\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}";
        problem(tenant.asKey().contentType(ContentType.JSON).body(big).post("/api/v1/clients").then(), 413,
                "payload-too-large");
        StringBuilder items = new StringBuilder("{\"source\":\"connectwise\",\"items\":[");
        for (int i = 0; i < 5001; i++) {
            items.append(i == 0 ? "" : ",").append("{}");
        }
        problem(tenant.asKey().contentType(ContentType.JSON).body(items + "]}").post("/api/v1/clients/bulk").then(), 400,
                "bulk-limit-exceeded");
    }

    @Test
    void malformedDeeplyNestedOrNonJsonBodiesAreRefused() {
        var tenant = tenant("clients:write");
        problem(tenant.asKey().contentType(ContentType.JSON).body("{\"name\": ").post("/api/v1/clients").then(), 400,
                "malformed-json");
        String deep = "[".repeat(33) + "]".repeat(33);
        problem(tenant.asKey().contentType(ContentType.JSON).body("{\"a\":" + deep + "}").post("/api/v1/clients").then(),
                400, "malformed-json");
        tenant.asKey().contentType(ContentType.JSON).body("{\"a\":" + "[".repeat(30) + "]".repeat(30) + "}")
                .post("/api/v1/clients").then().statusCode(201);
        problem(tenant.asKey().contentType(ContentType.TEXT).body("name=x").post("/api/v1/clients").then(), 415,
                "unsupported-media-type");
    }

    // #16, #18

    @Test
    void nonUuidIdsInPathsAreInvalid() {
        var tenant = tenant("clients:read");
        problem(tenant.asKey().get("/api/v1/clients/abc").then(), 400, "validation-failed");
        given().urlEncodingEnabled(false).header("X-Api-Key", tenant.apiKey()).get("/api/v1/clients/..%2F..").then()
                .statusCode(400).body("type", equalTo("/problems/validation-failed"));
    }

    @Test
    void aNulCharacterIsRefusedNamingTheField() {
        var tenant = tenant("clients:write");
        tenant.asKey().contentType(ContentType.JSON).body("{\"contacts\":[{\"name\":\"a\\u0000b\"}]}")
                .post("/api/v1/clients").then().statusCode(400).body("type", equalTo("/problems/validation-failed"))
                .body("errors[0].field", equalTo("contacts[0].name"));
    }

    @Test
    void injectionStringsPassVerbatim() {
        var tenant = tenant("clients:write");
        String body = "{\"name\":\"' OR 1=1 -- <script>alert(1)</script> {{7*7}} ${jndi:ldap://x/a} ../../etc/passwd \u202E\"}";
        tenant.asKey().contentType("application/json; charset=UTF-8").body(body).post("/api/v1/clients").then()
                .statusCode(201).body("body", equalTo(body));
    }

    @Test
    void eachInjectionStringRoundTripsVerbatimInEveryTextFieldAndQuery() {
        var tenant = tenant("clients:read", "clients:write");
        String client = UUID.randomUUID().toString();
        for (String attack : INJECTIONS) {
            String body = new io.vertx.core.json.JsonObject().put("name", attack).put("notes", attack)
                    .put("contacts", new io.vertx.core.json.JsonArray().add(new io.vertx.core.json.JsonObject()
                            .put("name", attack).put("title", attack).put("email", attack))).encode();
            for (String method : List.of("POST", "PATCH")) {
                String path = method.equals("POST") ? "/api/v1/clients" : "/api/v1/clients/" + client;
                tenant.asKey().contentType("application/json; charset=UTF-8").body(body).request(method, path).then()
                        .statusCode(201).contentType("application/json").body("body", equalTo(body))
                        .body("method", equalTo(method));
            }
            String uri = tenant.asKey().queryParam("q", attack).get("/api/v1/clients").then().statusCode(201)
                    .extract().path("uri");
            assertThat(java.net.URLDecoder.decode(uri.substring(uri.indexOf("q=") + 2), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(attack);
        }
    }

    static final List<String> INJECTIONS = List.of("' OR 1=1 --", "<script>alert(1)</script>", "{{7*7}}",
            "${jndi:ldap://x/a}", "../../etc/passwd", "\u202E");

    // #19

    @Test
    void aCorrelationIdThatIsNotAnIdIsReplaced() {
        var tenant = tenant("clients:read");
        String answered = tenant.asKey().header("X-Correlation-Id", "abc%0d%0aSet-Cookie:x").get("/api/v1/me").then()
                .statusCode(200).extract().header("X-Correlation-Id");
        assertThat(answered).matches("^[0-9a-f-]{36}$");
    }

    // #20

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() {
        var tenant = tenant("clients:write");
        String key = UUID.randomUUID().toString();
        var first = tenant.asKey().header("Idempotency-Key", key).contentType(ContentType.JSON).body("{\"name\":\"a\"}")
                .post("/api/v1/clients").then().statusCode(201).extract();
        var replay = tenant.asKey().header("Idempotency-Key", key).contentType(ContentType.JSON).body("{\"name\":\"a\"}")
                .post("/api/v1/clients").then().statusCode(201).header("Idempotent-Replayed", "true").extract();
        assertThat(replay.body().asString()).isEqualTo(first.body().asString()); // the stub counts calls: not called again
        problem(tenant.asKey().header("Idempotency-Key", key).contentType(ContentType.JSON).body("{\"name\":\"b\"}")
                .post("/api/v1/clients").then(), 409, "idempotency-key-reused");
        // keys are per tenant
        tenant("clients:write").asKey().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"name\":\"b\"}").post("/api/v1/clients").then().statusCode(201);
    }

    @Test
    void theHourlyPurgeForgetsIdempotencyRecordsAfterTwentyFourHours() {
        var tenant = tenant("clients:write");
        String key = UUID.randomUUID().toString();
        tenant.asKey().header("Idempotency-Key", key).contentType(ContentType.JSON).body("{\"name\":\"a\"}")
                .post("/api/v1/clients").then().statusCode(201);
        clock.advance(Duration.ofHours(25));

        assertThat(idempotentWrites.purgeExpired().await().atMost(Duration.ofSeconds(10))).isPositive();
        tenant.asKey().header("Idempotency-Key", key).contentType(ContentType.JSON).body("{\"name\":\"b\"}")
                .post("/api/v1/clients").then().statusCode(201).header("Idempotent-Replayed", nullValue());
    }

    // #21

    @Test
    void anExhaustedBucketAnswersRateLimited() {
        var tenant = tenant("clients:read");
        String token = devToken(tenant.tenantId(), randomEmail(), "VIEWER");
        asUser(token).get("/api/v1/me").then().statusCode(200).header("RateLimit-Limit", "60")
                .header("RateLimit-Remaining", "59");
        for (int i = 1; i < 60; i++) {
            asUser(token).get("/api/v1/me").then().statusCode(200);
        }
        var limited = asUser(token).get("/api/v1/me").then();
        problem(limited, 429, "rate-limited");
        assertThat(Integer.parseInt(limited.extract().header("Retry-After"))).isGreaterThanOrEqualTo(1);
    }

    // #22

    @Test
    void aPreflightFromAnUnlistedOriginIsRefused() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/clients").then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/clients").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173");
    }

    // #23

    @Test
    void webhookUrlsMustBeHttpsToPublicHosts() {
        var tenant = tenant("webhooks:manage");
        for (String url : List.of("http://hooks.example.com/cs", "https://127.0.0.1/cs", "https://169.254.169.254/latest",
                "https://10.0.0.5/cs", "https://localhost/cs")) {
            tenant.asKey().contentType(ContentType.JSON).body(Map.of("url", url, "types", List.of("health.*")))
                    .post("/api/v1/webhooks/subscriptions").then().statusCode(400)
                    .body("type", equalTo("/problems/validation-failed")).body("errors[0].field", equalTo("url"));
        }
        tenant.asKey().get("/api/v1/webhooks/subscriptions").then().statusCode(200).body("items.size()", equalTo(0));
        problem(tenant("clients:read").asKey().get("/api/v1/webhooks/subscriptions").then(), 403, "insufficient-scope");
    }

    @Test
    void aSubscriptionShowsItsSecretOnceAndBelongsToItsTenant() {
        var tenant = tenant("webhooks:manage");
        var created = tenant.asKey().contentType(ContentType.JSON)
                .body(Map.of("url", "https://93.184.216.34/cs-hooks", "types", List.of("health.*", "cadence.CtaOpened.v1")))
                .post("/api/v1/webhooks/subscriptions").then().statusCode(201)
                .body("status", equalTo("ACTIVE")).extract();
        assertThat((String) created.path("secret")).matches("^whsec_[A-Za-z0-9+/]{43}=$");
        String id = created.path("id");
        tenant.asKey().get("/api/v1/webhooks/subscriptions/" + id).then().statusCode(200)
                .body("types", equalTo(List.of("health.*", "cadence.CtaOpened.v1"))).body("$", not(hasKey("secret")));
        var other = tenant("webhooks:manage");
        other.asKey().get("/api/v1/webhooks/subscriptions/" + id).then().statusCode(404);
        other.asKey().delete("/api/v1/webhooks/subscriptions/" + id).then().statusCode(404);
        tenant.asKey().delete("/api/v1/webhooks/subscriptions/" + id).then().statusCode(204);
        tenant.asKey().get("/api/v1/webhooks/subscriptions/" + id).then().statusCode(404);
    }

    // #26

    @Test
    void aServerErrorCarriesNoInternalsButACorrelationId() {
        var tenant = tenant("roadmap:read");
        String body = tenant.asKey().get("/api/v1/initiatives/" + UUID.randomUUID()).then().statusCode(503)
                .body("correlationId", notNullValue()).extract().body().asString();
        assertThat(body).doesNotContain("Exception").doesNotContain("at io.").doesNotContain("select ");
    }
}
