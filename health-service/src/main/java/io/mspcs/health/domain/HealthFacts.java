package io.mspcs.health.domain;

import java.time.Instant;
import java.util.List;

/**
 * The facts a client's non-DMI dimensions are scored from (health.md §3.4–3.7): signals and the engagement read
 * models. Lists may hold facts outside the windows; the calculator applies the windows.
 */
public record HealthFacts(Instant registeredAt, List<Survey> surveys, List<Fact> complaints,
                          List<Fact> sponsorContacts, List<Ticket> tickets, List<Milestone> milestones,
                          ServiceCoverage serviceCoverage, List<HeldMeeting> meetings, List<MissedMeeting> misses,
                          List<Proposal> proposals) {

    public HealthFacts {
        surveys = List.copyOf(surveys);
        complaints = List.copyOf(complaints);
        sponsorContacts = List.copyOf(sponsorContacts);
        tickets = List.copyOf(tickets);
        milestones = List.copyOf(milestones);
        meetings = List.copyOf(meetings);
        misses = List.copyOf(misses);
        proposals = List.copyOf(proposals);
    }

    public static HealthFacts none(Instant registeredAt) {
        return new HealthFacts(registeredAt, List.of(), List.of(), List.of(), List.of(), List.of(), null, List.of(),
                List.of(), List.of());
    }

    /** A SURVEY_RESPONSE: {@code survey} PULSE, CSAT, NPS or ALIGNMENT. */
    public record Survey(String id, String survey, int score, Instant observedAt, Instant receivedAt) {
    }

    /** A dated fact (complaint, exec-sponsor contact). */
    public record Fact(String id, Instant at, Instant receivedAt) {
    }

    public record Ticket(String id, Instant closedAt, boolean slaMet, boolean reopened, Instant receivedAt) {
    }

    public record Milestone(String id, Instant dueAt, Instant completedAt, Instant receivedAt) {
    }

    public record ServiceCoverage(String id, int expected, int delivered, Instant observedAt, Instant receivedAt) {
    }

    public record HeldMeeting(String meetingId, boolean strategic, String meetingType, Instant heldAt, boolean onTime,
                              boolean decisionMakerPresent, boolean execSponsorPresent, Instant recapDueAt,
                              Boolean recapOnTime, int decisions) {
    }

    public record MissedMeeting(String slotId, boolean strategic, Instant dueAt, String reason) {
    }

    /** A proposal clock: sent, first decided (any decision), closed undecided. */
    public record Proposal(String proposalId, Instant sentAt, Instant decidedAt, Instant closedAt) {
    }
}
