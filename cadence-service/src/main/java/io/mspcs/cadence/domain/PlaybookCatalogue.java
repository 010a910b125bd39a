package io.mspcs.cadence.domain;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The seeded templates every tenant starts with as version 1 (cadence.md §6.3). */
public final class PlaybookCatalogue {

    private static final Map<String, PlaybookTemplate> SEEDED = new LinkedHashMap<>();

    static {
        seed("onboarding", "Onboarding", "Kick-off to day-90 hand-off", "Cadence locked, year booked, baseline set",
                "O1|Kickoff scheduled|CSM/CSM/CSM/TAM|5bd||FA",
                "O2|Kickoff: executive snapshot, two asks, RACI, escalation paths|VCIO/VCIO/CSM/TAM|7d|||KICKOFF",
                "O3|Access matrix at least 95 %|TAM|14d",
                "O4|Documentation pack|TAM|21d||seg=ABC",
                "O5|Discovery and assessment|VCIO/VCIO/CSM/TAM|30d",
                "O6|Two early wins and report|TAM|30d",
                "O7|Roadmap and budget v1, pre-approvals|VCIO/VCIO/CSM/CSM|45d||seg=ABC",
                "O8|Pre-approved items to proposals|AM|60d||seg=ABC",
                "O9|Health baseline, cadence locked, year booked|CSM/CSM/CSM/TAM|60d",
                "O10|Day-60 review, NPS/CSAT|CSM|60d||*,seg=ABC",
                "O11|Day-90 closeout and hand-off|CSM/CSM/CSM/TAM|30d|O9");
        seed("engagement", "Engagement", "Working rhythm for the segment", "Owners, placeholders and agreement in place",
                "E1|Owners and backup for the segment's roles|CSM|5bd||FA",
                "E2|Confirm or move the next 12 months' placeholders|CSM|10bd",
                "E3|Working agreement: response times, channels, escalation|CSM|30d",
                "E4|Tactical rhythm|CSM|30d||*,seg=AB",
                "E5|Automated service reporting|TAM|14d||seg=D",
                "E6|Segment-fit agenda template|CSM|10bd||*");
        seed("consultative-sales", "Consultative sales", "Renewal and expansion conversation", "Convert or park",
                "S1|Segment hypothesis, delivery mode|AM|2bd||FA",
                "S2|Decision-first discovery and summary|AM|10d",
                "S3|Price test: pre-approval or decline reason|AM|3d|S2",
                "S4|Roadmap and budget v0|VCIO/VCIO/CSM/AM|1bd|S3",
                "S5|Decision review|VCIO/VCIO/CSM/TAM|7d|S4||DECISION_REVIEW",
                "S6|Recap|CSM|48h|S5",
                "S7|Convert, or park with a revisit trigger|AM|3d|S6",
                "S8|Hand-off packet|AM|5bd|S7|*");
        seed("upsell", "Upsell", "From a logged signal to a decision in writing", "Owner, date and budget agreed",
                "U1|Signal and lane (OpEx/CapEx)|CSM|1bd||FA",
                "U2|Price test: pre-approval or not now|AM|3d|U1",
                "U3|Roadmap card and budget line|CSM|1bd|U2",
                "U4|Proposal and decision sheet, at most two options|AM|7d|U3",
                "U5|Present; owner, date and budget in writing|VCIO/VCIO/CSM/TAM|14d|U4",
                "U6|Recap and follow-up CTAs|CSM|48h|U5");
        seed("at-risk", "At risk", "Stabilise and save the account", "A save plan with owners, dates and budget",
                "R1|Acknowledge to the client|CSM/CSM/CSM/TAM|||FA",
                "R2|Buckets and executive sponsor named|CSM/CSM/CSM/TAM|1bd",
                "R3|Stabilise: war room, containment|CSM/CSM/TAM/TAM|3d",
                "R4|Executive re-engagement|VCIO/VCIO/CSM/TAM|5bd|||RESET_CALL",
                "R5|Save plan H1 and H2 with owner, date and budget|CSM/CSM/CSM/TAM|48h|R4",
                "R6|H1 done|CSM/CSM/CSM/TAM|14d|R5",
                "R7|H2, monthly progress until green|CSM/CSM/CSM/TAM|60d|R5|*",
                "R8|After-action and root cause|CSM|14d|R6|*");
        seed("remediation", "Remediation", "Fix-first before projects", "Failing insights back above the gate",
                "M1|Three-step plan for the failing insights|TAM|||FA",
                "M2|15-minute ops sync|TAM|5d|||REMEDIATION_SYNC",
                "M3|Executive note: why fix-first blocks projects|VCIO/VCIO/CSM/CSM|2bd|M2",
                "M4|Coverage push and exceptions log|TAM|14d",
                "M5|One quick win pre-approved before the next QBR|CSM|14d|M2|*");
        seed("reengage", "Re-engage", "Two strategic meetings missed", "A reset call held",
                "RE1|Value recap|CSM|||FA",
                "RE2|30-minute reset call|CSM|7d|||RESET_CALL",
                "RE3|Add an executive, copy the vCIO|CSM|3bd|RE1");
        seed("cadence-review", "Cadence review", "Three strategic meetings missed", "Decision recorded",
                "CR1|Decide and record: keep, change frequency, override segment or executive reset|CS_LEADER|14d||FA");
        seed("dmi-resequence", "DMI resequence", "DMI dropped", "Roadmap resequenced, quick wins",
                "D1|Top gaps|TAM|3d||FA",
                "D2|Resequence with remediation first|VCIO/VCIO/CSM/CSM|7d",
                "D3|Two quick wins|TAM|14d");
        seed("value-reset", "Value reset", "DMI flat", "Value recap and a quick win",
                "V1|Value recap and a quick win|CSM|7d||FA");
        seed("backup-recovery", "Backup recovery", "Backup risk", "Backups healthy, restore tested",
                "B1|Root cause|TAM|||FA",
                "B2|Test restore|TAM|3d",
                "B3|Client note|CSM|5d");
        seed("proposal-reset", "Proposal reset", "Proposal stale", "Decision or resequence",
                "P1|Two options, now vs next quarter|AM|||FA",
                "P2|Reset call|AM|7d|||RESET_CALL",
                "P3|Decision or resequence|AM|2bd|P1");
        seed("initiative-kickoff", "Initiative kick-off", "Initiative approved", "Delivery started with a measure",
                "K1|Delivery lead|TAM|||FA",
                "K2|Kick-off|TAM|10bd|||KICKOFF",
                "K3|Success measure and expected adoption move|CSM|5bd|K1");
    }

    private PlaybookCatalogue() {
    }

    private static void seed(String key, String name, String description, String expectedOutput, String... tasks) {
        SEEDED.put(key, new PlaybookTemplate(key, name, 1, description, expectedOutput,
                Arrays.stream(tasks).map(PlaybookTemplate::parse).toList()));
    }

    public static Optional<PlaybookTemplate> seeded(String key) {
        return Optional.ofNullable(SEEDED.get(key));
    }

    public static List<PlaybookTemplate> all() {
        return List.copyOf(SEEDED.values());
    }
}
