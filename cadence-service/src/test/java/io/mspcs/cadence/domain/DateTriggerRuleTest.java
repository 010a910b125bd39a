package io.mspcs.cadence.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** cadence.md §9 E7, the registry date triggers T-REN and T-FYE (zone UTC, Mon–Fri 08:00–17:00). */
class DateTriggerRuleTest {

    private static final SlaCalculator SLA = new SlaCalculator(WorkingCalendar.DEFAULT);
    private static final Instant REGISTERED = Instant.parse("2026-06-01T12:00:00Z");
    private static final UUID CLIENT = UUID.randomUUID();

    @Test
    void e7FiscalYearTriggerDatePassedWithTheYearEndAheadFiresLate() {
        LocalDate fyEnd = DateTriggerRule.fiscalYearEnd(6, LocalDate.parse("2026-06-01"));

        DateTriggerRule.Plan plan = DateTriggerRule.plan(fyEnd, 30, REGISTERED, ZoneOffset.UTC);

        assertThat(fyEnd).isEqualTo(LocalDate.parse("2026-06-30"));
        assertThat(plan.when()).isEqualTo(DateTriggerRule.When.LATE);
        assertThat(plan.fireAt()).isEqualTo(Instant.parse("2026-05-31T00:00:00Z"));
    }

    @Test
    void e7LateFiscalYearCtaHasItsFirstActionIn72HoursAndIsDueAWeekBeforeTheYearEnd() {
        RuleCta cta = DateTriggerRule.fiscalYear(CLIENT, LocalDate.parse("2026-06-30"), Segment.C, REGISTERED, true, SLA);

        assertThat(cta.kind()).isEqualTo(CtaKind.LIFECYCLE);
        assertThat(cta.reasonCode()).isEqualTo("FISCAL_YEAR_30D");
        assertThat(cta.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(cta.ownerRole()).isEqualTo(Role.CSM);
        assertThat(cta.firstActionDueAt()).isEqualTo(Instant.parse("2026-06-04T12:00:00Z"));
        assertThat(cta.dueAt()).isEqualTo(Instant.parse("2026-06-23T17:00:00Z"));
        assertThat(cta.meetingType()).isEqualTo("BUDGET_SESSION");
        assertThat(cta.playbookKey()).isNull();
        assertThat(cta.inputs()).containsEntry("late", true);
        assertThat(cta.dedupeKey()).isEqualTo(CLIENT + ":T-FYE:2026-06-30");
    }

    @Test
    void e7AfterTheLateFiringTheNextFiscalYearTriggerIsOnMay31Next() {
        LocalDate next = DateTriggerRule.fiscalYearEnd(6, LocalDate.parse("2026-07-01"));

        DateTriggerRule.Plan plan = DateTriggerRule.plan(next, 30, REGISTERED, ZoneOffset.UTC);

        assertThat(plan.when()).isEqualTo(DateTriggerRule.When.TIMER);
        assertThat(plan.fireAt()).isEqualTo(Instant.parse("2027-05-31T00:00:00Z"));
    }

    @Test
    void fiscalYearOwnerFollowsTheSegmentAndSegmentDHasNoBudgetSession() {
        LocalDate fyEnd = LocalDate.parse("2026-12-31");
        Instant start = Instant.parse("2026-12-01T00:00:00Z");

        assertThat(DateTriggerRule.fiscalYear(CLIENT, fyEnd, Segment.A, start, false, SLA).ownerRole()).isEqualTo(Role.VCIO);
        assertThat(DateTriggerRule.fiscalYear(CLIENT, fyEnd, Segment.B, start, false, SLA).ownerRole()).isEqualTo(Role.VCIO);
        RuleCta d = DateTriggerRule.fiscalYear(CLIENT, fyEnd, Segment.D, start, false, SLA);
        assertThat(d.ownerRole()).isEqualTo(Role.AM);
        assertThat(d.meetingType()).isNull();
    }

    @Test
    void e7RenewalTriggerIsATimerAtMidnightNinetyDaysBeforeTheRenewal() {
        DateTriggerRule.Plan plan = DateTriggerRule.plan(LocalDate.parse("2027-03-31"), 90, REGISTERED, ZoneOffset.UTC);

        assertThat(plan.when()).isEqualTo(DateTriggerRule.When.TIMER);
        assertThat(plan.fireAt()).isEqualTo(Instant.parse("2026-12-31T00:00:00Z"));
    }

    @Test
    void e7RenewalCtaGoesToTheAmWithTheDueSixtyDaysBeforeTheRenewalMovedOffTheWeekend() {
        Instant fireAt = Instant.parse("2026-12-31T00:00:00Z");

        RuleCta cta = DateTriggerRule.renewal(CLIENT, LocalDate.parse("2027-03-31"), fireAt, false, "GREEN", false, SLA);

        assertThat(cta.reasonCode()).isEqualTo("RENEWAL_90D");
        assertThat(cta.ownerRole()).isEqualTo(Role.AM);
        assertThat(cta.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(cta.firstActionDueAt()).isEqualTo(Instant.parse("2027-01-03T00:00:00Z"));
        assertThat(cta.dueAt()).isEqualTo(Instant.parse("2027-02-01T17:00:00Z")); // 2027-01-30 is a Saturday
        assertThat(cta.playbookKey()).isEqualTo("consultative-sales");
        assertThat(cta.meetingType()).isEqualTo("RENEWAL_REVIEW");
        assertThat(cta.dedupeKey()).isEqualTo(CLIENT + ":T-REN:2027-03-31");
    }

    @Test
    void e7RenewalMovedTo2028IsPlannedForJanuaryFirst2028() {
        DateTriggerRule.Plan plan = DateTriggerRule.plan(LocalDate.parse("2028-03-31"), 90,
                Instant.parse("2027-01-05T10:00:00Z"), ZoneOffset.UTC);

        assertThat(plan.fireAt()).isEqualTo(Instant.parse("2028-01-01T00:00:00Z"));
    }

    @Test
    void renewalIsHighWhenTheCompositeIsNotGreenOrAnAtRiskCtaIsOpen() {
        Instant start = Instant.parse("2026-12-31T00:00:00Z");
        LocalDate renewal = LocalDate.parse("2027-03-31");

        assertThat(DateTriggerRule.renewal(CLIENT, renewal, start, false, "YELLOW", false, SLA).priority())
                .isEqualTo(Priority.HIGH);
        assertThat(DateTriggerRule.renewal(CLIENT, renewal, start, false, "GREEN", true, SLA).priority())
                .isEqualTo(Priority.HIGH);
        assertThat(DateTriggerRule.renewal(CLIENT, renewal, start, false, null, false, SLA).priority())
                .isEqualTo(Priority.MEDIUM);
    }

    @Test
    void aPassedAnchorFiresNothing() {
        DateTriggerRule.Plan plan = DateTriggerRule.plan(LocalDate.parse("2026-05-31"), 90, REGISTERED, ZoneOffset.UTC);

        assertThat(plan.when()).isEqualTo(DateTriggerRule.When.NONE);
    }

    @Test
    void aLateFiringCloseToItsAnchorIsNeverDueBeforeSevenDaysAfterItsStart() {
        Instant start = Instant.parse("2026-06-26T09:00:00Z"); // FY end 2026-06-30: "− 7 d" already passed

        RuleCta cta = DateTriggerRule.fiscalYear(CLIENT, LocalDate.parse("2026-06-30"), Segment.C, start, true, SLA);

        assertThat(cta.dueAt()).isEqualTo(Instant.parse("2026-07-03T17:00:00Z"));
    }
}
