package io.mspcs.roadmap.domain;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A client's fiscal calendar (roadmap.md §2): the fiscal year ends with {@code fiscalYearEndMonth} and is named
 * after the calendar year it ends in; its quarters are three months each, counted from the month after the end.
 */
public record FiscalCalendar(int fiscalYearEndMonth) {

    public static final int DEFAULT_END_MONTH = 12;

    public FiscalCalendar {
        if (fiscalYearEndMonth < 1 || fiscalYearEndMonth > 12) {
            throw new IllegalArgumentException("fiscalYearEndMonth must be 1-12, was " + fiscalYearEndMonth);
        }
    }

    public int fiscalYearOf(YearMonth month) {
        // Months after the end month already belong to the fiscal year that ends next calendar year.
        return month.getMonthValue() > fiscalYearEndMonth ? month.getYear() + 1 : month.getYear();
    }

    public Quarter quarterOf(LocalDate date) {
        return quarterOf(YearMonth.from(date));
    }

    public Quarter quarterOf(YearMonth month) {
        int monthsIntoYear = Math.floorMod(month.getMonthValue() - fiscalYearEndMonth - 1, 12);
        return new Quarter(fiscalYearOf(month), monthsIntoYear / 3 + 1);
    }

    /** The first calendar month of a fiscal quarter. */
    public YearMonth firstMonthOf(Quarter quarter) {
        YearMonth lastMonthOfYear = YearMonth.of(quarter.fiscalYear(), fiscalYearEndMonth);
        return lastMonthOfYear.minusMonths(11).plusMonths(3L * (quarter.number() - 1));
    }

    public YearMonth lastMonthOf(Quarter quarter) {
        return firstMonthOf(quarter).plusMonths(2);
    }

    /**
     * Where a quarter of this calendar lands under {@code next} after a fiscal-year change (roadmap.md §8.2): it
     * keeps its first calendar month and takes the quarter holding it. Quarters three months apart keep distinct
     * first months, so no two quarters of this calendar land on the same quarter of the next.
     */
    public Quarter carriedTo(FiscalCalendar next, Quarter quarter) {
        return next.quarterOf(firstMonthOf(quarter));
    }
}
