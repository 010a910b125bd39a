package io.mspcs.cadence.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The tenant's cadence policy document (cadence.md §2.1). Version 1 is {@link #defaults()}; a tenant publishes
 * later versions whole. Plain data so it can be stored as a document and compared for "identical content".
 */
public record CadencePolicy(String timeZone, List<DayOfWeek> workingDays, LocalTime opensAt, LocalTime closesAt,
                           List<LocalDate> holidays, String provisionalSegment, List<LineSpec> lines,
                           List<String> strategicMeetingTypes, AutoSchedule autoSchedule, MissLadder missLadder,
                           int recapDueHours, boolean recapRequiredForCredit, int maxDecisionsPerMeeting,
                           int onboardingImportWindowDays, int onboardingLengthDays, int alertDailyBudget,
                           LocalTime digestTime, UUID csLeaderMemberId) {

    public static final String ANNUAL_STRATEGY_PLANNING = "ANNUAL_STRATEGY_PLANNING";

    public record AutoSchedule(boolean enabled, int horizonDays, LocalTime time) {
    }

    public record MissLadder(int rebookDays, int reengageAt, int reviewAt) {
    }

    public CadencePolicy {
        Objects.requireNonNull(timeZone, "timeZone");
        ZoneId.of(timeZone); // rejects an unknown zone
        workingDays = List.copyOf(workingDays);
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        lines = List.copyOf(lines);
        strategicMeetingTypes = List.copyOf(strategicMeetingTypes);
        Objects.requireNonNull(autoSchedule, "autoSchedule");
        Objects.requireNonNull(missLadder, "missLadder");
        if (missLadder.reengageAt() < 2 || missLadder.reviewAt() <= missLadder.reengageAt()) {
            throw new IllegalArgumentException("missLadder needs 2 <= reengageAt < reviewAt");
        }
        if (maxDecisionsPerMeeting < 1 || recapDueHours < 1 || alertDailyBudget < 0) {
            throw new IllegalArgumentException("maxDecisionsPerMeeting and recapDueHours must be positive");
        }
        Set<String> keys = new LinkedHashSet<>();
        for (LineSpec line : lines) {
            if (!keys.add(line.segment() + "/" + line.meetingType())) {
                throw new IllegalArgumentException("two lines for " + line.segment() + "/" + line.meetingType());
            }
            if (!line.allowedFrequencies().contains(line.frequency())) {
                throw new IllegalArgumentException("line " + line.meetingType() + " frequency not among its allowed ones");
            }
        }
    }

    public static CadencePolicy defaults() {
        List<LineSpec> lines = new ArrayList<>();
        lines.add(line("A", "STRATEGY_MEETING", Frequency.MONTHLY, List.of(), Role.CSM, Role.VCIO, "FULL_LIVE", 45,
                List.of("ROADMAP_REVIEW", "EXECUTIVE_QBR"), true));
        lines.add(line("A", "ROADMAP_REVIEW", Frequency.QUARTERLY, List.of(), Role.CSM, Role.VCIO, "FULL_LIVE", 60,
                List.of("EXECUTIVE_QBR"), true));
        lines.add(line("B", "QBR", Frequency.QUARTERLY, List.of(), Role.CSM, Role.VCIO, "FULL_LIVE", 45,
                List.of("ROADMAP_REVIEW"), true));
        lines.add(line("B", "BUDGET_SESSION", Frequency.SEMI_ANNUAL, List.of(), Role.CSM, Role.VCIO, "FULL_LIVE", 45,
                List.of(), true));
        lines.add(line("C", "QBR", Frequency.QUARTERLY, List.of(Frequency.QUARTERLY, Frequency.SEMI_ANNUAL), Role.CSM,
                Role.CSM, "SHORT_SESSION", 30, List.of("ROADMAP_REVIEW"), true));
        lines.add(line("D", "OPERATIONAL_SYNC", Frequency.SEMI_ANNUAL,
                List.of(Frequency.SEMI_ANNUAL, Frequency.ANNUAL, Frequency.AD_HOC), Role.TAM, Role.TAM, "DIGITAL_LITE",
                30, List.of("SERVICE_REVIEW"), true));
        // Shipped off (§2.2): tactical syncs and annual strategy planning.
        lines.add(line("A", "TACTICAL_SYNC", Frequency.BIWEEKLY, List.of(), Role.CSM, Role.CSM, "SHORT_SESSION", 30,
                List.of(), false));
        lines.add(line("B", "TACTICAL_SYNC", Frequency.MONTHLY, List.of(), Role.CSM, Role.CSM, "SHORT_SESSION", 30,
                List.of(), false));
        for (String segment : List.of("A", "B", "C")) {
            lines.add(line(segment, ANNUAL_STRATEGY_PLANNING, Frequency.ANNUAL, List.of(), Role.CSM, Role.VCIO,
                    "FULL_LIVE", 90, List.of(), false));
        }
        return new CadencePolicy("UTC", List.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)),
                LocalTime.of(8, 0), LocalTime.of(17, 0), List.of(), "C", lines,
                List.of("STRATEGY_MEETING", "ROADMAP_REVIEW", "QBR", "EXECUTIVE_QBR", "BUDGET_SESSION",
                        ANNUAL_STRATEGY_PLANNING, "OPERATIONAL_SYNC", "RESET_CALL", "RENEWAL_REVIEW"),
                new AutoSchedule(true, 45, LocalTime.of(10, 0)), new MissLadder(7, 2, 3),
                48, true, 2, 7, 90, 10, LocalTime.of(7, 30), null);
    }

    private static LineSpec line(String segment, String type, Frequency frequency, List<Frequency> allowed, Role owner,
                                 Role lead, String format, int minutes, List<String> also, boolean enabled) {
        return new LineSpec(segment, type, frequency, allowed, owner, lead, format, minutes, also, enabled);
    }

    public WorkingCalendar calendar() {
        return new WorkingCalendar(ZoneId.of(timeZone), EnumSet.copyOf(workingDays), opensAt, closesAt,
                Set.copyOf(holidays));
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** The enabled lines of a segment; the provisional segment stands in while the client has none. */
    public List<LineSpec> linesOf(String segment) {
        String effective = segment == null ? provisionalSegment : segment;
        return lines.stream().filter(l -> l.enabled() && l.segment().equals(effective)).toList();
    }

    public Optional<LineSpec> line(String segment, String meetingType) {
        String effective = segment == null ? provisionalSegment : segment;
        return lines.stream().filter(l -> l.segment().equals(effective) && l.meetingType().equals(meetingType))
                .findFirst();
    }

    public boolean strategic(String meetingType) {
        return strategicMeetingTypes.contains(meetingType);
    }
}
