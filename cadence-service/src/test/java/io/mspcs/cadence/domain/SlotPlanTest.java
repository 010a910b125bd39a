package io.mspcs.cadence.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SlotPlanTest {

    @Test
    void e1QuarterlyQbrAnchoredOnTheLastHeldMeetingIsMissedTheDayAfterFourteenDaysGrace() {
        SlotPlan s2 = SlotPlan.fromAnchor(LocalDate.parse("2026-01-10"), Frequency.QUARTERLY, ZoneOffset.UTC);
        assertThat(s2.dueDate()).isEqualTo("2026-04-10");
        assertThat(s2.windowEnd()).isEqualTo("2026-04-24");
        assertThat(s2.missAt()).isEqualTo(Instant.parse("2026-04-25T00:00:00Z"));

        SlotPlan s3 = s2.next(Frequency.QUARTERLY, ZoneOffset.UTC);
        assertThat(s3.anchorDate()).isEqualTo("2026-04-10");
        assertThat(s3.dueDate()).isEqualTo("2026-07-10");
        assertThat(s3.missAt()).isEqualTo(Instant.parse("2026-07-25T00:00:00Z"));
        assertThat(s3.next(Frequency.QUARTERLY, ZoneOffset.UTC).dueDate()).isEqualTo("2026-10-10");
    }

    @Test
    void e2MonthlyStrategyMeetingDatesAndAnEarlyMeetingRestartsFromItsHeldDate() {
        SlotPlan slot = SlotPlan.fromAnchor(LocalDate.parse("2026-01-10"), Frequency.MONTHLY, ZoneOffset.UTC);
        assertThat(slot.dueDate()).isEqualTo("2026-02-10");
        assertThat(slot.missAt()).isEqualTo(Instant.parse("2026-02-18T00:00:00Z"));

        SlotPlan afterEarly = SlotPlan.fromAnchor(LocalDate.parse("2026-02-09"), Frequency.MONTHLY, ZoneOffset.UTC);
        assertThat(afterEarly.dueDate()).isEqualTo("2026-03-09");
        assertThat(afterEarly.missAt()).isEqualTo(Instant.parse("2026-03-17T00:00:00Z"));
    }

    @Test
    void monthEndsClampAndANewClientGetsAtLeastNinetyDays() {
        assertThat(Frequency.MONTHLY.after(LocalDate.parse("2026-01-31"))).isEqualTo("2026-02-28");
        SlotPlan monthly = SlotPlan.forNewClient(LocalDate.parse("2026-06-01"), Frequency.MONTHLY, ZoneOffset.UTC);
        assertThat(monthly.dueDate()).isEqualTo("2026-08-30");
        SlotPlan semiAnnual = SlotPlan.forNewClient(LocalDate.parse("2026-06-01"), Frequency.SEMI_ANNUAL, ZoneOffset.UTC);
        assertThat(semiAnnual.dueDate()).isEqualTo("2026-12-01");
        assertThat(semiAnnual.windowEnd()).isEqualTo("2026-12-22");
    }

    @Test
    void aChangeIsNeverDueSoonerThanTheChangeDatePlusTheShorterOfIntervalAndThirtyDays() {
        SlotPlan byFloor = SlotPlan.afterChange(LocalDate.parse("2026-01-10"), LocalDate.parse("2026-04-01"),
                Frequency.QUARTERLY, ZoneOffset.UTC);
        assertThat(byFloor.dueDate()).isEqualTo("2026-05-01");
        SlotPlan byAnchor = SlotPlan.afterChange(LocalDate.parse("2026-03-20"), LocalDate.parse("2026-04-01"),
                Frequency.QUARTERLY, ZoneOffset.UTC);
        assertThat(byAnchor.dueDate()).isEqualTo("2026-06-20");
    }

    @Test
    void slotStateIsDueSoonWithinThirtyDaysAndInGraceAfterTheDueDate() {
        SlotPlan slot = SlotPlan.fromAnchor(LocalDate.parse("2026-04-10"), Frequency.QUARTERLY, ZoneOffset.UTC);
        assertThat(slot.stateAt(LocalDate.parse("2026-05-01"))).isEqualTo("ON_TRACK");
        assertThat(slot.stateAt(LocalDate.parse("2026-06-10"))).isEqualTo("DUE_SOON");
        assertThat(slot.stateAt(LocalDate.parse("2026-07-11"))).isEqualTo("IN_GRACE");
    }
}
