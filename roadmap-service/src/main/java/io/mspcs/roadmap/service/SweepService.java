package io.mspcs.roadmap.service;

import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.OutboxWriter;
import io.mspcs.outbox.TenantTransactions;
import io.mspcs.rest.TenantScope;
import io.mspcs.roadmap.domain.AgingBucket;
import io.mspcs.roadmap.domain.Deferral;
import io.mspcs.roadmap.domain.InitiativeState;
import io.mspcs.roadmap.domain.PreApproval;
import io.mspcs.roadmap.domain.Quarter;
import io.mspcs.roadmap.domain.RoadmapMove;
import io.mspcs.roadmap.domain.RoadmapPolicy;
import io.mspcs.roadmap.messaging.RoadmapEvents;
import io.mspcs.roadmap.repository.InitiativeEntity;
import io.mspcs.roadmap.repository.ProposalEntity;
import io.mspcs.roadmap.repository.ProposalEntity.Status;
import io.mspcs.roadmap.repository.ProposalRepository;
import io.mspcs.roadmap.repository.RoadmapPolicyRepository;
import io.mspcs.roadmap.repository.RoadmapRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The daily sweep of a tenant (roadmap.md §6.2, §7), driven by its roadmap policy: per client, pre-approvals go
 * STALE / LAPSED and the first sweep of a fiscal quarter rolls earlier open work into it; per SENT proposal, one
 * {@code ProposalAging} per first entry into a bucket and, past the last bucket's start, the auto-close. One
 * transaction per client and per proposal; every step is idempotent, so a rerun changes and emits nothing.
 */
@ApplicationScoped
public class SweepService {

    private static final Logger LOG = Logger.getLogger(SweepService.class);

    private final ClientStates states;
    private final ProposalRepository proposals;
    private final RoadmapRepository roadmaps;
    private final RoadmapPolicyRepository policies;
    private final TransitionService transitions;
    private final BudgetService budgets;
    private final RoadmapVersions versions;
    private final OutboxWriter outbox;
    private final Clock clock;

    public SweepService(ClientStates states, ProposalRepository proposals, RoadmapRepository roadmaps,
                        RoadmapPolicyRepository policies, TransitionService transitions, BudgetService budgets,
                        RoadmapVersions versions, OutboxWriter outbox, Clock clock) {
        this.states = states;
        this.proposals = proposals;
        this.roadmaps = roadmaps;
        this.policies = policies;
        this.transitions = transitions;
        this.budgets = budgets;
        this.versions = versions;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record SweepSummary(int swept, int agingEvents, int autoClosed, int rolledOverClients,
                               int preApprovalsFlagged) {
    }

    /**
     * Every minute, the tenants whose policy {@code sweepTime} (06:00 by default) is this minute. Tenant zones are not
     * configurable yet, so the time is UTC (README §4). One tenant's failure does not stop the others' sweeps.
     */
    @Scheduled(cron = "{cs.aging-sweep.cron:0 * * * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> scheduledSweep() {
        return dueTenants().chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(tenant -> sweep(tenant)
                                .onFailure().invoke(e -> LOG.warnf(e, "sweep of tenant %s failed", tenant))
                                .onFailure().recoverWithNull())
                        .collect().asList())
                .replaceWithVoid();
    }

    /**
     * The tenants whose policy {@code sweepTime} is this minute. Finding them has to look across tenants (the only
     * cross-tenant step of the sweep); each tenant's sweep then runs under that tenant alone.
     */
    Uni<List<UUID>> dueTenants() {
        String minute = LocalTime.ofInstant(clock.instant(), ClientRoadmap.TENANT_ZONE).truncatedTo(ChronoUnit.MINUTES)
                .toString();
        return TenantTransactions.inTransaction(TenantScope.allTenants("roadmap sweep: tenants due this minute"),
                () -> roadmaps.tenants().chain(tenants -> Multi.createFrom().iterable(tenants)
                        .onItem().transformToUniAndConcatenate(tenant -> policies.inForce(tenant)
                                .map(policy -> minute.equals(policy.sweepTime()) ? tenant : null))
                        .filter(java.util.Objects::nonNull).collect().asList()));
    }

    /**
     * The sweep of one tenant: clients first (flags, rollover), then the SENT proposals in sending order. Every
     * transaction names the tenant, whether the job or an operator's request started the sweep.
     */
    public Uni<SweepSummary> sweep(UUID tenantId) {
        TenantScope scope = TenantScope.tenant(tenantId);
        AtomicInteger rolled = new AtomicInteger();
        AtomicInteger flagged = new AtomicInteger();
        AtomicInteger aging = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        return TenantTransactions.inTransaction(scope, () -> policies.inForce(tenantId)
                        .chain(policy -> roadmaps.clientsOf(tenantId)
                                .chain(clients -> proposals.sentIds(tenantId)
                                        .map(sent -> new Work(policy, clients, sent)))))
                .chain(work -> Multi.createFrom().iterable(work.clients())
                        .onItem().transformToUniAndConcatenate(client -> TenantTransactions.inTransaction(scope,
                                () -> sweepClient(tenantId, client)).invoke(result -> {
                                    rolled.addAndGet(result[0]);
                                    flagged.addAndGet(result[1]);
                                }))
                        .collect().asList()
                        .chain(() -> Multi.createFrom().iterable(work.sent())
                                .onItem().transformToUniAndConcatenate(id -> TenantTransactions.inTransaction(scope,
                                        () -> sweepProposal(tenantId, id, work.policy())).invoke(result -> {
                                            aging.addAndGet(result[0]);
                                            closed.addAndGet(result[1]);
                                        }))
                                .collect().asList())
                        .map(done -> new SweepSummary(work.sent().size(), aging.get(), closed.get(), rolled.get(),
                                flagged.get())));
    }

    private record Work(RoadmapPolicy policy, List<UUID> clients, List<UUID> sent) {
    }

    /** @return {rolled over (0/1), pre-approvals flagged} */
    private Uni<int[]> sweepClient(UUID tenantId, UUID clientId) {
        Instant now = now();
        return states.known(tenantId, clientId, now).chain(state -> {
            RoadmapPolicy policy = state.policy();
            int flagged = 0;
            for (InitiativeEntity initiative : state.initiatives()) {
                if (initiative.preApproval == null) {
                    continue;
                }
                PreApproval aged = initiative.preApproval.aged(now, policy.preApprovalStaleDays(),
                        policy.preApprovalLapsedDays());
                if (aged != initiative.preApproval) {
                    initiative.preApproval = aged;
                    initiative.updatedAt = now;
                    flagged++;
                }
            }
            int flags = flagged;
            Quarter current = state.currentQuarter();
            if (current.toString().equals(state.roadmap().rolledOverTo)) {
                return Uni.createFrom().item(new int[]{0, flags});
            }
            state.roadmap().rolledOverTo = current.toString();
            state.roadmap().updatedAt = now;
            List<InitiativeEntity> behind = state.openInOrder().stream()
                    .filter(initiative -> initiative.state != InitiativeState.IN_PROGRESS)
                    .filter(initiative -> initiative.quarter() != null && initiative.quarter().compareTo(current) < 0)
                    .toList();
            if (behind.isEmpty()) {
                return Uni.createFrom().item(new int[]{0, flags});
            }
            List<RoadmapMove> moves = rollOver(state, behind, current);
            EventContext context = EventContext.ofRequest(tenantId, "aging-sweep-" + clientId);
            return versions.record(state, "QUARTER_ROLLOVER", "Rolled into " + current, null, moves, context)
                    .call(() -> budgets.recompute(state, context, "Quarter rollover into " + current))
                    .replaceWith(new int[]{1, flags});
        });
    }

    /** Leftovers go to the end of the current quarter in roadmap order (roadmap.md §7, §12.13). */
    private static List<RoadmapMove> rollOver(ClientState state, List<InitiativeEntity> behind, Quarter current) {
        List<RoadmapMove> moves = new ArrayList<>();
        for (InitiativeEntity initiative : behind) {
            Quarter fromQuarter = initiative.quarter();
            int fromPosition = initiative.position;
            int toPosition = state.endOf(current.toString());
            initiative.rollOverTo(current, toPosition, state.client().fiscalCalendar(), state.now());
            state.closeGap(fromQuarter.toString());
            moves.add(new RoadmapMove(initiative.id, fromQuarter, current, fromPosition, toPosition));
        }
        return moves;
    }

    /** @return {aging events emitted, auto-closed (0/1)} */
    private Uni<int[]> sweepProposal(UUID tenantId, UUID proposalId, RoadmapPolicy policy) {
        Instant now = now();
        return proposals.lockInTenant(tenantId, proposalId).chain(proposal -> {
            if (proposal == null || proposal.status != Status.SENT) {
                return Uni.createFrom().item(new int[]{0, 0});
            }
            long ageDays = AgingBucket.ageDays(proposal.sentAt, now);
            AgingBucket bucket = AgingBucket.of(ageDays, policy.agingBucketStartDays());
            EventContext context = EventContext.ofRequest(tenantId, "aging-sweep-" + proposal.id);
            Uni<Void> chain = Uni.createFrom().voidItem();
            int emitted = 0;
            if (bucket.emitsAfter(proposal.lastAgingBucket)) {
                proposal.lastAgingBucket = bucket;
                proposal.updatedAt = now;
                emitted = 1;
                chain = chain.call(() -> outbox.append(RoadmapEvents.proposalAging(proposal, ageDays, bucket.name()),
                        context));
            }
            int aging = emitted;
            if (bucket != AgingBucket.OVER_60 || !policy.autoClose()) {
                return chain.replaceWith(new int[]{aging, 0});
            }
            return chain.chain(() -> autoClose(proposal, ageDays, now, context)).replaceWith(new int[]{aging, 1});
        });
    }

    /** Past the last bucket: CLOSED AUTO_CLOSED; PROPOSED work deferred to the next quarter; one version; budgets. */
    private Uni<Void> autoClose(ProposalEntity proposal, long ageDays, Instant now, EventContext context) {
        return states.known(proposal.tenantId, proposal.clientId, now).chain(state -> {
            proposal.status = Status.CLOSED;
            proposal.closeReason = "AUTO_CLOSED";
            proposal.closedAt = now;
            proposal.updatedAt = now;
            List<InitiativeEntity> work = proposal.initiativeIds().stream().map(state::initiative)
                    .filter(i -> i.state == InitiativeState.PROPOSED).toList();
            List<UUID> ids = work.stream().map(i -> i.id).toList();
            List<RoadmapMove> moves = new ArrayList<>();
            Uni<Void> chain = outbox.append(RoadmapEvents.proposalClosed(proposal, ageDays, ids), context)
                    .replaceWithVoid();
            for (InitiativeEntity initiative : work) {
                initiative.openProposalId = null;
                initiative.preApproval = null;
                Quarter target = Deferral.nextQuarter(initiative.quarter(), state.currentQuarter());
                chain = chain.call(() -> transitions.apply(state, initiative, InitiativeState.DEFERRED,
                                "PROPOSAL_AUTO_CLOSED", "Proposal unanswered for " + ageDays + " days",
                                Map.of("proposalId", proposal.id.toString()), null, null, context))
                        .invoke(() -> moves.addAll(TransitionService.moveToEnd(state, List.of(initiative), target)));
            }
            return chain
                    .call(() -> moves.isEmpty() ? Uni.createFrom().voidItem()
                            : versions.record(state, "PROPOSAL_CLOSED", "Proposal auto-closed", null, moves, context))
                    .call(() -> budgets.recompute(state, context, "Proposal auto-closed: " + proposal.title));
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
