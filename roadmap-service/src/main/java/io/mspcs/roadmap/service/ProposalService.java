package io.mspcs.roadmap.service;

import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.OutboxWriter;
import io.mspcs.rest.ProblemException;
import io.mspcs.roadmap.domain.AgingBucket;
import io.mspcs.roadmap.domain.DeclineReason;
import io.mspcs.roadmap.domain.InitiativeState;
import io.mspcs.roadmap.domain.Quarter;
import io.mspcs.roadmap.domain.RoadmapMove;
import io.mspcs.roadmap.messaging.RoadmapEvents;
import io.mspcs.roadmap.repository.DecisionColumn;
import io.mspcs.roadmap.repository.IdsColumn;
import io.mspcs.roadmap.repository.InitiativeEntity;
import io.mspcs.roadmap.repository.InitiativeRepository;
import io.mspcs.roadmap.repository.OverrideColumn;
import io.mspcs.roadmap.repository.OverridesColumn;
import io.mspcs.roadmap.repository.ProposalEntity;
import io.mspcs.roadmap.repository.ProposalEntity.Status;
import io.mspcs.roadmap.repository.ProposalRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Proposals (roadmap.md §6): lifecycle, aging sweep and auto-close; one request or proposal, one transaction. */
@ApplicationScoped
public class ProposalService {

    private static final Set<InitiativeState> PROPOSABLE = Set.of(InitiativeState.INTERNAL_REVIEW,
            InitiativeState.PROPOSED, InitiativeState.DEFERRED);
    private static final Set<String> CHANNELS = Set.of("EMAIL", "PORTAL", "LIVE", "ESIGN");
    private static final Set<String> ACCEPT_EVIDENCE = Set.of("ESIGN", "WRITTEN_CONFIRMATION");

    private final ClientStates states;
    private final ProposalRepository proposals;
    private final InitiativeRepository initiatives;
    private final TransitionService transitions;
    private final BudgetService budgets;
    private final RoadmapVersions versions;
    private final OutboxWriter outbox;
    private final Clock clock;

    public ProposalService(ClientStates states, ProposalRepository proposals, InitiativeRepository initiatives,
                           TransitionService transitions, BudgetService budgets, RoadmapVersions versions,
                           OutboxWriter outbox, Clock clock) {
        this.states = states;
        this.proposals = proposals;
        this.initiatives = initiatives;
        this.transitions = transitions;
        this.budgets = budgets;
        this.versions = versions;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record NewProposal(String title, List<UUID> initiativeIds, LocalDate validUntil, String ownerMemberId,
                              List<OverrideInput> overrides, UUID supersedesProposalId) {
    }

    public record SendInput(String channel, LocalDate validUntil, List<OverrideInput> overrides) {
    }

    public record AcceptInput(String evidence, String evidenceRef, String clientOwner, Instant acceptedAt,
                              LocalDate targetDate, MoneyInput budget, List<OverrideInput> overrides) {
    }

    public record DeclineInput(String reasonCode, String reasonText, String deferToQuarter) {
    }

    public record Outcome(ProposalEntity proposal, List<Map<String, Object>> warnings) {
    }

    @WithTransaction
    public Uni<ProposalEntity> create(UUID tenantId, String correlationId, UUID clientId, NewProposal input,
                                      Actor actor) {
        String title = InitiativeService.text(input.title(), "title", 140, true);
        List<UUID> ids = input.initiativeIds() == null ? List.of() : input.initiativeIds();
        if (ids.isEmpty() || ids.size() > 20) {
            throw ProblemException.invalid("initiativeIds", "size", "a proposal holds 1 to 20 initiatives");
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw ProblemException.invalid("initiativeIds", "duplicate", "an initiative is listed twice");
        }
        List<OverrideColumn> overrides = GateRules.checkOverrides(input.overrides(), actor);
        Instant now = now();
        return states.known(tenantId, clientId, now).chain(state -> {
            InitiativeService.requireActive(state.client());
            return resolve(state, ids).chain(work -> superseded(state, input.supersedesProposalId())
                    .chain(replaced -> proposals.openOfClient(tenantId, clientId).chain(open -> {
                checkProposable(work, open, replaced == null ? null : replaced.id);
                GateRules.fixFirst(state, work, overrides);
                GateRules.sequencing(state, work, overrides);
                checkPreApproval(state, work, overrides);
                ProposalEntity proposal = new ProposalEntity();
                proposal.id = UUID.randomUUID();
                proposal.tenantId = tenantId;
                proposal.clientId = clientId;
                proposal.title = title;
                proposal.proposalVersion = replaced == null ? 1 : replaced.proposalVersion + 1;
                proposal.supersedesProposalId = replaced == null ? null : replaced.id;
                proposal.initiativeIds = new IdsColumn(ids);
                proposal.currency = state.client().currency;
                proposal.status = Status.DRAFT;
                proposal.validUntil = input.validUntil();
                proposal.ownerMemberId = input.ownerMemberId();
                proposal.overrides = new OverridesColumn(overrides);
                proposal.createdAt = now;
                proposal.updatedAt = now;
                sums(proposal, work);
                return proposals.persist(proposal);
            })));
        });
    }

    /**
     * The proposal a new version replaces (roadmap.md §3.5, §6.1): of the same client, SENT or DECLINED and not
     * replaced already; its initiatives may sit in the new draft. Null when nothing is superseded.
     */
    private Uni<ProposalEntity> superseded(ClientState state, UUID supersedesProposalId) {
        if (supersedesProposalId == null) {
            return Uni.createFrom().nullItem();
        }
        return proposals.lockInTenant(state.tenantId(), supersedesProposalId).map(replaced -> {
            if (replaced == null) {
                throw notFound(supersedesProposalId);
            }
            if (!replaced.clientId.equals(state.clientId())) {
                throw DetailedProblem.unprocessable("proposal-client-mismatch", "Proposal of another client",
                        "A proposal supersedes one of its own client only",
                        Map.of("supersedesProposalId", supersedesProposalId));
            }
            if (!supersedable(replaced)) {
                throw invalidState(replaced, "superseded");
            }
            return replaced;
        }).call(replaced -> proposals.supersedingDraft(state.tenantId(), replaced.id).invoke(draft -> {
            if (draft != null) {
                throw new DetailedProblem(409, "proposal-already-superseded", "Proposal already has a new version",
                        "Draft " + draft.id + " already supersedes this proposal",
                        Map.of("supersedingProposalId", draft.id));
            }
        }));
    }

    private static boolean supersedable(ProposalEntity proposal) {
        return (proposal.status == Status.SENT || proposal.status == Status.DECLINED) && proposal.supersededBy == null;
    }

    /** PATCH of a DRAFT proposal (roadmap.md §6.1 edit): absent fields stay as they are. */
    public record ProposalEdit(String title, List<UUID> initiativeIds, LocalDate validUntil, String ownerMemberId,
                               List<OverrideInput> overrides) {
    }

    /**
     * Edits a DRAFT: title, initiatives (checked as on create, gates and P1 included), validUntil, owner; the sums
     * are recomputed; no event. {@code ifMatch} is the row version the proposal's ETag carries.
     */
    @WithTransaction
    public Uni<ProposalEntity> edit(UUID tenantId, UUID proposalId, Integer ifMatch, ProposalEdit input,
                                    Actor actor) {
        String title = input.title() == null ? null : InitiativeService.text(input.title(), "title", 140, true);
        List<UUID> ids = input.initiativeIds();
        if (ids != null) {
            if (ids.isEmpty() || ids.size() > 20) {
                throw ProblemException.invalid("initiativeIds", "size", "a proposal holds 1 to 20 initiatives");
            }
            if (new HashSet<>(ids).size() != ids.size()) {
                throw ProblemException.invalid("initiativeIds", "duplicate", "an initiative is listed twice");
            }
        }
        if (input.ownerMemberId() != null && input.ownerMemberId().length() > 100) {
            throw ProblemException.invalid("ownerMemberId", "length", "ownerMemberId is at most 100 characters");
        }
        List<OverrideColumn> overrides = GateRules.checkOverrides(input.overrides(), actor);
        Instant now = now();
        return locked(tenantId, proposalId).chain(proposal -> {
            if (ifMatch != null && ifMatch != proposal.version) {
                throw new ProblemException(412, "version-mismatch", "Version mismatch",
                        "Proposal is at version " + proposal.version + ", not " + ifMatch, List.of());
            }
            requireStatus(proposal, Status.DRAFT, "edit");
            return states.known(tenantId, proposal.clientId, now).chain(state -> {
                InitiativeService.requireActive(state.client());
                if (input.validUntil() != null && input.validUntil().isBefore(state.today())) {
                    throw ProblemException.invalid("validUntil", "before-today", "validUntil lies in the past");
                }
                List<UUID> wanted = ids == null ? proposal.initiativeIds() : ids;
                return resolve(state, wanted).chain(work -> proposals.openOfClient(tenantId, proposal.clientId)
                        .map(open -> {
                            List<OverrideColumn> all = merged(proposal, overrides);
                            if (ids != null) {
                                checkProposable(work, open, proposal.id, proposal.supersedesProposalId);
                                GateRules.fixFirst(state, work, all);
                                GateRules.sequencing(state, work, all);
                                checkPreApproval(state, work, all);
                                proposal.initiativeIds = new IdsColumn(ids);
                            }
                            if (title != null) {
                                proposal.title = title;
                            }
                            if (input.validUntil() != null) {
                                proposal.validUntil = input.validUntil();
                            }
                            if (input.ownerMemberId() != null) {
                                proposal.ownerMemberId = input.ownerMemberId();
                            }
                            proposal.overrides = new OverridesColumn(all);
                            proposal.updatedAt = now;
                            // estimates may have changed since the draft was made: the sums follow them
                            sums(proposal, work);
                            return proposal;
                        }));
            });
        }).call(proposals::flush);
    }

    @WithTransaction
    public Uni<ProposalEntity> send(UUID tenantId, String correlationId, UUID proposalId, SendInput input,
                                    Actor actor) {
        if (input.channel() == null || !CHANNELS.contains(input.channel())) {
            throw ProblemException.invalid("channel", input.channel() == null ? "required" : "enum",
                    "channel must be one of " + CHANNELS);
        }
        List<OverrideColumn> added = GateRules.checkOverrides(input.overrides(), actor);
        Instant now = now();
        return locked(tenantId, proposalId).chain(proposal -> states.known(tenantId, proposal.clientId, now)
                .chain(state -> {
                    requireStatus(proposal, Status.DRAFT, "send");
                    List<OverrideColumn> overrides = merged(proposal, added);
                    List<InitiativeEntity> work = proposal.initiativeIds().stream().map(state::initiative).toList();
                    GateRules.fixFirst(state, work, overrides);
                    GateRules.sequencing(state, work, overrides);
                    checkPreApproval(state, work, overrides);
                    return replacedOnSend(tenantId, proposal).chain(replaced -> sendChecked(state, proposal, replaced,
                            work, overrides, input, actor, correlationId, now));
                }));
    }

    /** At send the superseded proposal must still be replaceable (it may have been accepted meanwhile). */
    private Uni<ProposalEntity> replacedOnSend(UUID tenantId, ProposalEntity proposal) {
        if (proposal.supersedesProposalId == null) {
            return Uni.createFrom().nullItem();
        }
        return proposals.lockInTenant(tenantId, proposal.supersedesProposalId).invoke(replaced -> {
            if (replaced != null && !supersedable(replaced)) {
                throw invalidState(replaced, "superseded");
            }
        });
    }

    private Uni<ProposalEntity> sendChecked(ClientState state, ProposalEntity proposal, ProposalEntity replaced,
                                            List<InitiativeEntity> work, List<OverrideColumn> overrides,
                                            SendInput input, Actor actor, String correlationId, Instant now) {
        UUID tenantId = state.tenantId();
        LocalDate today = state.today();
        LocalDate validUntil = input.validUntil() != null ? input.validUntil()
                : proposal.validUntil != null ? proposal.validUntil : today.plusDays(state.policy().proposalValidityDays());
        if (validUntil.isBefore(today) || validUntil.isAfter(today.plusDays(365))) {
            throw ProblemException.invalid("validUntil", "range",
                    "validUntil lies between today and 365 days after sending");
        }
        proposal.status = Status.SENT;
        proposal.channel = input.channel();
        proposal.sentAt = now;
        proposal.validUntil = validUntil;
        proposal.overrides = new OverridesColumn(overrides);
        proposal.updatedAt = now;
        EventContext context = EventContext.ofRequest(tenantId, correlationId);
        Uni<Void> chain = replaced == null ? Uni.createFrom().voidItem()
                : supersede(state, replaced, proposal, actor, context, now);
        for (InitiativeEntity initiative : work) {
            initiative.openProposalId = proposal.id;
            if (initiative.preApproval != null && initiative.preApproval.counts()) {
                initiative.preApproval = initiative.preApproval.converted();
            }
            if (initiative.state != InitiativeState.PROPOSED) {
                chain = chain.call(() -> transitions.apply(state, initiative, InitiativeState.PROPOSED,
                        "PROPOSAL_SENT", "Sent in proposal " + proposal.title,
                        Map.of("proposalId", proposal.id.toString()), actor.principalId(), null,
                        context));
            }
        }
        return chain.call(() -> outbox.append(RoadmapEvents.proposalSent(proposal), context))
                .call(() -> budgets.recompute(state, context, "Proposal sent: " + proposal.title))
                .replaceWith(proposal);
    }

    /**
     * The new version is sent (roadmap.md §6.1): a SENT predecessor closes SUPERSEDED with {@code ProposalClosed},
     * its PROPOSED initiatives left out of the new version go back to INTERNAL_REVIEW (#8); a DECLINED one only
     * gets the link.
     */
    private Uni<Void> supersede(ClientState state, ProposalEntity replaced, ProposalEntity successor, Actor actor,
                                EventContext context, Instant now) {
        replaced.supersededBy = successor.id;
        replaced.updatedAt = now;
        if (replaced.status != Status.SENT) {
            return Uni.createFrom().voidItem();
        }
        replaced.status = Status.CLOSED;
        replaced.closeReason = "SUPERSEDED";
        replaced.closedAt = now;
        Uni<Void> chain = outbox.append(RoadmapEvents.proposalClosed(replaced,
                AgingBucket.ageDays(replaced.sentAt, now), List.of()), context).replaceWithVoid();
        for (UUID id : replaced.initiativeIds()) {
            InitiativeEntity initiative = state.initiative(id);
            if (initiative == null || successor.initiativeIds().contains(id)) {
                continue;
            }
            if (replaced.id.equals(initiative.openProposalId)) {
                initiative.openProposalId = null;
            }
            if (initiative.state == InitiativeState.PROPOSED) {
                chain = chain.call(() -> transitions.apply(state, initiative, InitiativeState.INTERNAL_REVIEW,
                        "LEFT_OUT_OF_SUPERSEDING_PROPOSAL", "Left out of proposal " + successor.title,
                        Map.of("proposalId", successor.id.toString()), actor.principalId(), null, context));
            }
        }
        return chain;
    }

    @WithTransaction
    public Uni<Outcome> accept(UUID tenantId, String correlationId, UUID proposalId, AcceptInput input,
                               Actor actor) {
        if (input.evidence() != null && !ACCEPT_EVIDENCE.contains(input.evidence())) {
            throw ProblemException.invalid("evidence", "enum", "evidence must be one of " + ACCEPT_EVIDENCE);
        }
        List<OverrideColumn> added = GateRules.checkOverrides(input.overrides(), actor);
        Instant now = now();
        return locked(tenantId, proposalId).chain(proposal -> states.known(tenantId, proposal.clientId, now)
                .chain(state -> {
                    requireStatus(proposal, Status.SENT, "accept");
                    if (state.today().isAfter(proposal.validUntil)) {
                        throw DetailedProblem.conflict("proposal-expired", "Proposal has expired",
                                "The proposal was valid until " + proposal.validUntil);
                    }
                    List<OverrideColumn> overrides = merged(proposal, added);
                    List<InitiativeEntity> work = proposal.initiativeIds().stream().map(state::initiative).toList();
                    GateRules.fixFirst(state, work, overrides);
                    GateRules.sequencing(state, work, overrides);
                    BigDecimal budget = MoneyInput.validated(input.budget(), "budget", state.client().currency);
                    List<String> missing = new ArrayList<>();
                    if (input.evidence() == null) {
                        missing.add("evidence");
                    }
                    if (blank(input.evidenceRef())) {
                        missing.add("evidenceRef");
                    }
                    if (blank(input.clientOwner())) {
                        missing.add("clientOwner");
                    }
                    if (budget == null) {
                        missing.add("budget");
                    }
                    if (!missing.isEmpty()) {
                        throw DetailedProblem.unprocessable("approval-evidence-incomplete",
                                "Approval evidence is incomplete", "Missing: " + String.join(", ", missing),
                                Map.of("missing", missing));
                    }
                    Instant acceptedAt = input.acceptedAt() == null ? now : input.acceptedAt();
                    boolean overridden = !overrides.isEmpty();
                    boolean anyRemediation = work.stream().anyMatch(i -> i.remediation);
                    var credit = io.mspcs.roadmap.domain.Credit.evaluate(true,
                            work.stream().allMatch(i -> i.quarter != null), anyRemediation, overridden,
                            work.stream().anyMatch(i -> i.adoptionMoveFailed));
                    DecisionColumn decision = new DecisionColumn("APPROVED", input.evidence(), input.evidenceRef(),
                            input.clientOwner(), acceptedAt.toString().substring(0, 10),
                            input.targetDate() == null ? null : input.targetDate().toString(), budget,
                            state.client().currency, credit.eligible(), credit.reasons(), overrides);
                    proposal.status = Status.ACCEPTED;
                    proposal.decision = decision;
                    proposal.decidedAt = acceptedAt;
                    proposal.updatedAt = now;
                    EventContext context = EventContext.ofRequest(tenantId, correlationId);
                    List<Map<String, Object>> warnings = new ArrayList<>();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (InitiativeEntity initiative : work) {
                        initiative.openProposalId = null;
                        DecisionColumn own = new DecisionColumn("APPROVED", "PROPOSAL_ACCEPTED", proposal.id.toString(),
                                input.clientOwner(), decision.decidedOn(), decision.targetDate(), null,
                                state.client().currency, credit.eligible() && !initiative.remediation,
                                credit.reasons(), overrides);
                        chain = chain.call(() -> transitions.approve(state, initiative, own, proposal.id,
                                "PROPOSAL_ACCEPTED", "Accepted with proposal " + proposal.title, actor.principalId(),
                                context).invoke(result -> warnings.addAll(result.warnings())));
                    }
                    return chain
                            .call(() -> outbox.append(RoadmapEvents.proposalAccepted(proposal, credit.eligible()),
                                    context))
                            .call(() -> budgets.recompute(state, context, "Proposal accepted: " + proposal.title))
                            .map(ignored -> new Outcome(proposal, warnings));
                }));
    }

    @WithTransaction
    public Uni<ProposalEntity> decline(UUID tenantId, String correlationId, UUID proposalId, DeclineInput input,
                                       Actor actor) {
        DeclineReason reason = InitiativeService.enumValue(DeclineReason.class, input.reasonCode(), "reasonCode",
                null);
        if (reason == DeclineReason.OTHER && blank(input.reasonText())) {
            throw ProblemException.invalid("reasonText", "required", "OTHER needs a reasonText");
        }
        InitiativeService.text(input.reasonText(), "reasonText", 500, false);
        Instant now = now();
        return locked(tenantId, proposalId).chain(proposal -> states.known(tenantId, proposal.clientId, now)
                .chain(state -> {
                    requireStatus(proposal, Status.SENT, "decline");
                    Quarter requested = input.deferToQuarter() == null ? null
                            : InitiativeService.quarterInWindow(state, input.deferToQuarter(), "deferToQuarter");
                    proposal.status = Status.DECLINED;
                    proposal.declineReasonCode = reason.name();
                    proposal.declineReasonText = input.reasonText();
                    proposal.decidedAt = now;
                    proposal.updatedAt = now;
                    EventContext context = EventContext.ofRequest(tenantId, correlationId);
                    InitiativeState to = reason.initiativesGoTo();
                    List<InitiativeEntity> work = proposal.initiativeIds().stream().map(state::initiative)
                            .filter(i -> i.state == InitiativeState.PROPOSED).toList();
                    List<RoadmapMove> moves = new ArrayList<>();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (InitiativeEntity initiative : work) {
                        initiative.openProposalId = null;
                        initiative.preApproval = null;
                        Quarter target = reason.deferTo(initiative.quarter(), state.currentQuarter(), requested);
                        chain = chain.call(() -> transitions.apply(state, initiative, to, "PROPOSAL_DECLINED",
                                        reason.name() + (input.reasonText() == null ? "" : ": " + input.reasonText()),
                                        Map.of("proposalId", proposal.id.toString()), actor.principalId(), null,
                                        context))
                                .invoke(() -> {
                                    if (to == InitiativeState.DEFERRED) {
                                        moves.addAll(TransitionService.moveToEnd(state, List.of(initiative), target));
                                    }
                                });
                    }
                    return chain
                            .call(() -> moves.isEmpty() ? Uni.createFrom().voidItem()
                                    : versions.record(state, "PROPOSAL_DEFERRED", "Declined: " + reason.name(),
                                    actor.principalId(), moves, context))
                            .call(() -> outbox.append(RoadmapEvents.proposalDeclined(proposal, !moves.isEmpty()),
                                    context))
                            .call(() -> budgets.recompute(state, context, "Proposal declined: " + proposal.title))
                            .replaceWith(proposal);
                }));
    }

    @WithTransaction
    public Uni<ProposalEntity> withdraw(UUID tenantId, String correlationId, UUID proposalId, String reason,
                                        Actor actor) {
        InitiativeService.text(reason, "reason", 500, true);
        Instant now = now();
        return locked(tenantId, proposalId).chain(proposal -> states.known(tenantId, proposal.clientId, now)
                .chain(state -> {
                    if (!proposal.isOpen()) {
                        throw invalidState(proposal, "withdraw");
                    }
                    return withdrawIn(state, proposal, reason, actor.principalId(),
                            EventContext.ofRequest(tenantId, correlationId), now).replaceWith(proposal);
                }));
    }

    /**
     * Closes an open proposal WITHDRAWN in the caller's transaction: its PROPOSED work goes back to INTERNAL_REVIEW
     * (#8); a SENT one emits {@code ProposalClosed}. Also used when the client churns (roadmap.md §8.2).
     */
    Uni<Void> withdrawIn(ClientState state, ProposalEntity proposal, String reason, String actorId,
                         EventContext context, Instant now) {
        boolean wasSent = proposal.status == Status.SENT;
        proposal.status = Status.CLOSED;
        proposal.closeReason = "WITHDRAWN";
        proposal.closedAt = now;
        proposal.updatedAt = now;
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID id : proposal.initiativeIds()) {
            InitiativeEntity initiative = state.initiative(id);
            if (initiative == null) {
                continue;
            }
            if (proposal.id.equals(initiative.openProposalId)) {
                initiative.openProposalId = null;
            }
            if (wasSent && initiative.state == InitiativeState.PROPOSED) {
                chain = chain.call(() -> transitions.apply(state, initiative, InitiativeState.INTERNAL_REVIEW,
                        "PROPOSAL_WITHDRAWN", reason, Map.of("proposalId", proposal.id.toString()), actorId, null,
                        context));
            }
        }
        if (!wasSent) {
            return chain;
        }
        long ageDays = AgingBucket.ageDays(proposal.sentAt, now);
        return chain.call(() -> outbox.append(RoadmapEvents.proposalClosed(proposal, ageDays, List.of()), context))
                .call(() -> budgets.recompute(state, context, "Proposal withdrawn: " + proposal.title));
    }

    /** A decline reason added after auto-close (roadmap.md §6.2): once, no event. */
    @WithTransaction
    public Uni<ProposalEntity> closeReason(UUID tenantId, UUID proposalId, DeclineInput input) {
        DeclineReason reason = InitiativeService.enumValue(DeclineReason.class, input.reasonCode(), "reasonCode",
                null);
        InitiativeService.text(input.reasonText(), "reasonText", 500, false);
        return locked(tenantId, proposalId).invoke(proposal -> {
            if (proposal.status != Status.CLOSED || !"AUTO_CLOSED".equals(proposal.closeReason)
                    || proposal.declineReasonCode != null) {
                throw invalidState(proposal, "given a close reason");
            }
            proposal.declineReasonCode = reason.name();
            proposal.declineReasonText = input.reasonText();
            proposal.updatedAt = now();
        });
    }

    @WithTransaction
    public Uni<ProposalEntity> get(UUID tenantId, UUID proposalId) {
        return proposals.findInTenant(tenantId, proposalId).onItem().ifNull().failWith(() -> notFound(proposalId));
    }

    @WithTransaction
    public Uni<List<ProposalEntity>> list(UUID tenantId, ProposalRepository.Filter filter) {
        return proposals.list(tenantId, filter);
    }

    /** Resolves ids in the tenant: 422 for another client's initiative or an unknown one. */
    private Uni<List<InitiativeEntity>> resolve(ClientState state, List<UUID> ids) {
        List<UUID> foreign = ids.stream().filter(id -> state.initiative(id) == null).toList();
        if (foreign.isEmpty()) {
            return Uni.createFrom().item(ids.stream().map(state::initiative).toList());
        }
        return initiatives.list("tenantId = ?1 and id in ?2", state.tenantId(), foreign).map(others -> {
            if (!others.isEmpty()) {
                throw DetailedProblem.unprocessable("initiative-client-mismatch", "Initiative of another client",
                        "A proposal holds initiatives of one client only",
                        Map.of("initiativeIds", others.stream().map(i -> i.id).toList()));
            }
            throw DetailedProblem.unprocessable("initiative-not-found", "Initiative not found",
                    "Unknown initiatives", Map.of("initiativeIds", foreign));
        });
    }

    /** @param excluded open proposals the initiatives may sit in: the one edited and the one it supersedes */
    private static void checkProposable(List<InitiativeEntity> work, List<ProposalEntity> open, UUID... excluded) {
        Set<UUID> allowed = new HashSet<>();
        for (UUID id : excluded) {
            if (id != null) {
                allowed.add(id);
            }
        }
        for (InitiativeEntity initiative : work) {
            if (!PROPOSABLE.contains(initiative.state) || initiative.quarter == null
                    || !initiative.estimate().hasAmount(initiative.remediation)) {
                throw new DetailedProblem(409, "initiative-not-proposable", "Initiative cannot be proposed",
                        "Initiative " + initiative.id + " needs INTERNAL_REVIEW, PROPOSED or DEFERRED, a quarter and"
                                + " an estimate", Map.of("initiativeIds", List.of(initiative.id)));
            }
            boolean elsewhere = open.stream().filter(p -> !allowed.contains(p.id))
                    .anyMatch(p -> p.initiativeIds().contains(initiative.id));
            if (elsewhere) {
                throw new DetailedProblem(409, "initiative-in-open-proposal", "Initiative is in an open proposal",
                        "Initiative " + initiative.id + " is already in an open proposal",
                        Map.of("initiativeIds", List.of(initiative.id)));
            }
        }
    }

    /**
     * P1 (roadmap.md §5.4): non-remediation work needs a counted pre-approval, unless PRE_APPROVAL is overridden or
     * the tenant policy does not require pre-approval.
     */
    private static void checkPreApproval(ClientState state, List<InitiativeEntity> work,
                                         List<OverrideColumn> overrides) {
        if (!state.policy().preApprovalRequired() || GateRules.overridden(overrides, GateRules.PRE_APPROVAL)) {
            return;
        }
        List<UUID> missing = work.stream().filter(i -> !i.remediation)
                .filter(i -> i.preApproval == null || !i.preApproval.counts()).map(i -> i.id).toList();
        if (!missing.isEmpty()) {
            throw DetailedProblem.unprocessable("pre-approval-missing", "Pre-approval missing",
                    "New work needs the client's pre-approval (owner, quarter, budget band) before a proposal",
                    Map.of("initiativeIds", missing));
        }
    }

    private static void sums(ProposalEntity proposal, List<InitiativeEntity> work) {
        BigDecimal oneTime = BigDecimal.ZERO.setScale(2);
        BigDecimal recurring = BigDecimal.ZERO.setScale(2);
        for (InitiativeEntity initiative : work) {
            oneTime = oneTime.add(initiative.estimate().oneTimeOrZero());
            recurring = recurring.add(initiative.estimate().recurringOrZero());
        }
        proposal.oneTime = oneTime;
        proposal.recurringMonthly = recurring;
        proposal.deliveryMode = oneTime.signum() == 0 && recurring.signum() > 0 ? "ONGOING" : "PROJECT";
    }

    private static List<OverrideColumn> merged(ProposalEntity proposal, List<OverrideColumn> added) {
        List<OverrideColumn> all = new ArrayList<>(proposal.overrides.items());
        all.addAll(added);
        return List.copyOf(all);
    }

    private Uni<ProposalEntity> locked(UUID tenantId, UUID proposalId) {
        return proposals.lockInTenant(tenantId, proposalId).onItem().ifNull().failWith(() -> notFound(proposalId));
    }

    private static void requireStatus(ProposalEntity proposal, Status expected, String action) {
        if (proposal.status != expected) {
            throw invalidState(proposal, action);
        }
    }

    static DetailedProblem invalidState(ProposalEntity proposal, String action) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("status", proposal.status.name());
        ext.put("allowedActions", allowedActions(proposal.status));
        return new DetailedProblem(409, "invalid-proposal-state", "Proposal action not allowed",
                "A " + proposal.status + " proposal cannot be " + (action.startsWith("given") ? action
                        : action + (action.endsWith("e") ? "d" : "ed")), ext);
    }

    static List<String> allowedActions(Status status) {
        return switch (status) {
            case DRAFT -> List.of("edit", "send", "withdraw");
            case SENT -> List.of("accept", "decline", "withdraw");
            case CLOSED -> List.of("close-reason");
            default -> List.of();
        };
    }

    private static ProblemException notFound(UUID proposalId) {
        return new ProblemException(404, "proposal-not-found", "Proposal not found",
                "Proposal " + proposalId + " does not exist", List.of());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
