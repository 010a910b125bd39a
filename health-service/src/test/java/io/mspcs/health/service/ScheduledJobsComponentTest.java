package io.mspcs.health.service;

import io.mspcs.health.support.ClockedComponentTest;
import io.mspcs.health.support.HealthDatabase;
import io.mspcs.health.support.RegisteredClients;
import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static io.mspcs.platformtest.TenantApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * The scheduled entry points, called the way Quarkus' scheduler calls a non-blocking job: on a fresh duplicated
 * Vert.x context with no tenant scope (the scheduler is off in tests). Each job must name its scope itself, or
 * row-level security shows it no rows.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "health"))
class ScheduledJobsComponentTest extends ClockedComponentTest {

    @Inject
    Vertx vertx;
    @Inject
    HealthSweep reviews;
    @Inject
    SignalRetention retention;

    /** Runs {@code job} like the scheduler: a new duplicated context, marked safe, nothing entered on it. */
    private <T> T asScheduled(Supplier<Uni<T>> job) throws Exception {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        CompletableFuture<T> done = new CompletableFuture<>();
        context.runOnContext(ignored -> job.get().subscribe().with(done::complete, done::completeExceptionally));
        return done.get(60, TimeUnit.SECONDS);
    }

    /** A client in each of two tenants: the cross-tenant jobs must reach both. */
    private record TwoTenants(UUID first, UUID harbor, UUID second, UUID legal) {

        static TwoTenants registered() {
            UUID first = UUID.randomUUID();
            UUID second = UUID.randomUUID();
            return new TwoTenants(first, RegisteredClients.register(first, "Harbor Dental"), second,
                    RegisteredClients.register(second, "Quiet Harbor Legal"));
        }
    }

    private static Instant nextReviewAt(UUID tenant, UUID client) {
        return ((Timestamp) HealthDatabase.clientRow(tenant, client).get("next_review_at")).toInstant();
    }

    @Test
    void theScheduledReviewSweepRecomputesTheDueClientsOfEveryTenant() throws Exception {
        // a new client's first review is due at once (ClientHealthEntity.register)
        TwoTenants clients = TwoTenants.registered();
        awaitIdle();
        assertThat(nextReviewAt(clients.first(), clients.harbor())).isBeforeOrEqualTo(clock.instant());
        assertThat(nextReviewAt(clients.second(), clients.legal())).isBeforeOrEqualTo(clock.instant());

        asScheduled(reviews::scheduled);

        assertThat(nextReviewAt(clients.first(), clients.harbor())).isAfter(clock.instant());
        assertThat(nextReviewAt(clients.second(), clients.legal())).isAfter(clock.instant());
    }

    @Test
    void theRecomputeSweepPicksUpTheDirtyClientsOfEveryTenant() throws Exception {
        TwoTenants clients = TwoTenants.registered();
        awaitIdle();
        HealthDatabase.markDirty(clients.first(), clients.harbor());
        HealthDatabase.markDirty(clients.second(), clients.legal());

        asScheduled(recomputes::sweep);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(HealthDatabase.clientRow(clients.first(), clients.harbor()).get("dirty_at")).isNull();
            assertThat(HealthDatabase.clientRow(clients.second(), clients.legal()).get("dirty_at")).isNull();
        });
    }

    /** Two pulse answers of {@code client}: one observed (and answered) at each instant. */
    private static void pulses(UUID tenant, UUID client, String expired, String kept) {
        List<Map<String, Object>> items = List.of(
                Map.of("externalId", "expired", "type", "SURVEY_RESPONSE", "clientId", client.toString(),
                        "observedAt", expired, "survey", "PULSE", "score", 4),
                Map.of("externalId", "kept", "type", "SURVEY_RESPONSE", "clientId", client.toString(),
                        "observedAt", kept, "survey", "PULSE", "score", 5));
        as(tenant).body(Map.of("source", "connectwise", "items", items)).post("/api/v1/signals/bulk").then()
                .statusCode(200).body("summary.created", equalTo(2));
    }

    @Test
    void signalRetentionDeletesTheSignalsOfEveryTenantOlderThan400Days() throws Exception {
        TwoTenants clients = TwoTenants.registered();
        // 400 days before the clock (2026-11-20T14:00Z) is 2025-10-16T14:00Z
        pulses(clients.first(), clients.harbor(), "2025-10-16T13:00:00Z", "2025-10-16T15:00:00Z");
        pulses(clients.second(), clients.legal(), "2025-10-16T13:00:00Z", "2025-10-16T15:00:00Z");
        awaitIdle();

        long deleted = asScheduled(retention::purge);

        assertThat(deleted).isGreaterThanOrEqualTo(2);
        assertThat(HealthDatabase.count("signal", clients.first())).isEqualTo(1);
        assertThat(HealthDatabase.count("signal", clients.second())).isEqualTo(1);
        as(clients.first()).get("/api/v1/signals?clientId=" + clients.harbor()).then().statusCode(200)
                .body("items.externalId", contains("kept"));
        assertThat(asScheduled(retention::purge)).as("a second run finds nothing").isZero();
    }
}
