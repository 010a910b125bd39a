package io.mspcs.health.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a client's stored signals (and the engagement read models) into the facts the calculator scores
 * (health.md §3.4–3.7). Exec-sponsor contacts also come from meetings held with the sponsor present.
 */
public final class HealthFactsAssembler {

    private HealthFactsAssembler() {
    }

    public static HealthFacts assemble(Instant registeredAt, List<SignalFact> signals,
                                       List<HealthFacts.HeldMeeting> meetings, List<HealthFacts.MissedMeeting> misses,
                                       List<HealthFacts.Proposal> proposals) {
        List<HealthFacts.Survey> surveys = new ArrayList<>();
        List<HealthFacts.Fact> complaints = new ArrayList<>();
        List<HealthFacts.Fact> sponsor = new ArrayList<>();
        List<HealthFacts.Ticket> tickets = new ArrayList<>();
        List<HealthFacts.Milestone> milestones = new ArrayList<>();
        HealthFacts.ServiceCoverage coverage = null;
        for (SignalFact signal : signals) {
            switch (signal.type()) {
                case "SURVEY_RESPONSE" -> surveys.add(new HealthFacts.Survey(signal.id(),
                        (String) signal.values().get("survey"), number(signal.values().get("score")),
                        signal.observedAt(), signal.receivedAt()));
                case "COMPLAINT" -> complaints.add(new HealthFacts.Fact(signal.id(), signal.observedAt(), signal.receivedAt()));
                case "EXEC_SPONSOR_CONTACT" -> sponsor.add(new HealthFacts.Fact(signal.id(), signal.observedAt(), signal.receivedAt()));
                case "TICKET_RESULT" -> tickets.add(new HealthFacts.Ticket(signal.id(), signal.eventTime(),
                        Boolean.TRUE.equals(signal.values().get("responseSlaMet"))
                                && Boolean.TRUE.equals(signal.values().get("resolutionSlaMet")),
                        Boolean.TRUE.equals(signal.values().get("reopenedWithin30d")), signal.receivedAt()));
                case "MILESTONE" -> milestones.add(new HealthFacts.Milestone(signal.id(), signal.eventTime(),
                        instant(signal.values().get("completedAt")), signal.receivedAt()));
                case "SERVICE_COVERAGE" -> {
                    // state type: the latest observation is the current one
                    if (coverage == null || signal.observedAt().isAfter(coverage.observedAt())) {
                        coverage = new HealthFacts.ServiceCoverage(signal.id(), number(signal.values().get("expected")),
                                number(signal.values().get("delivered")), signal.observedAt(), signal.receivedAt());
                    }
                }
                default -> {
                    // coverage and backup signals feed the DMI and risks, not these dimensions
                }
            }
        }
        meetings.stream().filter(HealthFacts.HeldMeeting::execSponsorPresent)
                .map(m -> new HealthFacts.Fact(m.meetingId(), m.heldAt(), m.heldAt())).forEach(sponsor::add);
        sponsor.sort(Comparator.comparing(HealthFacts.Fact::at));
        return new HealthFacts(registeredAt, surveys, complaints, sponsor, tickets, milestones, coverage, meetings,
                misses, proposals);
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }

    private static Instant instant(Object value) {
        return value instanceof String s ? Instant.parse(s) : null;
    }
}
