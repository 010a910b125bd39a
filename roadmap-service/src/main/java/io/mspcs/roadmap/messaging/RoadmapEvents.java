package io.mspcs.roadmap.messaging;

import io.mspcs.contracts.EventTypes;
import io.mspcs.contracts.Money;
import io.mspcs.contracts.Reason;
import io.mspcs.outbox.OutgoingEvent;
import io.mspcs.roadmap.domain.HealthLink;
import io.mspcs.roadmap.domain.RoadmapMove;
import io.mspcs.roadmap.domain.BudgetCalculator;
import io.mspcs.roadmap.domain.Estimate;
import io.mspcs.roadmap.repository.AssessmentEntity;
import io.mspcs.roadmap.repository.BudgetEntity;
import io.mspcs.roadmap.repository.FindingEntity;
import io.mspcs.roadmap.repository.EnvelopeColumn;
import io.mspcs.roadmap.repository.InitiativeEntity;
import io.mspcs.roadmap.repository.ProposalEntity;
import io.mspcs.roadmap.repository.RoadmapEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.List;
import java.util.UUID;

/** Builds the roadmap events (events.md §4.4); the payload records are this producer's own. */
public final class RoadmapEvents {

    /** Schema caps of RoadmapResequenced. */
    public static final int HEAD_SIZE = 5;
    static final int MAX_MOVES = 50;

    private RoadmapEvents() {
    }

    record HealthLinkData(String dimension, String insightCode, BigDecimal expectedPoints) {
    }

    record InitiativeCreatedData(String clientId, String initiativeId, String title, String state, String lane,
                                 String quarter, int position, String origin, String ctaId, List<String> findingIds,
                                 boolean stabilityWork, Short tier, EstimateData estimate, List<HealthLinkData> healthLinks,
                                 String priority) {
    }

    record HeadItem(String initiativeId, String title, String quarter, int position) {
    }

    record Move(String initiativeId, String fromQuarter, String toQuarter, int fromPosition, int toPosition) {
    }

    record RoadmapResequencedData(String clientId, String roadmapId, int version, String reason, List<HeadItem> head,
                                  List<Move> moves, boolean proposalsBlocked) {
    }

    public static OutgoingEvent initiativeCreated(InitiativeEntity initiative) {
        List<UUID> ctaIds = initiative.originRefs.ctaIds();
        return new OutgoingEvent(EventTypes.INITIATIVE_CREATED, initiative.clientId.toString(), "Initiative",
                initiative.id.toString(), new InitiativeCreatedData(initiative.clientId.toString(),
                initiative.id.toString(), initiative.title, initiative.state.name(), initiative.lane,
                initiative.quarter, initiative.position, initiative.origin.name(),
                ctaIds.isEmpty() ? null : ctaIds.get(0).toString(),
                initiative.originRefs.findingIds().stream().map(UUID::toString).toList(), initiative.remediation,
                initiative.tier, estimate(initiative), initiative.healthLinks().stream().map(RoadmapEvents::link).toList(),
                initiative.priority.name()));
    }

    /**
     * @param head  the first open items in roadmap order (at most {@link #HEAD_SIZE} are sent)
     * @param moves this version's moves (at most {@value #MAX_MOVES} are sent; the version keeps all)
     */
    public static OutgoingEvent roadmapResequenced(RoadmapEntity roadmap, String reason, List<InitiativeEntity> head,
                                                   List<RoadmapMove> moves) {
        return new OutgoingEvent(EventTypes.ROADMAP_RESEQUENCED, roadmap.clientId.toString(), "Roadmap",
                roadmap.id.toString(), new RoadmapResequencedData(roadmap.clientId.toString(), roadmap.id.toString(),
                roadmap.roadmapVersion, reason,
                head.stream().limit(HEAD_SIZE).map(item -> new HeadItem(item.id.toString(), item.title, item.quarter,
                        item.position)).toList(),
                moves.stream().limit(MAX_MOVES).map(RoadmapEvents::move).toList(), roadmap.proposalsBlocked));
    }

    record EstimateData(Money oneTime, Money recurringMonthly, String spendType) {
    }

    record InitiativeStateChangedData(String clientId, String initiativeId, String from, String to, String quarter,
                                      Reason reason, String actorId) {
    }

    record InitiativeApprovedData(String clientId, String initiativeId, String title, Instant approvedAt,
                                  String proposalId, String quarter, Money budget, String spendType,
                                  String deliveryOwnerMemberId, String evidence, Boolean creditEligible) {
    }

    record InitiativeCompletedData(String clientId, String initiativeId, Instant completedAt, boolean stabilityWork,
                                   List<HealthLinkData> healthLinks, Money actualCost) {
    }

    record BudgetTotals(Money oneTime, Money recurring, Money capex, Money opex, Money committed) {
    }

    record QuarterEnvelopeData(Money capex, Money opex) {
    }

    record BudgetQuarter(String quarter, Money amount, Money committed, QuarterEnvelopeData envelope) {
    }

    record BudgetUpdatedData(String clientId, String budgetId, int fiscalYear, int version, BudgetTotals totals,
                             List<BudgetQuarter> quarters, List<String> overEnvelopeQuarters,
                             List<String> changedLineIds, String reason) {
    }

    record ProposalSentData(String clientId, String proposalId, int version, String title, String deliveryMode,
                            List<String> initiativeIds, Money oneTime, Money recurringMonthly, String channel,
                            Instant sentAt, String ownerMemberId) {
    }

    record ProposalAgingData(String clientId, String proposalId, String title, Instant sentAt, long ageDays,
                             String bucket, Money oneTime, Money recurringMonthly, String ownerMemberId,
                             List<String> initiativeIds) {
    }

    record ProposalAcceptedData(String clientId, String proposalId, int version, Instant acceptedAt, String evidence,
                                String evidenceRef, String clientOwner, String targetDate, Money budget,
                                List<String> initiativeIds, Boolean creditEligible) {
    }

    record ProposalDeclinedData(String clientId, String proposalId, Instant declinedAt, String reasonCode,
                                String reasonText, List<String> initiativeIds, boolean resequenced) {
    }

    record ProposalClosedData(String clientId, String proposalId, String closeReason, long ageDays,
                              String declineReasonCode, String supersededBy, List<String> resequencedInitiativeIds) {
    }

    record FindingData(String findingId, String severity, String title, String dimension, String insightCode) {
    }

    record AssessmentCompletedData(String clientId, String assessmentId, String assessmentType, String templateId,
                                   int templateVersion, Instant completedAt, BigDecimal score, int findingsCount,
                                   int highRiskCount, List<FindingData> findings) {
    }

    private static final List<String> SEVERITY_ORDER = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW");

    public static OutgoingEvent assessmentCompleted(AssessmentEntity assessment, List<FindingEntity> findings) {
        List<FindingData> severeFirst = findings.stream()
                .sorted(java.util.Comparator.comparingInt(f -> SEVERITY_ORDER.indexOf(f.severity)))
                .limit(50)
                .map(f -> new FindingData(f.id.toString(), f.severity,
                        f.title.length() <= 200 ? f.title : f.title.substring(0, 200), f.dimension, f.insightCode))
                .toList();
        return new OutgoingEvent(EventTypes.ASSESSMENT_COMPLETED, assessment.clientId.toString(), "Assessment",
                assessment.id.toString(), new AssessmentCompletedData(assessment.clientId.toString(),
                assessment.id.toString(), assessment.type, assessment.templateId.toString(),
                assessment.templateVersion, assessment.completedAt, assessment.score, findings.size(),
                (int) findings.stream().filter(FindingEntity::highRisk).count(), severeFirst));
    }

    public static OutgoingEvent initiativeStateChanged(InitiativeEntity initiative, String from, String reasonCode,
                                                       String reasonText, Map<String, Object> inputs, String actorId) {
        return initiativeEvent(EventTypes.INITIATIVE_STATE_CHANGED, initiative, new InitiativeStateChangedData(
                initiative.clientId.toString(), initiative.id.toString(), from, initiative.state.name(),
                initiative.quarter, new Reason(reasonCode, reasonText == null ? "" : reasonText, null, null, null,
                inputs == null || inputs.isEmpty() ? null : inputs), uuidOrNull(actorId)));
    }

    /** The schema's actorId is a member id (uuid); other principals (API keys, test callers) are left out. */
    private static String uuidOrNull(String actorId) {
        if (actorId == null) {
            return null;
        }
        try {
            return UUID.fromString(actorId).toString().equals(actorId.toLowerCase()) ? actorId.toLowerCase() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static OutgoingEvent initiativeApproved(InitiativeEntity initiative, Instant approvedAt, UUID proposalId,
                                                   BigDecimal budget, String evidence, boolean creditEligible) {
        return initiativeEvent(EventTypes.INITIATIVE_APPROVED, initiative, new InitiativeApprovedData(
                initiative.clientId.toString(), initiative.id.toString(), initiative.title, approvedAt,
                proposalId == null ? null : proposalId.toString(), initiative.quarter,
                money(budget, initiative.currency), initiative.spendType == null ? null : initiative.spendType.name(),
                initiative.deliveryOwnerMemberId, evidence, creditEligible));
    }

    public static OutgoingEvent initiativeCompleted(InitiativeEntity initiative, Instant completedAt) {
        return initiativeEvent(EventTypes.INITIATIVE_COMPLETED, initiative, new InitiativeCompletedData(
                initiative.clientId.toString(), initiative.id.toString(), completedAt, initiative.remediation,
                initiative.healthLinks().stream().map(RoadmapEvents::link).toList(),
                money(initiative.actualCost, initiative.currency)));
    }

    public static OutgoingEvent budgetUpdated(BudgetEntity budget, BudgetCalculator.FiscalYearFigures figures,
                                              List<String> overEnvelopeQuarters, List<UUID> changedLineIds,
                                              String reason) {
        String currency = budget.currency;
        Map<String, EnvelopeColumn.QuarterEnvelope> envelopes = budget.envelope == null ? Map.of()
                : budget.envelope.quarters().stream().collect(java.util.stream.Collectors.toMap(
                        EnvelopeColumn.QuarterEnvelope::quarter, e -> e, (a, b) -> b));
        List<BudgetQuarter> quarters = figures.quarters().stream().map(q -> {
            EnvelopeColumn.QuarterEnvelope envelope = envelopes.get(q.quarter().toString());
            return new BudgetQuarter(q.quarter().toString(), money(q.forecast().total(), currency),
                    money(q.committed().total(), currency), envelope == null ? null
                    : new QuarterEnvelopeData(money(envelope.capex(), currency), money(envelope.opex(), currency)));
        }).toList();
        var totals = figures.totals();
        return new OutgoingEvent(EventTypes.BUDGET_UPDATED, budget.clientId.toString(), "Budget",
                budget.id.toString(), new BudgetUpdatedData(budget.clientId.toString(), budget.id.toString(),
                budget.fiscalYear, budget.budgetVersion, new BudgetTotals(money(totals.oneTime(), currency),
                money(totals.recurring(), currency), money(totals.capex(), currency), money(totals.opex(), currency),
                money(totals.committed(), currency)), quarters, overEnvelopeQuarters,
                changedLineIds.stream().limit(50).map(UUID::toString).toList(),
                reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500)));
    }

    public static OutgoingEvent proposalSent(ProposalEntity proposal) {
        return proposalEvent(EventTypes.PROPOSAL_SENT, proposal, new ProposalSentData(proposal.clientId.toString(),
                proposal.id.toString(), proposal.proposalVersion, proposal.title, proposal.deliveryMode,
                ids(proposal), nonZero(proposal.oneTime, proposal.currency),
                nonZero(proposal.recurringMonthly, proposal.currency), proposal.channel, proposal.sentAt,
                proposal.ownerMemberId));
    }

    public static OutgoingEvent proposalAging(ProposalEntity proposal, long ageDays, String bucket) {
        return proposalEvent(EventTypes.PROPOSAL_AGING, proposal, new ProposalAgingData(proposal.clientId.toString(),
                proposal.id.toString(), proposal.title, proposal.sentAt, ageDays, bucket,
                nonZero(proposal.oneTime, proposal.currency), nonZero(proposal.recurringMonthly, proposal.currency),
                proposal.ownerMemberId, ids(proposal)));
    }

    public static OutgoingEvent proposalAccepted(ProposalEntity proposal, boolean creditEligible) {
        var decision = proposal.decision;
        return proposalEvent(EventTypes.PROPOSAL_ACCEPTED, proposal, new ProposalAcceptedData(
                proposal.clientId.toString(), proposal.id.toString(), proposal.proposalVersion, proposal.decidedAt,
                decision.evidence(), decision.evidenceRef(), decision.clientOwner(), decision.targetDate(),
                money(decision.budget(), proposal.currency), ids(proposal), creditEligible));
    }

    public static OutgoingEvent proposalDeclined(ProposalEntity proposal, boolean resequenced) {
        return proposalEvent(EventTypes.PROPOSAL_DECLINED, proposal, new ProposalDeclinedData(
                proposal.clientId.toString(), proposal.id.toString(), proposal.decidedAt, proposal.declineReasonCode,
                proposal.declineReasonText, ids(proposal), resequenced));
    }

    public static OutgoingEvent proposalClosed(ProposalEntity proposal, long ageDays, List<UUID> resequenced) {
        return proposalEvent(EventTypes.PROPOSAL_CLOSED, proposal, new ProposalClosedData(proposal.clientId.toString(),
                proposal.id.toString(), proposal.closeReason, ageDays, proposal.declineReasonCode,
                proposal.supersededBy == null ? null : proposal.supersededBy.toString(),
                resequenced.stream().map(UUID::toString).toList()));
    }

    private static OutgoingEvent initiativeEvent(String type, InitiativeEntity initiative, Object data) {
        return new OutgoingEvent(type, initiative.clientId.toString(), "Initiative", initiative.id.toString(), data);
    }

    private static OutgoingEvent proposalEvent(String type, ProposalEntity proposal, Object data) {
        return new OutgoingEvent(type, proposal.clientId.toString(), "Proposal", proposal.id.toString(), data);
    }

    private static List<String> ids(ProposalEntity proposal) {
        return proposal.initiativeIds().stream().map(UUID::toString).toList();
    }

    private static EstimateData estimate(InitiativeEntity initiative) {
        Estimate estimate = initiative.estimate();
        if (estimate.isEmpty()) {
            return null;
        }
        // Recurring-only work is OPEX (roadmap.md §12.9); the schema requires a spend type.
        return new EstimateData(money(estimate.oneTime(), initiative.currency),
                money(estimate.recurringMonthly(), initiative.currency),
                estimate.spendType() == null ? "OPEX" : estimate.spendType().name());
    }

    static Money money(BigDecimal amount, String currency) {
        return amount == null || currency == null ? null : new Money(amount.setScale(2), currency);
    }

    private static Money nonZero(BigDecimal amount, String currency) {
        return amount == null || amount.signum() == 0 ? null : money(amount, currency);
    }

    private static HealthLinkData link(HealthLink link) {
        return new HealthLinkData(link.dimension(), link.insightCode(), link.expectedPoints());
    }

    private static Move move(RoadmapMove move) {
        return new Move(move.initiativeId().toString(), text(move.fromQuarter()), text(move.toQuarter()),
                move.fromPosition(), move.toPosition());
    }

    private static String text(Object quarter) {
        return quarter == null ? null : quarter.toString();
    }
}
