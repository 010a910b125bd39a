package io.mspcs.cadence.config;

import io.mspcs.cadence.support.ClientViewRows;
import io.micrometer.core.instrument.MeterRegistry;
import io.mspcs.platformtest.MutableClock;
import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.mspcs.platformtest.TenantApi.as;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "cadence"))
class CtaOpenGaugeComponentTest {

    @Inject
    CtaOpenGauge gauge;
    @Inject
    MeterRegistry registry;
    @Inject
    MutableClock clock;
    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @Test
    void theGaugeCountsOpenCtasByKindAndPriorityWithoutATenantLabel() {
        gauge.refresh().await().atMost(Duration.ofSeconds(10));
        double before = value("EXPANSION", "CRITICAL");
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        clock.set(Instant.parse("2026-11-20T14:00:00Z"));
        ClientViewRows.insert(pool, tenant, client, null);
        as(tenant).contentType(ContentType.JSON).body(Map.of("kind", "EXPANSION", "title", "Upsell", "priority",
                "CRITICAL", "ownerRole", "AM", "dueAt", "2026-12-01T17:00:00Z"))
                .post("/api/v1/clients/" + client + "/ctas").then().statusCode(201);

        gauge.refresh().await().atMost(Duration.ofSeconds(10));

        assertThat(value("EXPANSION", "CRITICAL")).isEqualTo(before + 1);
        assertThat(registry.find("cs_ctas_open").gauges()).hasSize(28)
                .allSatisfy(g -> assertThat(g.getId().getTag("tenantId")).isNull());
    }

    private double value(String kind, String priority) {
        return registry.find("cs_ctas_open").tag("kind", kind).tag("priority", priority).gauge().value();
    }
}
