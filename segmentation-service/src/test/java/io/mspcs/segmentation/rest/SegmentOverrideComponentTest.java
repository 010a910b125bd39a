package io.mspcs.segmentation.rest;

import io.mspcs.contracts.EventTypes;
import io.mspcs.platformtest.ContractAssertions;
import io.mspcs.platformtest.MutableClock;
import io.mspcs.platformtest.OutboxRows;
import io.mspcs.platformtest.PlatformTestResource;
import io.mspcs.segmentation.service.SweepService;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.platformtest.TenantApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** Overrides, negative events, the sweep and the segment resources (segmentation.md §3.6, §3.7, §6, E8). */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "segmentation"))
class SegmentOverrideComponentTest {

    @Inject
    MutableClock clock;

    @Inject
    SweepService sweeps;

    static String register(UUID tenant, String externalId, String amount) {
        return as(tenant).body(Map.of("items", List.of(Map.of("source", "connectwise", "externalId", externalId,
                        "name", "Client " + externalId, "mrr", Map.of("amount", amount, "currency", "USD")))))
                .post("/api/v1/clients/bulk").then().statusCode(200).extract().path("items[0].id");
    }

    private static Map<String, Object> override(String segment, String reason, String expiresAt, boolean acknowledge) {
        var body = new java.util.HashMap<String, Object>();
        body.put("segment", segment);
        body.put("reason", reason);
        body.put("expiresAt", expiresAt);
        body.put("acknowledgeFreeze", acknowledge);
        return body;
    }

    /** The scheduler's own entry point finds the tenants across all of them and sweeps each under its own scope. */
    @Test
    void theScheduledSweepEndsTheExpiredOverridesOfEveryTenant() throws Throwable {
        clock.set(Instant.parse("2026-06-01T09:00:00Z"));
        List<UUID> tenants = List.of(UUID.randomUUID(), UUID.randomUUID());
        for (UUID tenant : tenants) {
            String id = register(tenant, "scheduled", "8000.00");
            as(tenant).body(override("A", "Sponsor committed to a 2027 programme", "2026-09-30T00:00:00Z", false))
                    .put("/api/v1/clients/" + id + "/segment/override").then().statusCode(200);
        }

        clock.set(Instant.parse("2026-09-30T00:05:00Z"));
        VertxContextSupport.subscribeAndAwait(() -> sweeps.scheduled());

        for (UUID tenant : tenants) {
            assertThat(OutboxRows.of("segmentation", tenant, EventTypes.SEGMENT_OVERRIDE_ENDED)).hasSize(1);
        }
    }

    @Test
    void e8OverrideAppliesAtOnceAndTheSweepEndsItAtExpiry() {
        clock.set(Instant.parse("2026-06-01T09:00:00Z"));
        UUID tenant = UUID.randomUUID();
        String id = register(tenant, "e8", "8000.00");
        clock.set(Instant.parse("2026-07-01T10:00:00Z"));
        as(tenant)
                .body(override("A", "Sponsor committed to a 2027 programme", "2026-09-30T00:00:00Z", false))
                .put("/api/v1/clients/" + id + "/segment/override").then().statusCode(200)
                .body("segment", equalTo("A")).body("basis", equalTo("OVERRIDE")).body("computedSegment", equalTo("C"))
                .body("goalLevel", equalTo("1.4")).body("override.by", equalTo("component-test"));

        List<OutboxRows.Row> rows = OutboxRows.of("segmentation", tenant);
        rows.forEach(ContractAssertions::assertValid);
        assertThat(rows).extracting(OutboxRows.Row::type).containsExactlyInAnyOrder(EventTypes.CLIENT_REGISTERED,
                EventTypes.SEGMENT_ASSIGNED, EventTypes.SEGMENT_OVERRIDDEN, EventTypes.SEGMENT_CHANGED);
        var set = OutboxRows.of("segmentation", tenant, EventTypes.SEGMENT_CHANGED).get(0).envelope().at("/data");
        assertThat(set.at("/basis").asText()).isEqualTo("OVERRIDE");
        assertThat(set.at("/direction").asText()).isEqualTo("UPGRADE");
        assertThat(set.at("/reason/code").asText()).isEqualTo("OVERRIDE_SET");

        clock.set(Instant.parse("2026-09-29T23:55:00Z"));
        as(tenant).post("/api/v1/segmentation/sweep").then().statusCode(200).body("overridesEnded", equalTo(0));
        clock.set(Instant.parse("2026-09-30T00:05:00Z"));
        as(tenant).post("/api/v1/segmentation/sweep").then().statusCode(200).body("overridesEnded", equalTo(1));
        as(tenant).post("/api/v1/segmentation/sweep").then().statusCode(200).body("overridesEnded", equalTo(0));

        rows = OutboxRows.of("segmentation", tenant);
        rows.forEach(ContractAssertions::assertValid);
        assertThat(rows).hasSize(6);
        var ended = OutboxRows.of("segmentation", tenant, EventTypes.SEGMENT_OVERRIDE_ENDED);
        assertThat(ended).hasSize(1);
        assertThat(ended.get(0).envelope().at("/data/endedBecause").asText()).isEqualTo("EXPIRED");
        assertThat(ended.get(0).envelope().at("/data/fallbackSegment").asText()).isEqualTo("C");
        var fallback = OutboxRows.of("segmentation", tenant, EventTypes.SEGMENT_CHANGED).get(1).envelope().at("/data");
        assertThat(fallback.at("/to").asText()).isEqualTo("C");
        assertThat(fallback.at("/basis").asText()).isEqualTo("COMPUTED");
        assertThat(fallback.at("/reason/code").asText()).isEqualTo("OVERRIDE_EXPIRED");
        as(tenant).get("/api/v1/clients/" + id + "/segment").then().statusCode(200)
                .body("segment", equalTo("C")).body("override", org.hamcrest.Matchers.nullValue());
        as(tenant).get("/api/v1/clients/" + id + "/segment/history").then().statusCode(200)
                .body("items", hasSize(3)).body("items[0].kind", equalTo("OVERRIDE_ENDED"))
                .body("items[1].kind", equalTo("OVERRIDE_SET")).body("items[2].kind", equalTo("ASSIGNED"));
    }

    @Test
    void e8OverrideWithoutReasonIsRefusedAndWritesNothing() {
        UUID tenant = UUID.randomUUID();
        String id = register(tenant, "no-reason", "100.00");
        as(tenant).body(Map.of("segment", "A")).put("/api/v1/clients/" + id + "/segment/override").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors[0].field", equalTo("reason")).body("errors[0].code", equalTo("required"));
        as(tenant).body(override("A", "  ", null, false)).put("/api/v1/clients/" + id + "/segment/override").then()
                .statusCode(400).body("errors[0].code", equalTo("blank"));
        as(tenant).body(override("E", "why", null, false)).put("/api/v1/clients/" + id + "/segment/override").then()
                .statusCode(400).body("errors[0].code", equalTo("enum"));
        as(tenant).body(override("A", "why", "2020-01-01T00:00:00Z", false)).put("/api/v1/clients/" + id + "/segment/override")
                .then().statusCode(400).body("errors[0].code", equalTo("past"));
        assertThat(OutboxRows.of("segmentation", tenant)).hasSize(2);
        as(tenant).get("/api/v1/clients/" + id + "/segment").then().body("basis", equalTo("PROVISIONAL"));
    }

    @Test
    void e8DowngradeOverrideDuringAFreezeNeedsAcknowledgement() {
        clock.set(Instant.parse("2026-11-20T14:00:00Z"));
        UUID tenant = UUID.randomUUID();
        String id = register(tenant, "frozen", "3000.00");
        as(tenant).body(Map.of("kind", "ESCALATION", "note", "CEO escalated the outage"))
                .post("/api/v1/clients/" + id + "/negative-events").then().statusCode(201)
                .body("freeze.active", equalTo(true)).body("freeze.until", equalTo("2027-02-18T00:00:00Z"));
        as(tenant).body(override("D", "Scaling down engagement", null, false))
                .put("/api/v1/clients/" + id + "/segment/override").then().statusCode(409)
                .body("type", equalTo("/problems/downgrade-frozen"));
        assertThat(OutboxRows.of("segmentation", tenant, EventTypes.SEGMENT_OVERRIDDEN)).isEmpty();
        as(tenant).body(override("D", "Scaling down engagement", null, true))
                .put("/api/v1/clients/" + id + "/segment/override").then().statusCode(200).body("segment", equalTo("D"));
        var overridden = OutboxRows.of("segmentation", tenant, EventTypes.SEGMENT_OVERRIDDEN);
        assertThat(overridden).hasSize(1);
        assertThat(overridden.get(0).envelope().at("/data/frozenDowngradeAcknowledged").asBoolean()).isTrue();
        // The same override again changes nothing.
        as(tenant).body(override("D", "Scaling down engagement", null, true))
                .put("/api/v1/clients/" + id + "/segment/override").then().statusCode(200);
        assertThat(OutboxRows.of("segmentation", tenant, EventTypes.SEGMENT_OVERRIDDEN)).hasSize(1);
        // Removing it falls back to C: an upgrade, so the freeze does not hold it.
        as(tenant).delete("/api/v1/clients/" + id + "/segment/override?reason=done").then().statusCode(204);
        as(tenant).get("/api/v1/clients/" + id + "/segment").then().body("segment", equalTo("C"));
        as(tenant).delete("/api/v1/clients/" + id + "/segment/override").then().statusCode(404)
                .body("type", equalTo("/problems/override-not-found"));
        OutboxRows.of("segmentation", tenant).forEach(ContractAssertions::assertValid);
    }

    @Test
    void negativeEventsValidateKindAndTime() {
        clock.set(Instant.parse("2026-11-20T14:00:00Z"));
        UUID tenant = UUID.randomUUID();
        String id = register(tenant, "neg", "100.00");
        as(tenant).body(Map.of("kind", "COMPLAINT", "note", "x")).post("/api/v1/clients/" + id + "/negative-events")
                .then().statusCode(400).body("errors[0].code", equalTo("enum"));
        as(tenant).body(Map.of("kind", "OTHER", "note", "x", "occurredAt", "2027-01-01T00:00:00Z"))
                .post("/api/v1/clients/" + id + "/negative-events").then().statusCode(400)
                .body("errors[0].code", equalTo("future"));
        as(tenant).body(Map.of("kind", "OTHER", "note", "x")).post("/api/v1/clients/" + UUID.randomUUID() + "/negative-events")
                .then().statusCode(404).body("type", equalTo("/problems/client-not-found"));
        as(UUID.randomUUID(), "VIEWER").body(Map.of("kind", "OTHER", "note", "x"))
                .post("/api/v1/clients/" + id + "/negative-events").then().statusCode(403);
        as(tenant, "TAM").body(Map.of("kind", "OTHER", "note", "x"))
                .post("/api/v1/clients/" + id + "/negative-events").then().statusCode(201);
    }

    @Test
    void segmentResourceExplainsTheProvisionalDefault() {
        UUID tenant = UUID.randomUUID();
        String id = register(tenant, "explain", "8000.00");
        as(tenant).get("/api/v1/clients/" + id + "/segment").then().statusCode(200)
                .body("segment", equalTo("C")).body("provisional", equalTo(true))
                .body("reason.code", equalTo("PROVISIONAL_DEFAULT")).body("mrrBand", equalTo("HIGH"))
                .body("investment.tier", equalTo("PREMIUM")).body("investment.monthlyHours", equalTo(7.0f))
                .body("policyVersion", equalTo(1)).body("explanation", notNullValue());
        as(tenant).get("/api/v1/clients/" + UUID.randomUUID() + "/segment").then().statusCode(404);
    }

    @Test
    void aViewerCannotOverrideOrSweep() {
        UUID tenant = UUID.randomUUID();
        String id = register(tenant, "viewer", "100.00");
        as(tenant, "VIEWER").body(override("A", "why", null, false)).put("/api/v1/clients/" + id + "/segment/override")
                .then().statusCode(403);
        as(tenant, "CSM").post("/api/v1/segmentation/sweep").then().statusCode(403);
    }
}
