package io.mspcs.health.messaging;

import io.mspcs.contracts.EventEnvelope;
import io.mspcs.health.support.CadenceEvents;
import io.mspcs.health.support.HealthDatabase;
import io.mspcs.health.support.RegisteredClients;
import io.mspcs.health.support.SegmentationEvents;
import io.mspcs.platformtest.ConsumedEvents;
import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.mspcs.platformtest.TenantApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** cadence's meetings, recaps and misses → Engagement (health.md §3.5), idempotent under redelivery. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "health"))
class CadenceEventsComponentTest {

    @Test
    void heldMeetingsRecapsAndAMissScoreEngagementAndTheAdherenceGuardrailForcesRed() {
        UUID tenant = UUID.randomUUID();
        UUID client = RegisteredClients.registerInSegment(tenant, "Harbor Dental", "B");
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID meeting = UUID.randomUUID();
            Instant held = Instant.parse("2026-10-0" + (i + 1) + "T10:00:00Z");
            events.add(CadenceEvents.meetingHeld(tenant, client, meeting, held, true, true));
            events.add(CadenceEvents.recapRecorded(tenant, client, meeting, held, true));
        }
        events.add(CadenceEvents.meetingMissed(tenant, client, Instant.parse("2026-10-20T00:00:00Z"), "NOT_SCHEDULED"));
        SegmentationEvents.publish(events.toArray(EventEnvelope[]::new));
        ConsumedEvents.await("health", events.get(events.size() - 1).id());

        // 3 on time of 3 held + 1 missed = 75.00; mix 100; recaps 100 → (22.5 + 30 + 15) / .75 = 90.00, but RED
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(tenant).get("/api/v1/clients/" + client + "/health")
                .then().statusCode(200)
                .body("dimensions.find { it.dimension == 'ENGAGEMENT' }.score", equalTo(90.00f))
                .body("dimensions.find { it.dimension == 'ENGAGEMENT' }.color", equalTo("RED"))
                .body("dimensions.find { it.dimension == 'ENGAGEMENT' }.inputs.find { it.key == 'cadenceAdherence' }.subScore",
                        equalTo(75.00f))
                .body("dimensions.find { it.dimension == 'ENGAGEMENT' }.inputs.find { it.key == 'followUpClosure' }.subScore",
                        equalTo(100.00f))
                .body("dimensions.find { it.dimension == 'ENGAGEMENT' }.guardrails.find { it.code == 'cadenceAdherence_BELOW_80' }.fired",
                        equalTo(true)));

        EventEnvelope again = SegmentationEvents.withNewId(events.get(0));
        SegmentationEvents.publish(again);
        ConsumedEvents.await("health", again.id());
        assertThat(HealthDatabase.count("engagement_meeting", tenant)).isEqualTo(3);
        assertThat(HealthDatabase.count("engagement_miss", tenant)).isEqualTo(1);
    }
}
