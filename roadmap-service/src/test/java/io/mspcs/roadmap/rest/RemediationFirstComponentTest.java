package io.mspcs.roadmap.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.EventTypes;
import io.mspcs.platformtest.ContractAssertions;
import io.mspcs.platformtest.EventPublisher;
import io.mspcs.platformtest.MutableClock;
import io.mspcs.platformtest.OutboxRows;
import io.mspcs.platformtest.PlatformTestResource;
import io.mspcs.roadmap.rest.InboundEvents.Gap;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.platformtest.TenantApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "roadmap"))
class RemediationFirstComponentTest {

    private static final Instant NOW = Instant.parse("2026-11-20T14:05:00Z"); // FY end 12: 2026-Q4
    private static final Instant DROP_TIME = Instant.parse("2026-11-20T14:03:12.481Z");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Gap MFA = new Gap("MFA", 0.58, 0.9);
    private static final Gap EDR = new Gap("EDR", 0.7, 0.95);

    private static EventPublisher publisher;

    @Inject
    MutableClock clock;

    private final UUID tenant = UUID.randomUUID();
    private final UUID client = UUID.randomUUID();

    @BeforeAll
    static void openPublisher() {
        publisher = EventPublisher.forSharedInfra();
    }

    @AfterAll
    static void closePublisher() {
        publisher.close();
    }

    @BeforeEach
    void setClock() {
        clock.set(NOW);
    }

    @Test
    void dmiDropWithTwoGapsCreatesTwoRemediationInitiativesAtTheHeadWithValidEvents() {
        UUID dropId = UUID.randomUUID();
        publisher.publish(InboundEvents.dmiDropped(dropId, tenant, client, DROP_TIME, "corr-drop", MFA, EDR));

        List<OutboxRows.Row> rows = awaitRows(3);
        rows.forEach(ContractAssertions::assertValid);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.causationId()).isEqualTo(dropId);
            assertThat(row.correlationId()).isEqualTo("corr-drop");
            assertThat(row.partitionKey()).isEqualTo(tenant + ":" + client);
        });
        List<JsonNode> created = data(EventTypes.INITIATIVE_CREATED);
        assertThat(created).extracting(d -> d.get("title").asText()).containsExactlyInAnyOrder(
                "Remediate MFA coverage (58% → 90%)", "Remediate EDR coverage (70% → 95%)");
        JsonNode mfa = created.stream().filter(d -> d.at("/healthLinks/0/insightCode").asText().equals("MFA")).findFirst()
                .orElseThrow();
        assertThat(mfa.get("state").asText()).isEqualTo("DRAFT");
        assertThat(mfa.get("lane").asText()).isEqualTo("STABILITY");
        assertThat(mfa.get("quarter").asText()).isEqualTo("2026-Q4");
        assertThat(mfa.get("position").asInt()).isEqualTo(1);
        assertThat(mfa.get("origin").asText()).isEqualTo("DMI_DROP");
        assertThat(mfa.get("stabilityWork").asBoolean()).isTrue();
        assertThat(mfa.get("tier").asInt()).isEqualTo(1);
        assertThat(mfa.get("priority").asText()).isEqualTo("HIGH");
        assertThat(mfa.at("/healthLinks/0/dimension").asText()).isEqualTo("ADOPTION");

        JsonNode resequenced = data(EventTypes.ROADMAP_RESEQUENCED).get(0);
        assertThat(resequenced.get("version").asInt()).isEqualTo(1);
        assertThat(resequenced.get("reason").asText()).isEqualTo("REMEDIATION_FIRST");
        assertThat(resequenced.get("moves")).isEmpty();
        assertThat(resequenced.get("proposalsBlocked").asBoolean()).isFalse();
        assertThat(resequenced.at("/head/0/initiativeId").asText()).isEqualTo(mfa.get("initiativeId").asText());
        assertThat(resequenced.at("/head/1/position").asInt()).isEqualTo(2);

        JsonPath roadmap = as(tenant).get("/api/v1/clients/" + client + "/roadmap").then().statusCode(200).extract().jsonPath();
        assertThat(roadmap.getInt("version")).isEqualTo(1);
        assertThat(roadmap.getString("currentQuarter")).isEqualTo("2026-Q4");
        assertThat(roadmap.getList("quarters.quarter")).containsExactly("2026-Q4");
        assertThat(roadmap.getList("quarters[0].items.title")).containsExactly(
                "Remediate MFA coverage (58% → 90%)", "Remediate EDR coverage (70% → 95%)");
        assertThat(roadmap.getList("quarters[0].items.remediation")).containsOnly(true);
        assertThat(roadmap.getList("head")).hasSize(2);
        assertThat(roadmap.getList("backlog")).isEmpty();
        assertThat(roadmap.getString("history[0].reason")).isEqualTo("REMEDIATION_FIRST");
        assertThat(roadmap.getString("history[0].causationEventId")).isEqualTo(dropId.toString());

        as(tenant).get("/api/v1/initiatives/" + mfa.get("initiativeId").asText()).then().statusCode(200)
                .body("summary", equalTo("DMI fell 12.5 points (threshold 10)"))
                .body("originRefs.healthEventIds", equalTo(List.of(dropId.toString())))
                .body("originRefs.ctaIds", hasSize(0))
                .body("healthLinks[0].insightCode", equalTo("MFA"));
    }

    @Test
    void aRedeliveredDropChangesNothing() {
        EventEnvelope drop = InboundEvents.dmiDropped(UUID.randomUUID(), tenant, client, DROP_TIME, "corr", MFA, EDR);
        publisher.publish(drop);
        awaitRows(3);

        publisher.publish(drop);
        barrierOnHealthTopic();

        assertThat(OutboxRows.of("roadmap", tenant)).filteredOn(row -> row.partitionKey().endsWith(client.toString()))
                .hasSize(3);
        initiativesOf(client).then().body("items", hasSize(2));
    }

    @Test
    void aLaterDropOfTheSameInsightsOnlyAddsItsEventId() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        publisher.publish(InboundEvents.dmiDropped(first, tenant, client, DROP_TIME, "corr-1", MFA, EDR));
        awaitRows(3);

        publisher.publish(InboundEvents.dmiDropped(second, tenant, client, DROP_TIME.plus(Duration.ofDays(30)), "corr-2",
                new Gap("MFA", 0.5, 0.9), EDR));

        await().atMost(WAIT).untilAsserted(() -> initiativesOf(client).then().statusCode(200)
                .body("items.originRefs.healthEventIds", equalTo(List.of(
                        List.of(first.toString(), second.toString()), List.of(first.toString(), second.toString())))));
        assertThat(OutboxRows.of("roadmap", tenant)).hasSize(3);
        as(tenant).get("/api/v1/clients/" + client + "/roadmap").then().body("version", equalTo(1));
    }

    @Test
    void aRemediationCtaCausedByTheDropLinksToItsInitiative() {
        UUID dropId = UUID.randomUUID();
        UUID ctaId = UUID.randomUUID();
        publisher.publish(InboundEvents.dmiDropped(dropId, tenant, client, DROP_TIME, "corr-chain", MFA));
        awaitRows(2);
        String initiativeId = data(EventTypes.INITIATIVE_CREATED).get(0).get("initiativeId").asText();

        publisher.publish(InboundEvents.ctaOpened(ctaId, tenant, client, DROP_TIME.plusMillis(631), "corr-chain", dropId,
                "REMEDIATION", Map.of("dmi", 61.5, "previousDmi", 74.0, "segment", "C")));

        await().atMost(WAIT).untilAsserted(() -> as(tenant).get("/api/v1/initiatives/" + initiativeId).then()
                .statusCode(200).body("originRefs.ctaIds", equalTo(List.of(ctaId.toString()))));
        assertThat(OutboxRows.of("roadmap", tenant)).hasSize(2);
        initiativesOf(client).then().body("items", hasSize(1));
    }

    @Test
    void aCtaArrivingBeforeItsDropStillEndsWithOneInitiativePerInsight() {
        UUID dropId = UUID.randomUUID();
        UUID ctaId = UUID.randomUUID();
        UUID ctaEventId;
        EventEnvelope cta = InboundEvents.ctaOpened(ctaId, tenant, client, DROP_TIME.plusMillis(631), "corr-race", dropId,
                "REMEDIATION", Map.of("dmi", 61.5, "previousDmi", 74.0, "segment", "C"));
        ctaEventId = cta.id();
        publisher.publish(cta);
        awaitRows(2);
        JsonNode fromCta = data(EventTypes.INITIATIVE_CREATED).get(0);
        assertThat(fromCta.get("origin").asText()).isEqualTo("REMEDIATION_CTA");
        assertThat(fromCta.get("ctaId").asText()).isEqualTo(ctaId.toString());
        assertThat(fromCta.get("title").asText()).isEqualTo("DMI dropped 12.5 points: resequence roadmap, add quick wins");

        publisher.publish(InboundEvents.dmiDropped(dropId, tenant, client, DROP_TIME, "corr-race", MFA, EDR));

        List<OutboxRows.Row> rows = awaitRows(4);
        rows.forEach(ContractAssertions::assertValid);
        assertThat(OutboxRows.of("roadmap", tenant, EventTypes.INITIATIVE_CREATED))
                .extracting(OutboxRows.Row::causationId).containsExactlyInAnyOrder(ctaEventId, dropId);
        assertThat(OutboxRows.of("roadmap", tenant, EventTypes.ROADMAP_RESEQUENCED))
                .extracting(row -> row.envelope().at("/data/version").asInt()).containsExactlyInAnyOrder(1, 2);

        JsonPath initiatives = initiativesOf(client).then().statusCode(200).extract().jsonPath();
        assertThat(initiatives.getList("items")).hasSize(2);
        assertThat(initiatives.getList("items.healthLinks.insightCode.flatten()", String.class))
                .containsExactlyInAnyOrder("MFA", "EDR");
        String linked = fromCta.get("initiativeId").asText();
        as(tenant).get("/api/v1/initiatives/" + linked).then().statusCode(200)
                .body("healthLinks[0].insightCode", equalTo("MFA"))
                .body("originRefs.ctaIds", equalTo(List.of(ctaId.toString())))
                .body("originRefs.healthEventIds", equalTo(List.of(dropId.toString())))
                .body("position", equalTo(1));
    }

    @Test
    void ctasOfOtherKindsAreIgnored() {
        publisher.publish(InboundEvents.ctaOpened(UUID.randomUUID(), tenant, client, DROP_TIME, "corr", UUID.randomUUID(),
                "HEALTH", Map.of()));
        barrierOnCadenceTopic();

        as(tenant).get("/api/v1/clients/" + client + "/roadmap").then().statusCode(404);
        assertThat(OutboxRows.of("roadmap", tenant))
                .noneMatch(row -> row.partitionKey().endsWith(client.toString()));
    }

    @Test
    void aRegisteredClientHasAnEmptyRoadmapInItsOwnFiscalQuarter() {
        publisher.publish(InboundEvents.clientRegistered(tenant, client, 6, Instant.parse("2026-01-12T10:15:02.337Z")));

        await().atMost(WAIT).untilAsserted(() -> as(tenant).get("/api/v1/clients/" + client + "/roadmap").then()
                .statusCode(200)
                .body("version", equalTo(0))
                .body("currentQuarter", equalTo("2027-Q2")) // FY end 6: Oct–Dec 2026 is 2027-Q2
                .body("quarters", hasSize(0))
                .body("history", hasSize(0)));
        assertThat(OutboxRows.of("roadmap", tenant)).isEmpty();
    }

    @Test
    void aDropForAClientNotRegisteredYetMakesAStubThatRegistrationCompletes() {
        publisher.publish(InboundEvents.dmiDropped(UUID.randomUUID(), tenant, client, DROP_TIME, "corr", MFA));
        awaitRows(2);
        assertThat(data(EventTypes.INITIATIVE_CREATED).get(0).get("quarter").asText()).isEqualTo("2026-Q4");

        publisher.publish(InboundEvents.clientRegistered(tenant, client, 6, Instant.parse("2026-11-20T14:04:00Z")));

        // the stub's default calendar (FY end 12) gives way to the registered one: the draft keeps its first
        // month (October 2026), now in 2027-Q2, as a new version FISCAL_YEAR_CHANGED (roadmap.md §8.2)
        await().atMost(WAIT).untilAsserted(() -> as(tenant).get("/api/v1/clients/" + client + "/roadmap").then()
                .statusCode(200).body("currentQuarter", equalTo("2027-Q2")).body("version", equalTo(2))
                .body("quarters[0].quarter", equalTo("2027-Q2")));
        assertThat(data(EventTypes.ROADMAP_RESEQUENCED)).extracting(d -> d.get("reason").asText())
                .containsExactly("REMEDIATION_FIRST", "FISCAL_YEAR_CHANGED");
    }

    @Test
    void neverShowsARoadmapOrInitiativeToAnotherTenant() {
        publisher.publish(InboundEvents.dmiDropped(UUID.randomUUID(), tenant, client, DROP_TIME, "corr", MFA));
        awaitRows(2);
        String initiativeId = data(EventTypes.INITIATIVE_CREATED).get(0).get("initiativeId").asText();
        UUID stranger = UUID.randomUUID();

        as(stranger).get("/api/v1/clients/" + client + "/roadmap").then()
                .statusCode(404).contentType("application/problem+json").body("type", equalTo("/problems/client-not-found"));
        as(stranger).get("/api/v1/clients/" + client + "/initiatives").then()
                .statusCode(404).contentType("application/problem+json").body("type", equalTo("/problems/client-not-found"));
        as(stranger).get("/api/v1/initiatives/" + initiativeId).then()
                .statusCode(404).contentType("application/problem+json").body("type", equalTo("/problems/not-found"));
        as(tenant).get("/api/v1/initiatives/" + initiativeId).then().statusCode(200);
    }

    @Test
    void listsInitiativesInPagesAndRefusesAnUnknownStateFilter() {
        publisher.publish(InboundEvents.dmiDropped(UUID.randomUUID(), tenant, client, DROP_TIME, "corr", MFA, EDR,
                new Gap("BACKUP", 0.8, 0.95)));
        awaitRows(4);

        JsonPath first = as(tenant).queryParam("limit", 2).get("/api/v1/clients/" + client + "/initiatives").then()
                .statusCode(200).body("items", hasSize(2)).extract().jsonPath();
        as(tenant).queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor"))
                .get("/api/v1/clients/" + client + "/initiatives").then()
                .statusCode(200).body("items", hasSize(1)).body("nextCursor", equalTo(null));
        as(tenant).queryParam("state", "DRAFT").queryParam("remediation", true)
                .get("/api/v1/clients/" + client + "/initiatives").then().statusCode(200).body("items", hasSize(3));
        as(tenant).queryParam("state", "STALLED").get("/api/v1/clients/" + client + "/initiatives").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].code", equalTo("enum"));
    }

    @Test
    void aDropOlderThanTheOneAppliedIsIgnoredEntirely() {
        publisher.publish(InboundEvents.dmiDropped(UUID.randomUUID(), tenant, client, DROP_TIME, "corr", MFA));
        awaitRows(2);

        UUID late = UUID.randomUUID();
        publisher.publish(InboundEvents.dmiDropped(late, tenant, client, DROP_TIME.minus(Duration.ofDays(1)), "corr",
                MFA, EDR));
        barrierOnHealthTopic();

        initiativesOf(client).then().statusCode(200).body("items", hasSize(1))
                .body("items[0].originRefs.healthEventIds", hasSize(1));
    }

    @Test
    void toleratesUnknownFieldsAndEnumValuesAndSkipsUnknownTypes() throws Exception {
        EventEnvelope valid = InboundEvents.dmiDropped(UUID.randomUUID(), tenant, client, DROP_TIME, "corr", MFA);
        ObjectNode data = valid.data().deepCopy();
        data.put("color", "ORANGE").put("addedInAFutureVersion", true);
        ((ObjectNode) data.get("topGaps").get(0)).put("trend", "DOWN");
        EventEnvelope unknownType = EventEnvelope.of(UUID.randomUUID(), valid.source(), "health.DmiDropped.v2",
                valid.time(), valid.subject(), tenant, "corr", null, data);
        EventEnvelope extended = EventEnvelope.of(valid.id(), valid.source(), valid.type(), valid.time(),
                valid.subject(), tenant, "corr", null, data);

        publisher.publish(unknownType);
        publisher.publish(extended);

        List<OutboxRows.Row> rows = awaitRows(2);
        assertThat(rows).allSatisfy(row -> assertThat(row.causationId()).isEqualTo(extended.id()));
    }

    // --- helpers

    private io.restassured.response.Response initiativesOf(UUID clientId) {
        return as(tenant).get("/api/v1/clients/" + clientId + "/initiatives");
    }

    private List<OutboxRows.Row> awaitRows(int count) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(OutboxRows.of("roadmap", tenant)).hasSize(count));
        return OutboxRows.of("roadmap", tenant);
    }

    private List<JsonNode> data(String type) {
        return OutboxRows.of("roadmap", tenant, type).stream().map(row -> row.envelope().get("data")).toList();
    }

    /** Records of one topic are handled in order (one partition in tests): once a later one took effect, so did ours. */
    private void barrierOnHealthTopic() {
        UUID other = UUID.randomUUID();
        publisher.publish(InboundEvents.dmiDropped(UUID.randomUUID(), tenant, other, DROP_TIME, "barrier", MFA));
        await().atMost(WAIT).untilAsserted(() -> initiativesOf(other).then().statusCode(200).body("items", hasSize(1)));
    }

    private void barrierOnCadenceTopic() {
        UUID other = UUID.randomUUID();
        publisher.publish(InboundEvents.ctaOpened(UUID.randomUUID(), tenant, other, DROP_TIME, "barrier", null,
                "REMEDIATION", Map.of()));
        await().atMost(WAIT).untilAsserted(() -> initiativesOf(other).then().statusCode(200).body("items", hasSize(1)));
    }
}
