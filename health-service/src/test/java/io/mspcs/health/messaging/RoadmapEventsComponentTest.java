package io.mspcs.health.messaging;

import io.mspcs.contracts.EventEnvelope;
import io.mspcs.health.support.CadenceEvents;
import io.mspcs.health.support.HealthDatabase;
import io.mspcs.health.support.RegisteredClients;
import io.mspcs.health.support.RoadmapEvents;
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

/** roadmap's proposal clocks → decision velocity (health.md §3.5, E3), idempotent under redelivery. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "health"))
class RoadmapEventsComponentTest {

    private static Instant day(String date) {
        return Instant.parse(date + "T10:00:00Z");
    }

    @Test
    void proposalsDecidedAfter21And38AndClosedAfter60DaysGiveDecisionVelocity65() {
        UUID tenant = UUID.randomUUID();
        UUID client = RegisteredClients.registerInSegment(tenant, "Harbor Dental", "B");
        List<EventEnvelope> meetings = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID meeting = UUID.randomUUID();
            Instant held = Instant.parse("2026-10-0" + (i + 1) + "T10:00:00Z");
            meetings.add(CadenceEvents.meetingHeld(tenant, client, meeting, held, true, true));
            meetings.add(CadenceEvents.recapRecorded(tenant, client, meeting, held, true));
        }
        UUID accepted = UUID.randomUUID();
        UUID declined = UUID.randomUUID();
        UUID closed = UUID.randomUUID();
        List<EventEnvelope> proposals = List.of(
                RoadmapEvents.sent(tenant, client, accepted, day("2026-08-01")),
                RoadmapEvents.accepted(tenant, client, accepted, day("2026-08-22")),
                RoadmapEvents.sent(tenant, client, declined, day("2026-08-02")),
                RoadmapEvents.declined(tenant, client, declined, day("2026-09-09")),
                // closed before the send arrives: the clock still measures sent → close
                RoadmapEvents.closed(tenant, client, closed, day("2026-10-02")),
                RoadmapEvents.sent(tenant, client, closed, day("2026-08-03")));
        SegmentationEvents.publish(meetings.toArray(EventEnvelope[]::new));
        SegmentationEvents.publish(proposals.toArray(EventEnvelope[]::new));
        ConsumedEvents.await("health", meetings.get(meetings.size() - 1).id());
        ConsumedEvents.await("health", proposals.get(proposals.size() - 1).id());

        // median of 21, 38, 60 days = 38 → 1.25 · (90 − 38) = 65.00
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as(tenant).get("/api/v1/clients/" + client + "/health")
                .then().statusCode(200)
                .body("dimensions.find { it.dimension == 'ENGAGEMENT' }.inputs.find { it.key == 'decisionVelocity' }.value",
                        equalTo(38))
                .body("dimensions.find { it.dimension == 'ENGAGEMENT' }.inputs.find { it.key == 'decisionVelocity' }.subScore",
                        equalTo(65.00f)));

        EventEnvelope again = SegmentationEvents.withNewId(RoadmapEvents.declined(tenant, client, accepted, day("2026-09-30")));
        SegmentationEvents.publish(again);
        ConsumedEvents.await("health", again.id());
        assertThat(HealthDatabase.count("proposal_clock", tenant)).isEqualTo(3);
        as(tenant).get("/api/v1/clients/" + client + "/health").then().statusCode(200)
                .body("dimensions.find { it.dimension == 'ENGAGEMENT' }.inputs.find { it.key == 'decisionVelocity' }.subScore",
                        equalTo(65.00f));
    }
}
