package io.mspcs.roadmap.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FiscalCalendarTest {

    // roadmap.md §2, FY end 12: FY2027 = Jan–Dec 2027, Q1 Jan–Mar … Q4 Oct–Dec 2027
    @ParameterizedTest
    @CsvSource({
            "2027-01, 2027-Q1", "2027-03, 2027-Q1", "2027-04, 2027-Q2", "2027-06, 2027-Q2",
            "2027-07, 2027-Q3", "2027-09, 2027-Q3", "2027-10, 2027-Q4", "2027-12, 2027-Q4"})
    void placesCalendarYearMonthsWhenTheFiscalYearEndsInDecember(String month, String quarter) {
        assertThat(new FiscalCalendar(12).quarterOf(YearMonth.parse(month))).hasToString(quarter);
    }

    // roadmap.md §2, FY end 6: FY2027 = Jul 2026–Jun 2027, Q1 Jul–Sep 2026, Q2 Oct–Dec 2026, Q3 Jan–Mar 2027, Q4 Apr–Jun 2027
    @ParameterizedTest
    @CsvSource({
            "2026-07, 2027-Q1", "2026-09, 2027-Q1", "2026-10, 2027-Q2", "2026-12, 2027-Q2",
            "2027-01, 2027-Q3", "2027-03, 2027-Q3", "2027-04, 2027-Q4", "2027-06, 2027-Q4", "2027-07, 2028-Q1"})
    void namesTheFiscalYearAfterTheYearItEndsInWhenItEndsInJune(String month, String quarter) {
        assertThat(new FiscalCalendar(6).quarterOf(YearMonth.parse(month))).hasToString(quarter);
    }

    @Test
    void givesTheQuarterOfTheWorkedExamplesToday() {
        assertThat(new FiscalCalendar(12).quarterOf(LocalDate.parse("2026-11-20"))).hasToString("2026-Q4"); // E1
        assertThat(new FiscalCalendar(6).quarterOf(LocalDate.parse("2026-09-05"))).hasToString("2027-Q1");  // E2
        assertThat(new FiscalCalendar(6).quarterOf(LocalDate.parse("2026-11-02"))).hasToString("2027-Q2");  // E3
    }

    @Test
    void knowsTheMonthsOfAQuarter() {
        FiscalCalendar june = new FiscalCalendar(6);
        assertThat(june.firstMonthOf(Quarter.parse("2027-Q1"))).isEqualTo(YearMonth.of(2026, 7));
        assertThat(june.lastMonthOf(Quarter.parse("2027-Q4"))).isEqualTo(YearMonth.of(2027, 6));
        assertThat(new FiscalCalendar(12).firstMonthOf(Quarter.parse("2027-Q3"))).isEqualTo(YearMonth.of(2027, 7));
    }

    @Test
    void handlesEveryEndMonthConsistently() {
        for (int end = 1; end <= 12; end++) {
            FiscalCalendar calendar = new FiscalCalendar(end);
            for (int q = 1; q <= 4; q++) {
                Quarter quarter = new Quarter(2027, q);
                YearMonth first = calendar.firstMonthOf(quarter);
                assertThat(calendar.quarterOf(first)).isEqualTo(quarter);
                assertThat(calendar.quarterOf(first.plusMonths(2))).isEqualTo(quarter);
                assertThat(calendar.quarterOf(first.plusMonths(3))).isEqualTo(quarter.next());
            }
            assertThat(calendar.quarterOf(YearMonth.of(2027, end))).isEqualTo(new Quarter(2027, 4));
        }
    }

    // roadmap.md §8.2: a quarter keeps its first calendar month when the FY end moves from 12 to 6
    @ParameterizedTest
    @CsvSource({"2027-Q1, 2027-Q3", "2027-Q2, 2027-Q4", "2027-Q3, 2028-Q1", "2027-Q4, 2028-Q2"})
    void carriesAQuarterToTheQuarterHoldingItsFirstMonthUnderANewFiscalYearEnd(String from, String to) {
        assertThat(new FiscalCalendar(12).carriedTo(new FiscalCalendar(6), Quarter.parse(from))).hasToString(to);
    }

    @Test
    void carriesTheFourQuartersOfAYearToFourDistinctQuartersWhateverTheEndMonths() {
        for (int from = 1; from <= 12; from++) {
            for (int to = 1; to <= 12; to++) {
                FiscalCalendar before = new FiscalCalendar(from);
                FiscalCalendar after = new FiscalCalendar(to);
                assertThat(java.util.stream.IntStream.rangeClosed(1, 4)
                        .mapToObj(q -> before.carriedTo(after, new Quarter(2027, q))).distinct().count())
                        .as("FY end %d -> %d", from, to).isEqualTo(4);
            }
        }
    }

    @Test
    void refusesAnEndMonthOutsideOneToTwelve() {
        assertThatThrownBy(() -> new FiscalCalendar(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FiscalCalendar(13)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesAndOrdersQuarters() {
        assertThat(Quarter.parse("2026-Q4")).isLessThan(Quarter.parse("2027-Q1"));
        assertThat(Quarter.parse("2027-Q4").next()).hasToString("2028-Q1");
        assertThatThrownBy(() -> Quarter.parse("2027-Q5")).isInstanceOf(IllegalArgumentException.class);
    }
}
