package io.mspcs.cadence.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** cadence.md §9 E7 (T-NEW) and §4.2 T-SEG (zone UTC, Mon–Fri 08:00–17:00). */
class ClientLifecycleRuleTest {

    private static final SlaCalculator SLA = new SlaCalculator(WorkingCalendar.DEFAULT);
    private static final Instant AUTO_START_AFTER = Instant.parse("2026-05-27T09:00:00Z"); // first seen 05-20 + 7 d
    private static final UUID CLIENT = UUID.randomUUID();

    @Test
    void e7OnlyClientsRegisteredActiveAfterTheImportWindowAreOnboarded() {
        assertThat(ClientLifecycleRule.onboards("ACTIVE", Instant.parse("2026-06-01T12:00:00Z"), AUTO_START_AFTER)).isTrue();
        assertThat(ClientLifecycleRule.onboards("ACTIVE", Instant.parse("2026-05-25T12:00:00Z"), AUTO_START_AFTER)).isFalse();
        assertThat(ClientLifecycleRule.onboards("CHURNED", Instant.parse("2026-06-01T12:00:00Z"), AUTO_START_AFTER)).isFalse();
    }

    @Test
    void e7OnboardingNeedsTheKickoffScheduledInFiveBusinessDaysAndEndsInNinetyDays() {
        Instant registered = Instant.parse("2026-06-01T12:00:00Z");

        RuleCta cta = ClientLifecycleRule.onboarding(CLIENT, Segment.C, registered, registered, SLA);

        assertThat(cta.reasonCode()).isEqualTo("ONBOARDING");
        assertThat(cta.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(cta.ownerRole()).isEqualTo(Role.CSM);
        assertThat(cta.firstActionDueAt()).isEqualTo(Instant.parse("2026-06-08T17:00:00Z"));
        assertThat(cta.dueAt()).isEqualTo(Instant.parse("2026-08-31T17:00:00Z")); // 08-30 is a Sunday
        assertThat(cta.playbookKey()).isEqualTo("onboarding");
        assertThat(cta.meetingType()).isEqualTo("KICKOFF");
        assertThat(cta.dedupeKey()).isEqualTo(CLIENT + ":T-NEW");
    }

    @Test
    void segmentChangeOpensTheEngagementPlayKeyedByTheNewSegmentAndSegmentDGoesToTheTam() {
        Instant changed = Instant.parse("2026-11-20T14:00:00Z");

        RuleCta toB = ClientLifecycleRule.segmentChanged(CLIENT, "C", Segment.B, changed, SLA);
        RuleCta toD = ClientLifecycleRule.segmentChanged(CLIENT, "C", Segment.D, changed, SLA);

        assertThat(toB.reasonCode()).isEqualTo("SEGMENT_CHANGED");
        assertThat(toB.ownerRole()).isEqualTo(Role.CSM);
        assertThat(toB.firstActionDueAt()).isEqualTo(Instant.parse("2026-11-23T14:00:00Z"));
        assertThat(toB.dueAt()).isEqualTo(Instant.parse("2026-12-04T17:00:00Z"));
        assertThat(toB.playbookKey()).isEqualTo("engagement");
        assertThat(toB.dedupeKey()).isEqualTo(CLIENT + ":T-SEG:B");
        assertThat(toD.ownerRole()).isEqualTo(Role.TAM);
    }
}
