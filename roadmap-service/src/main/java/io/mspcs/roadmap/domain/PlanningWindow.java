package io.mspcs.roadmap.domain;

/** Quarters that may be set or changed (roadmap.md §2): the current quarter up to Q4 of the current FY + 4. */
public record PlanningWindow(Quarter from, Quarter to) {

    public static final int DEFAULT_FISCAL_YEARS = 4;

    public static PlanningWindow startingAt(Quarter current) {
        return new PlanningWindow(current, new Quarter(current.fiscalYear() + DEFAULT_FISCAL_YEARS, 4));
    }

    public boolean contains(Quarter quarter) {
        return quarter.compareTo(from) >= 0 && quarter.compareTo(to) <= 0;
    }
}
