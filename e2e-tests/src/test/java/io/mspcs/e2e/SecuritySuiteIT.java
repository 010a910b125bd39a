package io.mspcs.e2e;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/**
 * The cross-service cases of the security suite (gateway.md §11 #8, #10, #12, #17), through the real gateway and
 * services: tenant B owns a client, a CTA and a proposal; tenant A tries to reach them by id and looks for them in
 * its own lists and client 360.
 */
@ExtendWith(RunningPlatform.class)
class SecuritySuiteIT {

    private static final Duration CHAIN = Duration.ofSeconds(30);
    private static final List<String> HOSTILE_TEXTS = List.of("' OR 1=1 --", "<script>alert(1)</script>", "{{7*7}}",
            "${jndi:ldap://x/a}", "../../etc/passwd", "invoice\u202Etxt.exe");

    private static Tenant attacker;
    private static Tenant victim;
    private static Owned victims;
    private static Owned attackers;

    /** What a tenant owns in three services. */
    private record Owned(String clientId, String ctaId, String proposalId) {
        List<String> ids() {
            return List.of(clientId, ctaId, proposalId);
        }
    }

    @BeforeAll
    static void twoTenantsWithData() {
        attacker = Tenant.create(RunningPlatform.platform());
        victim = Tenant.create(RunningPlatform.platform());
        attackers = ownSomething(attacker, "A-100");
        victims = ownSomething(victim, "B-100");
    }

    @Test
    void anotherTenantsClientCtaAndProposalAnswer404ToReadsAndWritesAndStayUnchanged() {
        expectNotFound(attacker.api().get("/api/v1/clients/" + victims.clientId()), "client-not-found");
        expectNotFound(attacker.api().body(Map.of("name", "Taken over"))
                .patch("/api/v1/clients/" + victims.clientId()), "client-not-found");
        expectNotFound(attacker.api().get("/api/v1/clients/" + victims.clientId() + "/360"), "not-found");

        expectNotFound(attacker.user().get("/api/v1/ctas/" + victims.ctaId()), "not-found");
        expectNotFound(attacker.user().body(Map.of("title", "Taken over"))
                .patch("/api/v1/ctas/" + victims.ctaId()), "not-found");
        expectNotFound(attacker.user().body(Map.of("closeStatus", "DONE", "text", "closing yours"))
                .post("/api/v1/ctas/" + victims.ctaId() + "/close"), "not-found");

        expectNotFound(attacker.api().get("/api/v1/proposals/" + victims.proposalId()), "not-found");
        expectNotFound(attacker.api().body(Map.of("channel", "PORTAL"))
                .post("/api/v1/proposals/" + victims.proposalId() + "/send"), "not-found");
        expectNotFound(attacker.api().body(Map.of("reasonCode", "PRICE"))
                .post("/api/v1/proposals/" + victims.proposalId() + "/decline"), "not-found");

        victim.api().get("/api/v1/clients/" + victims.clientId()).then().statusCode(200)
                .body("name", equalTo("Harbor Dental B-100"));
        victim.user().get("/api/v1/ctas/" + victims.ctaId()).then().statusCode(200)
                .body("title", equalTo("Quarterly review for B-100")).body("status", equalTo("OPEN"));
        victim.api().get("/api/v1/proposals/" + victims.proposalId()).then().statusCode(200)
                .body("status", equalTo("DRAFT"));
    }

    @Test
    void listsAndClient360OfOneTenantHoldNoRowOfAnother() {
        for (String path : List.of("/api/v1/clients?limit=500", "/api/v1/ctas?limit=500", "/api/v1/proposals?limit=500",
                "/api/v1/health/portfolio?limit=500", "/api/v1/clients/" + attackers.clientId() + "/360")) {
            String body = attacker.user().get(path).then().statusCode(200).extract().asString();
            assertThat(body).as(path).doesNotContain(victim.id());
            for (String id : victims.ids()) {
                assertThat(body).as(path).doesNotContain(id);
            }
        }
        // The lists are not empty by accident: the attacker's own rows are there.
        assertThat(attacker.user().get("/api/v1/clients?limit=500").asString()).contains(attackers.clientId());
        assertThat(attacker.user().get("/api/v1/ctas?limit=500").asString()).contains(attackers.ctaId());
        assertThat(attacker.user().get("/api/v1/proposals?limit=500").asString()).contains(attackers.proposalId());
    }

    @Test
    void servicesRefuseCallsThatDoNotComeThroughTheGateway() {
        for (String service : PlatformProcesses.SERVICES) {
            String url = RunningPlatform.platform().serviceUrl(service);
            RestAssured.given().baseUri(url).header("X-Tenant-Id", victim.id()).header("X-Roles", "ADMIN")
                    .get("/api/v1/clients/" + victims.clientId()).then().statusCode(401);
            RestAssured.given().baseUri(url).header("X-Tenant-Id", victim.id()).header("X-Roles", "ADMIN")
                    .header("X-Gateway-Token", "guessed").get("/api/v1/clients/" + victims.clientId()).then()
                    .statusCode(401);
        }
    }

    @Test
    void hostileTextIsStoredAndReturnedVerbatimInEveryService() {
        Tenant tenant = Tenant.create(RunningPlatform.platform());
        for (int i = 0; i < HOSTILE_TEXTS.size(); i++) {
            String text = HOSTILE_TEXTS.get(i);
            String clientId = tenant.registerClient("X-" + i, text);
            tenant.api().get("/api/v1/clients/" + clientId).then().statusCode(200).body("name", equalTo(text));

            String ctaId = manualCta(tenant, clientId, text);
            tenant.user().get("/api/v1/ctas/" + ctaId).then().statusCode(200).body("title", equalTo(text));

            String initiativeId = initiative(tenant, clientId, text);
            tenant.api().get("/api/v1/initiatives/" + initiativeId).then().statusCode(200)
                    .body("title", equalTo(text)).body("summary", equalTo(text));
        }
    }

    private static void expectNotFound(Response response, String slugSuffix) {
        response.then().statusCode(404).contentType("application/problem+json").body("type", endsWith(slugSuffix));
    }

    private static Owned ownSomething(Tenant tenant, String externalId) {
        String clientId = tenant.registerClient(externalId);
        String ctaId = manualCta(tenant, clientId, "Quarterly review for " + externalId);
        String initiativeId = initiative(tenant, clientId, "Conditional access for " + externalId);
        tenant.user().body(Map.of("to", "INTERNAL_REVIEW")).post("/api/v1/initiatives/" + initiativeId + "/transitions")
                .then().statusCode(200);
        tenant.user().body(Map.of("clientOwner", "Ops Director", "targetQuarter", "2027-Q2",
                        "budgetBand", Map.of("low", usd("1000.00"), "high", usd("20000.00"))))
                .put("/api/v1/initiatives/" + initiativeId + "/pre-approval").then().statusCode(200);
        String proposalId = tenant.api().body(Map.of("title", "Proposal for " + externalId,
                        "initiativeIds", List.of(initiativeId)))
                .post("/api/v1/clients/" + clientId + "/proposals").then().statusCode(201).extract().path("id");
        return new Owned(clientId, ctaId, proposalId);
    }

    /** Cadence learns the client from ClientRegistered; until then the client is unknown there (404). */
    private static String manualCta(Tenant tenant, String clientId, String title) {
        Map<String, Object> body = Map.of("kind", "EXPANSION", "title", title, "priority", "LOW", "ownerRole", "AM",
                "dueAt", Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        return createOnceKnown(() -> tenant.user().body(body).post("/api/v1/clients/" + clientId + "/ctas"), "ctaId");
    }

    private static String initiative(Tenant tenant, String clientId, String text) {
        Map<String, Object> body = Map.of("title", text, "summary", text, "lane", "GROWTH", "origin", "MANUAL",
                "quarter", "2027-Q2", "estimate", Map.of("oneTime", usd("2400.00"), "spendType", "OPEX"));
        return createOnceKnown(() -> tenant.user().body(body).post("/api/v1/clients/" + clientId + "/initiatives"), "id");
    }

    private static String createOnceKnown(java.util.function.Supplier<Response> create, String idField) {
        Response[] created = new Response[1];
        await().atMost(CHAIN).until(() -> (created[0] = create.get()).statusCode() != 404);
        created[0].then().statusCode(201);
        return created[0].path(idField);
    }

    private static Map<String, String> usd(String amount) {
        return Map.of("amount", amount, "currency", "USD");
    }
}
