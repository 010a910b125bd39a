package io.mspcs.cadence.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The date triggers of the catalogue (cadence.md §4.2): T-REN at 00:00 on the renewal date − 90 d and T-FYE at 00:00
 * on the fiscal-year end − 30 d (FY end = last day of {@code fiscalYearEndMonth}). A trigger date already passed
 * while its anchor is still ahead fires at once ({@code reason.inputs.late}); a passed anchor fires nothing; an
 * absolute due is never earlier than {@code slaStartAt + 7 d}. Lead days are the rules' {@code leadDays} parameter.
 */
public final class DateTriggerRule {

    public static final String T_REN = "T-REN";
    public static final String T_FYE = "T-FYE";
    private static final SlaOffset FIRST_ACTION = SlaOffset.parse("72h");
    private static final SlaOffset MIN_DUE = SlaOffset.parse("7d");
    private static final int RENEWAL_DUE_DAYS_BEFORE = 60;
    private static final int FY_DUE_DAYS_BEFORE = 7;

    /** NONE: nothing to plan; LATE: fire now; TIMER: a timer at {@code fireAt}. */
    public enum When { NONE, LATE, TIMER }

    public record Plan(When when, LocalDate anchor, Instant fireAt) {
        static final Plan NONE = new Plan(When.NONE, null, null);
    }

    private DateTriggerRule() {
    }

    /** The FY end to plan for: this year's if it is not before {@code from}, else next year's. */
    public static LocalDate fiscalYearEnd(int month, LocalDate from) {
        LocalDate end = YearMonth.of(from.getYear(), month).atEndOfMonth();
        return end.isBefore(from) ? YearMonth.of(from.getYear() + 1, month).atEndOfMonth() : end;
    }

    /** When the trigger for {@code anchor} fires, seen at {@code now}. */
    public static Plan plan(LocalDate anchor, int leadDays, Instant now, ZoneId zone) {
        if (anchor == null || anchor.isBefore(now.atZone(zone).toLocalDate())) {
            return Plan.NONE; // no anchor, or it passed: nothing to prepare any more
        }
        Instant fireAt = anchor.minusDays(leadDays).atStartOfDay(zone).toInstant();
        return new Plan(fireAt.isAfter(now) ? When.TIMER : When.LATE, anchor, fireAt);
    }

    public static String dedupeKey(UUID clientId, String ruleId, LocalDate anchor) {
        return RuleCta.dedupeKey(clientId, ruleId, anchor);
    }

    /**
     * T-REN: LIFECYCLE/RENEWAL_90D for the AM, due 17:00 on renewal − 60 d; HIGH when the composite health is known
     * and not GREEN or an AT_RISK CTA is open, else MEDIUM.
     */
    public static RuleCta renewal(UUID clientId, LocalDate renewal, Instant slaStartAt, boolean late,
                                  String compositeColor, boolean atRiskOpen, SlaCalculator sla) {
        boolean risky = (compositeColor != null && !"GREEN".equals(compositeColor)) || atRiskOpen;
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("renewalDate", renewal.toString());
        inputs.put("late", late);
        inputs.put("compositeColor", compositeColor);
        inputs.put("atRiskOpen", atRiskOpen);
        return new RuleCta(T_REN, CtaKind.LIFECYCLE, "RENEWAL_90D", "Renewal on " + renewal + ": review value and plan",
                risky ? Priority.HIGH : Priority.MEDIUM, Role.AM, null, slaStartAt, sla.dueAt(slaStartAt, FIRST_ACTION),
                due(sla, slaStartAt, renewal.minusDays(RENEWAL_DUE_DAYS_BEFORE)), "consultative-sales",
                "RENEWAL_REVIEW", dedupeKey(clientId, T_REN, renewal), inputs);
    }

    /** T-FYE: LIFECYCLE/FISCAL_YEAR_30D, owner VCIO (A/B), CSM (C), AM (D); BUDGET_SESSION for A–C. */
    public static RuleCta fiscalYear(UUID clientId, LocalDate fyEnd, Segment segment, Instant slaStartAt, boolean late,
                                     SlaCalculator sla) {
        Role owner = switch (segment) {
            case A, B -> Role.VCIO;
            case C -> Role.CSM;
            case D -> Role.AM;
        };
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("fiscalYearEnd", fyEnd.toString());
        inputs.put("late", late);
        inputs.put("segment", segment.name());
        return new RuleCta(T_FYE, CtaKind.LIFECYCLE, "FISCAL_YEAR_30D",
                "Fiscal year ends " + fyEnd + ": budget session", Priority.MEDIUM, owner, null, slaStartAt,
                sla.dueAt(slaStartAt, FIRST_ACTION), due(sla, slaStartAt, fyEnd.minusDays(FY_DUE_DAYS_BEFORE)), null,
                segment == Segment.D ? null : "BUDGET_SESSION", dedupeKey(clientId, T_FYE, fyEnd), inputs);
    }

    /** An absolute due, never before {@code slaStartAt + 7 d} (a late firing still leaves a working week). */
    static Instant due(SlaCalculator sla, Instant slaStartAt, LocalDate absolute) {
        Instant due = sla.dueOn(absolute);
        Instant floor = sla.dueAt(slaStartAt, MIN_DUE);
        return due.isBefore(floor) ? floor : due;
    }
}
