package io.mspcs.roadmap.domain;

/** Quarters that may be set or changed (roadmap.md §2): the current quarter up to Q4 of the current FY + 4 (policy). */
public record PlanningWindow(Quarter from, Quarter to) {

    public static final int DEFAULT_FISCAL_YEARS = 4;

    public static PlanningWindow startingAt(Quarter current) {
        return startingAt(current, DEFAULT_FISCAL_YEARS);
    }

    /** @param fiscalYears the tenant policy's planning window: up to Q4 of the current FY + this many */
    public static PlanningWindow startingAt(Quarter current, int fiscalYears) {
        return new PlanningWindow(current, new Quarter(current.fiscalYear() + fiscalYears, 4));
    }

    public boolean contains(Quarter quarter) {
        return quarter.compareTo(from) >= 0 && quarter.compareTo(to) <= 0;
    }
}
