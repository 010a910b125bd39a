package io.mspcs.cadence.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.mspcs.cadence.support.TestEvents;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.EventTypes;
import io.mspcs.platformtest.ConsumedEvents;
import io.mspcs.platformtest.ContractAssertions;
import io.mspcs.platformtest.EventPublisher;
import io.mspcs.platformtest.MutableClock;
import io.mspcs.platformtest.OutboxRows;
import io.mspcs.platformtest.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** cadence.md §9 E7: T-ASMT and T-INIT from roadmap events, once per assessment or initiative. */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "cadence"))
class RoadmapRulesComponentTest {

    private static EventPublisher publisher;

    @Inject
    MutableClock clock;

    @BeforeAll
    static void connect() {
        publisher = EventPublisher.forSharedInfra();
    }

    @AfterAll
    static void disconnect() {
        if (publisher != null) {
            publisher.close();
        }
    }

    private void publishAndAwait(EventEnvelope event) {
        publisher.publish(event);
        ConsumedEvents.await("cadence", event.id());
    }

    @Test
    void e7AssessmentCompletedOpensOneReviewCtaDueTenDaysLaterEvenWhenRepublished() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        clock.set(Instant.parse("2026-09-14T16:00:00Z"));
        EventEnvelope completed = TestEvents.assessmentCompleted(tenant, client, UUID.randomUUID(), 0,
                Instant.parse("2026-09-14T16:00:00Z"));

        publishAndAwait(completed);
        publishAndAwait(TestEvents.withNewId(completed));

        assertThat(OutboxRows.of("cadence", tenant)).extracting(OutboxRows.Row::type)
                .containsExactly(EventTypes.CTA_OPENED);
        OutboxRows.Row opened = OutboxRows.of("cadence", tenant, EventTypes.CTA_OPENED).get(0);
        ContractAssertions.assertValid(opened);
        assertThat(opened.causationId()).isEqualTo(completed.id());
        JsonNode data = opened.envelope().get("data");
        assertThat(data.get("kind").asText()).isEqualTo("LIFECYCLE");
        assertThat(data.get("reasonCode").asText()).isEqualTo("ASSESSMENT_REVIEW");
        assertThat(data.get("priority").asText()).isEqualTo("MEDIUM");
        assertThat(data.get("dueAt").asText()).isEqualTo("2026-09-24T17:00:00Z");
        assertThat(data.at("/reason/ruleId").asText()).isEqualTo("T-ASMT");
    }

    @Test
    void e7InitiativeApprovedOpensAKickoffCtaForTheDeliveryOwnerAndStartsItsPlaybook() {
        UUID tenant = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        UUID deliveryOwner = UUID.randomUUID();
        clock.set(Instant.parse("2026-10-05T11:00:00Z"));

        publishAndAwait(TestEvents.initiativeApproved(tenant, client, UUID.randomUUID(), deliveryOwner,
                Instant.parse("2026-10-05T11:00:00Z")));

        assertThat(OutboxRows.of("cadence", tenant)).extracting(OutboxRows.Row::type)
                .containsExactly(EventTypes.CTA_OPENED, EventTypes.PLAYBOOK_STARTED);
        OutboxRows.of("cadence", tenant).forEach(ContractAssertions::assertValid);
        JsonNode data = OutboxRows.of("cadence", tenant, EventTypes.CTA_OPENED).get(0).envelope().get("data");
        assertThat(data.get("reasonCode").asText()).isEqualTo("INITIATIVE_KICKOFF");
        assertThat(data.get("firstActionDueAt").asText()).isEqualTo("2026-10-08T11:00:00Z");
        assertThat(data.get("dueAt").asText()).isEqualTo("2026-10-19T17:00:00Z");
        assertThat(data.get("ownerRole").asText()).isEqualTo("TAM");
        assertThat(data.get("ownerMemberId").asText()).isEqualTo(deliveryOwner.toString());
        assertThat(OutboxRows.of("cadence", tenant, EventTypes.PLAYBOOK_STARTED).get(0).envelope()
                .at("/data/templateKey").asText()).isEqualTo("initiative-kickoff");
    }
}
