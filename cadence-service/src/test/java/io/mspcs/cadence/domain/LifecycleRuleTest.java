package io.mspcs.cadence.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** cadence.md §9 E7, the roadmap-driven date triggers (tenant zone UTC, Mon–Fri 08:00–17:00). */
class LifecycleRuleTest {

    private static final SlaCalculator SLA = new SlaCalculator(WorkingCalendar.DEFAULT);
    private static final Owners NOBODY = new Owners(Map.of());

    private static LifecycleRule.Trigger trigger(String ruleId, Instant at, int highRisks, UUID deliveryOwner) {
        return new LifecycleRule.Trigger(ruleId, UUID.randomUUID(), UUID.randomUUID(), "roadmap.X.v1", at, "corr",
                "s-1", at, highRisks, deliveryOwner, "label");
    }

    @Test
    void e7AssessmentCompletedIsDueTenDaysAfterCompletionAt1700() {
        Instant completed = Instant.parse("2026-09-14T16:00:00Z");
        LifecycleRule.Trigger asmt = trigger("T-ASMT", completed, 0, null);

        CtaDraft draft = LifecycleRule.draft(UUID.randomUUID(), asmt, 1, Optional.of(Segment.C), NOBODY, null, SLA,
                completed);

        assertThat(draft.kind()).isEqualTo(CtaKind.LIFECYCLE);
        assertThat(draft.reasonCode()).isEqualTo("ASSESSMENT_REVIEW");
        assertThat(draft.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(draft.owner().role()).isEqualTo(Role.CSM);
        assertThat(draft.dueAt()).isEqualTo(Instant.parse("2026-09-24T17:00:00Z"));
        assertThat(draft.dedupeKey()).isEqualTo(asmt.clientId() + ":T-ASMT:s-1");
    }

    @Test
    void anAssessmentWithHighRisksIsHighAndGoesToTheVcioOfAHighTouchClient() {
        LifecycleRule.Trigger asmt = trigger("T-ASMT", Instant.parse("2026-09-14T16:00:00Z"), 1, null);

        CtaDraft draft = LifecycleRule.draft(UUID.randomUUID(), asmt, 3, Optional.of(Segment.B), NOBODY, null, SLA,
                Instant.parse("2026-09-14T16:00:05Z"));

        assertThat(draft.priority()).isEqualTo(Priority.HIGH);
        assertThat(draft.owner().role()).isEqualTo(Role.VCIO);
        assertThat(draft.reason().ruleVersion()).isEqualTo(3);
    }

    @Test
    void e7InitiativeApprovedKicksOffInTenBusinessDaysWithTheDeliveryOwner() {
        Instant approved = Instant.parse("2026-10-05T11:00:00Z");
        UUID deliveryOwner = UUID.randomUUID();

        CtaDraft draft = LifecycleRule.draft(UUID.randomUUID(), trigger("T-INIT", approved, 0, deliveryOwner), 1,
                Optional.empty(), NOBODY, null, SLA, approved);

        assertThat(draft.reasonCode()).isEqualTo("INITIATIVE_KICKOFF");
        assertThat(draft.firstActionDueAt()).isEqualTo(Instant.parse("2026-10-08T11:00:00Z"));
        assertThat(draft.dueAt()).isEqualTo(Instant.parse("2026-10-19T17:00:00Z"));
        assertThat(draft.owner().role()).isEqualTo(Role.TAM);
        assertThat(draft.owner().memberId()).isEqualTo(deliveryOwner);
        assertThat(draft.playbookKey()).isEqualTo("initiative-kickoff");
    }
}
