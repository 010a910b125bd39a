package io.mspcs.roadmap.service;

import io.mspcs.contracts.Money;
import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.OutboxWriter;
import io.mspcs.rest.ProblemException;
import io.mspcs.roadmap.domain.BudgetCalculator;
import io.mspcs.roadmap.domain.Credit;
import io.mspcs.roadmap.domain.Deferral;
import io.mspcs.roadmap.domain.EnvelopeCheck;
import io.mspcs.roadmap.domain.InitiativeState;
import io.mspcs.roadmap.domain.InitiativeTransitions;
import io.mspcs.roadmap.domain.Quarter;
import io.mspcs.roadmap.domain.RoadmapMove;
import io.mspcs.roadmap.messaging.RoadmapEvents;
import io.mspcs.roadmap.repository.BudgetRepository;
import io.mspcs.roadmap.repository.RoadmapPolicyRepository;
import io.mspcs.roadmap.repository.DecisionColumn;
import io.mspcs.roadmap.repository.InitiativeEntity;
import io.mspcs.roadmap.repository.InitiativeHistoryEntity;
import io.mspcs.roadmap.repository.InitiativeHistoryRepository;
import io.mspcs.roadmap.repository.OverrideColumn;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.mspcs.roadmap.domain.InitiativeState.APPROVED;
import static io.mspcs.roadmap.domain.InitiativeState.CLOSED;
import static io.mspcs.roadmap.domain.InitiativeState.COMPLETED;
import static io.mspcs.roadmap.domain.InitiativeState.DEFERRED;
import static io.mspcs.roadmap.domain.InitiativeState.DRAFT;
import static io.mspcs.roadmap.domain.InitiativeState.INTERNAL_REVIEW;
import static io.mspcs.roadmap.domain.InitiativeState.IN_PROGRESS;
import static io.mspcs.roadmap.domain.InitiativeState.PROPOSED;
import static io.mspcs.roadmap.domain.InitiativeState.REJECTED;

/**
 * Initiative transitions (roadmap.md §4): checks in the spec's order, then the state change with its history row,
 * {@code InitiativeStateChanged} and the events of the target state, all in the caller's transaction.
 */
@ApplicationScoped
public class TransitionService {

    static final String MANUAL = "MANUAL_TRANSITION";
    private static final Set<String> CLIENT_EVIDENCE = Set.of("ESIGN", "WRITTEN_CONFIRMATION");
    private static final Set<String> EVIDENCE = Set.of("ESIGN", "WRITTEN_CONFIRMATION", "CONTRACT_COVERED",
            "PROPOSAL_ACCEPTED");
    private static final Set<String> OPEN_CLOSE_REASONS = Set.of("WITHDRAWN", "SUPERSEDED", "OBSOLETE");

    private final InitiativeHistoryRepository history;
    private final OutboxWriter outbox;
    private final BudgetService budgets;
    private final BudgetRepository budgetRows;
    private final RoadmapVersions versions;
    private final RoadmapPolicyRepository policies;

    public TransitionService(InitiativeHistoryRepository history, OutboxWriter outbox, BudgetService budgets,
                             BudgetRepository budgetRows, RoadmapVersions versions, RoadmapPolicyRepository policies) {
        this.policies = policies;
        this.history = history;
        this.outbox = outbox;
        this.budgets = budgets;
        this.budgetRows = budgetRows;
        this.versions = versions;
    }

    public record Command(InitiativeState to, String reason, String reasonCode, String deferToQuarter,
                          DecisionInput decision, String closeReason, String closeNote, OutcomeReview outcomeReview,
                          List<OverrideInput> overrides, String deliveryOwnerMemberId, LocalDate completedOn,
                          MoneyInput actualCost) {
    }

    public record Result(InitiativeEntity initiative, Credit credit, List<Map<String, Object>> warnings) {
    }

    /** A transition asked for through the API. */
    public Uni<Result> manual(ClientState state, InitiativeEntity initiative, Command command, Actor actor,
                              EventContext context) {
        InitiativeState from = initiative.state;
        InitiativeState to = command.to();
        if (to == null) {
            throw ProblemException.invalid("to", "required", "to is required");
        }
        if (!InitiativeTransitions.exists(from, to)) {
            throw invalidTransition(from, to);
        }
        if (!InitiativeTransitions.permitted(from, to, actor.roles(), initiative.remediation)) {
            throw DetailedProblem.forbidden("transition-not-permitted",
                    "Your role may not move this initiative from " + from + " to " + to);
        }
        List<OverrideColumn> overrides = GateRules.checkOverrides(command.overrides(), actor);
        if (initiative.openProposalId != null) {
            throw DetailedProblem.conflict("initiative-in-open-proposal", "Initiative is in a sent proposal",
                    "Initiative " + initiative.id + " is in sent proposal " + initiative.openProposalId
                            + "; the proposal's actions move it");
        }
        guard(state, initiative, command);
        if (to == PROPOSED || to == APPROVED) {
            GateRules.fixFirst(state, List.of(initiative), overrides);
            GateRules.sequencing(state, List.of(initiative), overrides);
        }
        String actorId = actor.principalId();
        switch (to) {
            case APPROVED -> {
                DecisionColumn decision = decision(state, initiative, command.decision(), overrides);
                return approve(state, initiative, decision, null, MANUAL, "Approved by the client", actorId,
                        context).call(result -> budgets.recompute(state, context, "Initiative approved: "
                        + initiative.title));
            }
            case DEFERRED -> {
                Quarter target = deferTarget(state, initiative, command.deferToQuarter());
                return apply(state, initiative, to, MANUAL, command.reason(), Map.of(), actorId, null, context)
                        .chain(() -> moveAndRecord(state, List.of(initiative), target, "MANUAL", command.reason(),
                                actorId, context))
                        .call(() -> budgets.recompute(state, context, "Initiative deferred: " + initiative.title))
                        .map(ignored -> result(initiative, List.of()));
            }
            case IN_PROGRESS -> initiative.deliveryOwnerMemberId = command.deliveryOwnerMemberId();
            case COMPLETED -> {
                initiative.completedOn = command.completedOn();
                initiative.actualCost = MoneyInput.validated(command.actualCost(), "actualCost",
                        state.client().currency);
                if (initiative.actualCost != null) {
                    initiative.currency = state.client().currency;
                }
            }
            case REJECTED -> initiative.closeNote = command.reasonCode();
            case CLOSED -> {
                initiative.closeReason = from == COMPLETED ? "OUTCOME_REVIEWED"
                        : from == APPROVED || from == IN_PROGRESS ? "CANCELLED" : command.closeReason();
                initiative.closeNote = from == COMPLETED ? command.outcomeReview().note() : command.closeNote();
            }
            default -> {
            }
        }
        List<Map<String, Object>> warnings = new ArrayList<>();
        if ((to == IN_PROGRESS || to == COMPLETED) && !state.openFixFirst().isEmpty()) {
            warnings.add(Map.of("code", "FIX_FIRST_GATE_OPEN"));
        }
        String reasonText = command.reason() != null ? command.reason()
                : command.reasonCode() != null ? command.reasonCode() : from + " → " + to;
        Uni<Void> applied = apply(state, initiative, to, MANUAL, reasonText,
                overrides.isEmpty() ? Map.of() : Map.of("overrides", overrides), actorId, null, context);
        if (to == COMPLETED) {
            applied = applied.call(() -> outbox.append(RoadmapEvents.initiativeCompleted(initiative,
                    completedAt(state, initiative.completedOn)), context));
        }
        return applied.call(() -> budgets.recompute(state, context, to + ": " + initiative.title))
                .map(ignored -> result(initiative, warnings));
    }

    private Result result(InitiativeEntity initiative, List<Map<String, Object>> warnings) {
        return new Result(initiative, null, List.copyOf(warnings));
    }

    /**
     * → APPROVED with its decision: the budget gate's warnings (mode WARN), the expansion credit, and
     * {@code InitiativeApproved}. The caller recomputes the budget.
     */
    public Uni<Result> approve(ClientState state, InitiativeEntity initiative, DecisionColumn decision,
                               UUID proposalId, String reasonCode, String reasonText, String actorId,
                               EventContext context) {
        int fiscalYear = initiative.quarter() == null ? state.currentQuarter().fiscalYear()
                : initiative.quarter().fiscalYear();
        BudgetCalculator.FiscalYearFigures before = BudgetService.figures(state, fiscalYear);
        return policies.inForce(state.tenantId()).chain(policy ->
                budgetRows.find(state.tenantId(), state.clientId(), fiscalYear).chain(budget -> {
            initiative.creditEligible = decision.creditEligible();
            Uni<Void> applied = apply(state, initiative, APPROVED, reasonCode, reasonText,
                    decision.overrides().isEmpty() ? Map.of() : Map.of("overrides", decision.overrides()), actorId,
                    decision, context);
            return applied.map(ignored -> {
                BudgetCalculator.FiscalYearFigures after = BudgetService.figures(state, fiscalYear);
                List<Map<String, Object>> warnings = new ArrayList<>();
                EnvelopeCheck.exceeded(before, after, BudgetService.envelopes(budget == null ? null : budget.envelope))
                        .forEach(exceeded -> warnings.add(envelopeWarning(exceeded, state.client().currency)));
                boolean overridden = decision.overrides().stream().anyMatch(o -> GateRules.BUDGET.equals(o.gate()));
                if (!warnings.isEmpty() && policy.blocksOverEnvelope() && !overridden) {
                    // mode BLOCK (roadmap.md §5.6): the failure rolls back the state change written above
                    throw new DetailedProblem(409, "budget-envelope-exceeded", "Budget envelope exceeded",
                            "Approving " + initiative.title + " lifts committed spend above the client's envelope",
                            Map.of("exceeded", List.copyOf(warnings),
                                    "override", Map.of("allowedRoles", List.of("CS_LEADER"), "field", "overrides")));
                }
                return new Result(initiative, new Credit(decision.creditEligible(), decision.creditReasons()),
                        List.copyOf(warnings));
            }).call(() -> outbox.append(RoadmapEvents.initiativeApproved(initiative, state.now(), proposalId,
                    decision.budget(), decision.evidence(), decision.creditEligible()), context));
        }));
    }

    /** The state change itself: gap closing, history row and {@code InitiativeStateChanged}. */
    public Uni<Void> apply(ClientState state, InitiativeEntity initiative, InitiativeState to, String reasonCode,
                           String reasonText, Map<String, Object> inputs, String actorId, DecisionColumn decision,
                           EventContext context) {
        InitiativeState from = initiative.state;
        boolean wasOpen = initiative.isOpen();
        if (!wasOpen && to.isOpen()) {
            initiative.position = state.endOf(initiative.quarter);
        }
        initiative.state = to;
        initiative.updatedAt = state.now();
        if (wasOpen && !to.isOpen()) {
            state.closeGap(initiative.quarter);
        }
        return history.persist(InitiativeHistoryEntity.of(initiative, from.name(), to.name(), reasonCode, reasonText,
                        actorId, decision, state.now()))
                .call(() -> outbox.append(RoadmapEvents.initiativeStateChanged(initiative, from.name(), reasonCode,
                        reasonText, inputs, actorId), context))
                .replaceWithVoid();
    }

    /** Moves initiatives to the end of {@code target} in order and records one roadmap version with the moves. */
    public Uni<Void> moveAndRecord(ClientState state, List<InitiativeEntity> moving, Quarter target, String reason,
                                   String note, String actorId, EventContext context) {
        List<RoadmapMove> moves = moveToEnd(state, moving, target);
        if (moves.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return versions.record(state, reason, note == null || note.length() <= 200 ? note : note.substring(0, 200),
                actorId, moves, context);
    }

    static List<RoadmapMove> moveToEnd(ClientState state, List<InitiativeEntity> moving, Quarter target) {
        List<RoadmapMove> moves = new ArrayList<>();
        for (InitiativeEntity initiative : moving) {
            Quarter fromQuarter = initiative.quarter();
            if (target.equals(fromQuarter)) {
                continue;
            }
            int fromPosition = initiative.position;
            int toPosition = state.endOf(target.toString());
            initiative.moveTo(target, toPosition, state.client().fiscalCalendar(), state.now());
            state.closeGap(fromQuarter == null ? null : fromQuarter.toString());
            moves.add(new RoadmapMove(initiative.id, fromQuarter, target, fromPosition, toPosition));
        }
        return moves;
    }

    Quarter deferTarget(ClientState state, InitiativeEntity initiative, String requested) {
        Quarter own = initiative.quarter();
        if (requested == null) {
            return Deferral.nextQuarter(own, state.currentQuarter());
        }
        Quarter target = InitiativeService.quarterInWindow(state, requested, "deferToQuarter");
        if (own != null && target.compareTo(own) <= 0) {
            throw ProblemException.invalid("deferToQuarter", "quarter-out-of-range",
                    "deferToQuarter must lie after the initiative's quarter " + own);
        }
        return target;
    }

    /** Guards of roadmap.md §4 (422 {@code transition-guard-failed} with what is missing). */
    private static void guard(ClientState state, InitiativeEntity initiative, Command command) {
        List<String> missing = new ArrayList<>();
        InitiativeState from = initiative.state;
        switch (command.to()) {
            case INTERNAL_REVIEW -> {
                if (from == DRAFT) {
                    if (blank(initiative.summary)) {
                        missing.add("summary");
                    }
                    if (initiative.remediation && initiative.insightCodes().isEmpty()) {
                        missing.add("healthLinks.insightCode");
                    }
                }
            }
            case DRAFT -> require(missing, command.reason(), "reason");
            case PROPOSED -> {
                if (initiative.quarter == null) {
                    missing.add("quarter");
                }
                if (!initiative.estimate().hasAmount(initiative.remediation)) {
                    missing.add("estimate");
                }
            }
            case DEFERRED -> require(missing, command.reason(), "reason");
            case REJECTED -> require(missing, command.reasonCode(), "reasonCode");
            case APPROVED -> {
                if (command.decision() == null) {
                    missing.add("decision");
                }
            }
            case IN_PROGRESS -> require(missing, command.deliveryOwnerMemberId(), "deliveryOwnerMemberId");
            case COMPLETED -> {
                if (command.completedOn() == null) {
                    missing.add("completedOn");
                } else if (command.completedOn().isAfter(state.today())) {
                    throw ProblemException.invalid("completedOn", "future", "completedOn must not be after today");
                }
            }
            case CLOSED -> {
                if (from == COMPLETED) {
                    if (command.outcomeReview() == null) {
                        missing.add("outcomeReview");
                    }
                } else {
                    require(missing, command.closeNote(), "closeNote");
                    if (from != APPROVED && from != IN_PROGRESS && (command.closeReason() == null
                            || !OPEN_CLOSE_REASONS.contains(command.closeReason()))) {
                        missing.add("closeReason");
                    }
                }
            }
            default -> {
            }
        }
        if (!missing.isEmpty()) {
            throw DetailedProblem.unprocessable("transition-guard-failed", "Transition guard failed",
                    "Missing for " + from + " → " + command.to() + ": " + String.join(", ", missing),
                    Map.of("missing", missing));
        }
    }

    /**
     * P2/P3 of roadmap.md §5.4: client evidence (ESIGN, WRITTEN_CONFIRMATION) with reference, owner, date and budget;
     * CONTRACT_COVERED only for remediation. Returns the decision with its expansion credit.
     */
    static DecisionColumn decision(ClientState state, InitiativeEntity initiative, DecisionInput input,
                                   List<OverrideColumn> overrides) {
        if (input.evidence() != null && !EVIDENCE.contains(input.evidence())) {
            throw ProblemException.invalid("decision.evidence", "enum", "evidence must be one of " + EVIDENCE);
        }
        BigDecimal budget = MoneyInput.validated(input.budget(), "decision.budget", state.client().currency);
        List<String> missing = new ArrayList<>();
        if (input.evidence() == null) {
            missing.add("evidence");
        }
        boolean contractCovered = "CONTRACT_COVERED".equals(input.evidence());
        if (contractCovered && !initiative.remediation) {
            throw DetailedProblem.unprocessable("evidence-not-allowed", "Evidence not allowed",
                    "CONTRACT_COVERED approves remediation work only", Map.of());
        }
        if (!contractCovered) {
            require(missing, input.evidenceRef(), "evidenceRef");
            require(missing, input.clientOwner(), "clientOwner");
            if (input.decidedOn() == null) {
                missing.add("decidedOn");
            }
            if (budget == null) {
                missing.add("budget");
            }
        }
        if (!missing.isEmpty()) {
            throw DetailedProblem.unprocessable("approval-evidence-incomplete", "Approval evidence is incomplete",
                    "Missing: " + String.join(", ", missing), Map.of("missing", missing));
        }
        boolean evidenceComplete = CLIENT_EVIDENCE.contains(input.evidence());
        Credit credit = Credit.evaluate(evidenceComplete, initiative.quarter != null, initiative.remediation,
                !overrides.isEmpty(), initiative.adoptionMoveFailed);
        return new DecisionColumn("APPROVED", input.evidence(), input.evidenceRef(), input.clientOwner(),
                input.decidedOn() == null ? null : input.decidedOn().toString(),
                input.targetDate() == null ? null : input.targetDate().toString(), budget, state.client().currency,
                credit.eligible(), credit.reasons(), overrides);
    }

    static DetailedProblem invalidTransition(InitiativeState from, InitiativeState to) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("from", from);
        ext.put("to", to);
        ext.put("allowedNextStates", InitiativeTransitions.allowedNext(from));
        return new DetailedProblem(409, "invalid-transition", "Transition not allowed",
                "An initiative in " + from + " cannot move to " + to, ext);
    }

    private static Map<String, Object> envelopeWarning(EnvelopeCheck.Exceeded exceeded, String currency) {
        Map<String, Object> warning = new LinkedHashMap<>();
        warning.put("code", "BUDGET_ENVELOPE_EXCEEDED");
        warning.put("quarter", exceeded.quarter().toString());
        warning.put("category", exceeded.category().name());
        warning.put("envelope", new Money(exceeded.envelope().setScale(2), currency));
        warning.put("committedAfter", new Money(exceeded.committedAfter().setScale(2), currency));
        warning.put("overBy", new Money(exceeded.overBy().setScale(2), currency));
        return warning;
    }

    /** Completed today: now; an earlier day: its start in the tenant zone. */
    static Instant completedAt(ClientState state, LocalDate completedOn) {
        return completedOn.equals(state.today()) ? state.now() : completedOn.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static void require(List<String> missing, String value, String field) {
        if (blank(value)) {
            missing.add(field);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
