package io.mspcs.cadence.domain;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlaCalculatorTest {

    private final SlaCalculator sla = new SlaCalculator(WorkingCalendar.DEFAULT);

    private Instant due(String start, String offset) {
        return sla.dueAt(Instant.parse(start), SlaOffset.parse(offset));
    }

    @Test
    void startsTheSlaAtTheOpeningTruncatedToSeconds() {
        assertThat(SlaCalculator.slaStartAt(Instant.parse("2026-11-20T14:03:13.112Z")))
                .isEqualTo("2026-11-20T14:03:13Z");
    }

    @Test
    void addsExactHoursAcrossWeekends() {
        assertThat(due("2026-11-20T14:03:13Z", "72h")).isEqualTo("2026-11-23T14:03:13Z");
        assertThat(due("2026-04-25T00:00:00Z", "72h")).isEqualTo("2026-04-28T00:00:00Z");
    }

    @Test
    void calendarDaysFallAtFiveOnTheDateNDaysLater() {
        assertThat(due("2026-11-20T14:03:13Z", "7d")).isEqualTo("2026-11-27T17:00:00Z");
    }

    @Test
    void openedFridayAfternoonIsDueTheFollowingFridayAtFive() {
        assertThat(due("2026-11-20T16:30:00Z", "7d")).isEqualTo("2026-11-27T17:00:00Z");
    }

    @Test
    void openedOnSaturdayLandsOnSaturdayAndMovesToMonday() {
        assertThat(due("2026-11-21T10:00:00Z", "7d")).isEqualTo("2026-11-30T17:00:00Z");
    }

    @Test
    void openedOnSundayLandsOnSundayAndMovesToMonday() {
        assertThat(due("2026-11-22T23:59:59Z", "7d")).isEqualTo("2026-11-30T17:00:00Z");
    }

    @Test
    void openedAfterCloseStillCountsFromThatDate() {
        assertThat(due("2026-11-18T22:00:00Z", "7d")).isEqualTo("2026-11-25T17:00:00Z");
    }

    @Test
    void skipsAHolidayOnTheDueDate() {
        WorkingCalendar withHoliday = new WorkingCalendar(WorkingCalendar.DEFAULT.zone(),
                WorkingCalendar.DEFAULT.workingDays(), LocalTime.of(8, 0), LocalTime.of(17, 0),
                Set.of(LocalDate.parse("2026-11-30")));
        assertThat(new SlaCalculator(withHoliday).dueAt(Instant.parse("2026-11-21T10:00:00Z"), SlaOffset.parse("7d")))
                .isEqualTo("2026-12-01T17:00:00Z");
    }

    @Test
    void usesTheTenantsLocalDateAndCloseOfBusiness() {
        WorkingCalendar newYork = new WorkingCalendar(ZoneId.of("America/New_York"),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(17, 0), Set.of());
        // 02:00Z on Saturday is still Friday evening in New York: Friday + 7 = Friday, 17:00 EST = 22:00Z.
        assertThat(new SlaCalculator(newYork).dueAt(Instant.parse("2026-11-21T02:00:00Z"), SlaOffset.parse("7d")))
                .isEqualTo("2026-11-27T22:00:00Z");
    }

    @Test
    void countsOnlyWorkingDaysAfterTheStartDate() {
        assertThat(due("2026-11-20T14:00:00Z", "1bd")).isEqualTo("2026-11-23T17:00:00Z");
        assertThat(due("2026-11-21T10:00:00Z", "1bd")).isEqualTo("2026-11-23T17:00:00Z");
        assertThat(due("2026-11-18T09:00:00Z", "5bd")).isEqualTo("2026-11-25T17:00:00Z");
    }

    @Test
    void workingHoursCarryTheRestIntoTheNextMorning() {
        assertThat(due("2026-06-02T15:30:00Z", "4bh")).isEqualTo("2026-06-03T10:30:00Z");
    }

    @Test
    void workingHoursStartAtTheNextOpeningWhenOutsideHours() {
        assertThat(due("2026-11-20T18:00:00Z", "4bh")).isEqualTo("2026-11-23T12:00:00Z");
        assertThat(due("2026-11-21T10:00:00Z", "4bh")).isEqualTo("2026-11-23T12:00:00Z");
        assertThat(due("2026-11-23T06:00:00Z", "2bh")).isEqualTo("2026-11-23T10:00:00Z");
    }

    @Test
    void workingHoursEndAtCloseWhenTheyFillTheDay() {
        assertThat(due("2026-11-23T08:00:00Z", "9bh")).isEqualTo("2026-11-23T17:00:00Z");
        assertThat(due("2026-11-20T16:00:00Z", "1bh")).isEqualTo("2026-11-20T17:00:00Z");
    }

    @Test
    void workingHoursSpanAWeekend() {
        assertThat(due("2026-11-20T16:00:00Z", "10bh")).isEqualTo("2026-11-23T17:00:00Z");
        assertThat(due("2026-11-20T16:00:00Z", "11bh")).isEqualTo("2026-11-24T09:00:00Z");
    }

    @Test
    void absoluteDatesFallAtFiveOnTheDayOrTheNextWorkingDay() {
        assertThat(sla.dueOn(LocalDate.parse("2026-06-23"))).isEqualTo("2026-06-23T17:00:00Z");
        assertThat(sla.dueOn(LocalDate.parse("2027-01-30"))).isEqualTo("2027-02-01T17:00:00Z");
    }

    // cadence.md §9: every SLA instant of the worked examples, defaults (UTC, Mon–Fri 08:00–17:00).
    @Test
    void e1LadderRebookCta() {
        assertThat(due("2026-04-25T00:00:00Z", "72h")).isEqualTo("2026-04-28T00:00:00Z");
        assertThat(due("2026-04-25T00:00:00Z", "7d")).isEqualTo("2026-05-04T17:00:00Z");
    }

    @Test
    void e1LadderAtRiskAndReviewCtas() {
        assertThat(due("2026-07-25T00:00:00Z", "72h")).isEqualTo("2026-07-28T00:00:00Z");
        assertThat(due("2026-07-25T00:00:00Z", "7d")).isEqualTo("2026-08-03T17:00:00Z");
        assertThat(due("2026-10-25T00:00:00Z", "14d")).isEqualTo("2026-11-09T17:00:00Z");
    }

    @Test
    void e3DmiDropCta() {
        Instant slaStart = SlaCalculator.slaStartAt(Instant.parse("2026-11-20T14:03:13.112Z"));
        assertThat(sla.dueAt(slaStart, SlaOffset.parse("72h"))).isEqualTo("2026-11-23T14:03:13Z");
        assertThat(sla.dueAt(slaStart, SlaOffset.parse("7d"))).isEqualTo("2026-11-27T17:00:00Z");
    }

    @Test
    void e4DmiFlatCta() {
        assertThat(due("2026-03-02T08:00:00Z", "7d")).isEqualTo("2026-03-09T17:00:00Z");
    }

    @Test
    void e5AdoptionGateCta() {
        assertThat(due("2026-05-04T13:00:00Z", "72h")).isEqualTo("2026-05-07T13:00:00Z");
        assertThat(due("2026-05-04T13:00:00Z", "5d")).isEqualTo("2026-05-11T17:00:00Z");
    }

    @Test
    void e6AtRiskCta() {
        assertThat(due("2026-06-02T15:30:00Z", "4bh")).isEqualTo("2026-06-03T10:30:00Z");
        assertThat(due("2026-06-02T15:30:00Z", "1bd")).isEqualTo("2026-06-03T17:00:00Z");
        assertThat(due("2026-06-02T15:30:00Z", "30d")).isEqualTo("2026-07-02T17:00:00Z");
    }

    @Test
    void e7DateTriggers() {
        assertThat(due("2026-06-01T12:00:00Z", "5bd")).isEqualTo("2026-06-08T17:00:00Z");
        assertThat(due("2026-06-01T12:00:00Z", "72h")).isEqualTo("2026-06-04T12:00:00Z");
        assertThat(sla.dueOn(LocalDate.parse("2026-06-30").minusDays(7))).isEqualTo("2026-06-23T17:00:00Z");
        assertThat(due("2026-12-31T00:00:00Z", "72h")).isEqualTo("2027-01-03T00:00:00Z");
        assertThat(sla.dueOn(LocalDate.parse("2027-03-31").minusDays(60))).isEqualTo("2027-02-01T17:00:00Z");
        assertThat(due("2026-09-14T16:00:00Z", "10d")).isEqualTo("2026-09-24T17:00:00Z");
        assertThat(due("2026-10-05T11:00:00Z", "72h")).isEqualTo("2026-10-08T11:00:00Z");
        assertThat(due("2026-10-05T11:00:00Z", "10bd")).isEqualTo("2026-10-19T17:00:00Z");
    }

    @Test
    void readsTheFourNotations() {
        assertThat(SlaOffset.parse("72h")).isEqualTo(new SlaOffset(72, SlaOffset.Unit.HOURS));
        assertThat(SlaOffset.parse("7d")).isEqualTo(new SlaOffset(7, SlaOffset.Unit.DAYS));
        assertThat(SlaOffset.parse("10bd")).isEqualTo(new SlaOffset(10, SlaOffset.Unit.BUSINESS_DAYS));
        assertThat(SlaOffset.parse("4bh")).isEqualTo(new SlaOffset(4, SlaOffset.Unit.BUSINESS_HOURS));
        assertThat(SlaOffset.parse("4bh")).hasToString("4bh");
    }

    @Test
    void refusesOtherNotations() {
        assertThatThrownBy(() -> SlaOffset.parse("7 days")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SlaOffset.parse("-1d")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SlaOffset.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
