package io.mspcs.gateway.rest;

import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.UUID;

import static io.mspcs.gateway.rest.GatewayFixtures.asUser;
import static io.mspcs.gateway.rest.GatewayFixtures.devToken;
import static io.mspcs.gateway.rest.GatewayFixtures.randomEmail;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Client 360 (gateway.md §4) against stub services; roadmap-service is stopped (a closed port). */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(UpstreamStub.class)
class Client360ComponentTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void aStoppedServiceLeavesItsSectionsNullAndNamesThem() {
        var tenant = GatewayFixtures.tenantWithKey(management, List.of("clients:read"));
        String token = devToken(tenant.tenantId(), randomEmail(), "CSM");
        String client = UUID.randomUUID().toString();
        asUser(token).get("/api/v1/clients/" + client + "/360").then().statusCode(200)
                .body("client.uri", equalTo("/api/v1/clients/" + client))
                .body("client.headers.'x-tenant-id'", equalTo(tenant.tenantId()))
                .body("segment.uri", equalTo("/api/v1/clients/" + client + "/segment"))
                .body("health.uri", equalTo("/api/v1/clients/" + client + "/health"))
                .body("openCtas", equalTo(List.of())).body("nextMeetings", equalTo(List.of()))
                .body("roadmapHead", nullValue()).body("openProposals", nullValue())
                .body("partial", equalTo(true))
                .body("sections.client.status", equalTo("OK")).body("sections.health.status", equalTo("OK"))
                .body("sections.openCtas.status", equalTo("OK"))
                .body("sections.roadmapHead.status", equalTo("UNAVAILABLE"))
                .body("sections.openProposals.status", equalTo("UNAVAILABLE"))
                .body("generatedAt", notNullValue());
    }

    @Test
    void aSlowServiceTimesOutWithinTheBudget() {
        var tenant = GatewayFixtures.tenantWithKey(management, List.of("clients:read"));
        String token = devToken(tenant.tenantId(), randomEmail(), "VIEWER");
        String client = UpstreamStub.SLOW_HEALTH_PREFIX + "0000-0000-0000-000000000001";
        // the budget is the gateway's, not a cold JVM's: one ordinary 360 first, so the timing measures the wait
        asUser(token).get("/api/v1/clients/" + UUID.randomUUID() + "/360").then().statusCode(200);
        long started = System.nanoTime();
        asUser(token).get("/api/v1/clients/" + client + "/360").then().statusCode(200)
                .body("health", nullValue()).body("sections.health.status", equalTo("TIMEOUT"))
                .body("sections.segment.status", equalTo("OK")).body("partial", equalTo(true));
        org.assertj.core.api.Assertions.assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1_500);
    }

    @Test
    void aKeySeesOnlyTheSectionsItsScopesAllow() {
        var tenant = GatewayFixtures.tenantWithKey(management, List.of("clients:read", "ctas:read"));
        tenant.asKey().get("/api/v1/clients/" + UUID.randomUUID() + "/360").then().statusCode(200)
                .body("sections.health.status", equalTo("FORBIDDEN")).body("health", nullValue())
                .body("sections.openCtas.status", equalTo("OK"));
    }

    @Test
    void anUnknownClientIsNotFound() {
        var tenant = GatewayFixtures.tenantWithKey(management, List.of("clients:read"));
        tenant.asKey().get("/api/v1/clients/" + UpstreamStub.UNKNOWN_CLIENT + "/360").then().statusCode(404)
                .body("type", equalTo("/problems/client-not-found"));
    }

    @Test
    void aKeyWithoutClientsReadCannotAskForIt() {
        var tenant = GatewayFixtures.tenantWithKey(management, List.of("health:read"));
        tenant.asKey().get("/api/v1/clients/" + UUID.randomUUID() + "/360").then().statusCode(403)
                .body("type", equalTo("/problems/insufficient-scope"));
    }
}
