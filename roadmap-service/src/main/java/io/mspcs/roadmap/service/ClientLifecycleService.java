package io.mspcs.roadmap.service;

import io.mspcs.contracts.EventEnvelope;
import io.mspcs.outbox.EventContext;
import io.mspcs.roadmap.domain.FiscalCalendar;
import io.mspcs.roadmap.domain.Placement;
import io.mspcs.roadmap.domain.Quarter;
import io.mspcs.roadmap.domain.RoadmapMove;
import io.mspcs.roadmap.repository.BudgetEntity;
import io.mspcs.roadmap.repository.BudgetLineEntity;
import io.mspcs.roadmap.repository.BudgetRepository;
import io.mspcs.roadmap.repository.ClientViewEntity;
import io.mspcs.roadmap.repository.EnvelopeColumn;
import io.mspcs.roadmap.repository.InitiativeEntity;
import io.mspcs.roadmap.repository.ProposalRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * ClientRegistered / ClientUpdated (roadmap.md §8.2), inside the consumer's transaction with the roadmap locked. Both
 * carry the full snapshot; one older than the view applied changes nothing. A changed fiscal-year end re-plans: every
 * item keeps its first calendar month and takes the fiscal quarter holding it ({@code RoadmapResequenced
 * FISCAL_YEAR_CHANGED}, {@code BudgetUpdated} per changed FY). A client turning CHURNED gets its open proposals
 * closed WITHDRAWN; new initiatives and proposals are then refused (409 {@code client-churned}).
 */
@ApplicationScoped
public class ClientLifecycleService {

    static final String CHURNED = "CHURNED";

    private final ClientStates states;
    private final ClientViewService clients;
    private final RoadmapVersions versions;
    private final BudgetService budgets;
    private final BudgetRepository budgetRows;
    private final ProposalRepository proposals;
    private final ProposalService proposalService;
    private final Clock clock;

    public ClientLifecycleService(ClientStates states, ClientViewService clients, RoadmapVersions versions,
                                  BudgetService budgets, BudgetRepository budgetRows, ProposalRepository proposals,
                                  ProposalService proposalService, Clock clock) {
        this.states = states;
        this.clients = clients;
        this.versions = versions;
        this.budgets = budgets;
        this.budgetRows = budgetRows;
        this.proposals = proposals;
        this.proposalService = proposalService;
        this.clock = clock;
    }

    public record Snapshot(String name, String status, Integer fiscalYearEndMonth, String currency) {
    }

    /** @param registered ClientRegistered: also the budget shell of the current fiscal year */
    public Uni<Void> apply(EventEnvelope event, UUID clientId, Snapshot snapshot, boolean registered) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant eventTime = event.time() == null ? now : event.time();
        return states.provisioned(event.tenantId(), clientId, now).chain(state -> {
            ClientViewEntity client = state.client();
            FiscalCalendar before = client.fiscalCalendar();
            boolean wasChurned = CHURNED.equals(client.status);
            boolean applied = client.applyRegistry(snapshot.name(), snapshot.status(),
                    snapshot.fiscalYearEndMonth() == null ? FiscalCalendar.DEFAULT_END_MONTH
                            : snapshot.fiscalYearEndMonth(),
                    snapshot.currency() == null ? client.currency : snapshot.currency(), eventTime, now);
            Uni<Void> chain = registered ? clients.budgetShell(client, now) : Uni.createFrom().voidItem();
            if (!applied) {
                return chain;
            }
            EventContext context = EventContext.causedBy(event);
            if (before.fiscalYearEndMonth() != client.fiscalYearEndMonth) {
                chain = chain.call(() -> replan(state, before, context));
            }
            if (!wasChurned && CHURNED.equals(client.status)) {
                chain = chain.call(() -> closeOpenProposals(state, context));
            }
            return chain;
        });
    }

    /** Items, manual budget lines and envelope quarters keep their first calendar month under the new calendar. */
    private Uni<Void> replan(ClientState state, FiscalCalendar before, EventContext context) {
        FiscalCalendar after = state.client().fiscalCalendar();
        Instant now = state.now();
        List<RoadmapMove> moves = new ArrayList<>();
        for (InitiativeEntity initiative : state.initiatives()) {
            Quarter from = initiative.quarter();
            if (from == null) {
                continue;
            }
            Quarter to = before.carriedTo(after, from);
            if (to.equals(from)) {
                continue;
            }
            initiative.place(new Placement(to, initiative.position), now);
            if (initiative.isOpen()) {
                moves.add(new RoadmapMove(initiative.id, from, to, initiative.position, initiative.position));
            }
        }
        if (state.roadmap().rolledOverTo != null) {
            state.roadmap().rolledOverTo = state.currentQuarter().toString(); // the re-plan counts as this quarter's
        }
        String reason = "Fiscal year now ends in month " + after.fiscalYearEndMonth();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (BudgetLineEntity line : state.manualLines()) {
            Quarter to = before.carriedTo(after, Quarter.parse(line.quarter));
            if (to.toString().equals(line.quarter)) {
                continue;
            }
            line.quarter = to.toString();
            line.updatedAt = now;
            if (line.fiscalYear != to.fiscalYear()) {
                line.fiscalYear = to.fiscalYear();
                chain = chain.call(() -> budgetOf(state, line.fiscalYear).invoke(budget -> line.budgetId = budget.id));
            }
        }
        return chain
                .call(() -> relabelEnvelopes(state, before, after))
                .call(() -> moves.isEmpty() ? Uni.createFrom().voidItem()
                        : versions.record(state, "FISCAL_YEAR_CHANGED", reason, null, moves, context))
                .call(() -> budgets.recompute(state, context, reason, state.manualLines()));
    }

    /**
     * Envelope quarters follow their calendar months like the items do, so each keeps guarding the same spend. A
     * quarter landing in another fiscal year moves to that year's budget (made if missing), carrying the approval
     * details of the envelope it came from unless that budget has an envelope of its own; a budget left without
     * quarters has no envelope any more. The recompute that follows versions every budget whose envelope changed.
     */
    private Uni<Void> relabelEnvelopes(ClientState state, FiscalCalendar before, FiscalCalendar after) {
        return budgetRows.ofClient(state.tenantId(), state.clientId()).chain(saved -> {
            Map<Integer, List<EnvelopeColumn.QuarterEnvelope>> carried = new TreeMap<>();
            Map<Integer, EnvelopeColumn> approvals = new HashMap<>();
            boolean relabelled = false;
            for (BudgetEntity budget : saved) {
                if (budget.envelope == null) {
                    continue;
                }
                approvals.put(budget.fiscalYear, budget.envelope);
                for (EnvelopeColumn.QuarterEnvelope quarter : budget.envelope.quarters()) {
                    Quarter to = before.carriedTo(after, Quarter.parse(quarter.quarter()));
                    relabelled |= !to.toString().equals(quarter.quarter());
                    carried.computeIfAbsent(to.fiscalYear(), year -> new ArrayList<>())
                            .add(new EnvelopeColumn.QuarterEnvelope(to.toString(), quarter.capex(), quarter.opex()));
                    approvals.putIfAbsent(to.fiscalYear(), budget.envelope);
                }
            }
            if (!relabelled) {
                return Uni.createFrom().voidItem();
            }
            for (BudgetEntity budget : saved) {
                if (budget.envelope != null && !budget.envelope.quarters().isEmpty()
                        && !carried.containsKey(budget.fiscalYear)) {
                    budget.envelope = null;
                    budget.updatedAt = state.now();
                }
            }
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Map.Entry<Integer, List<EnvelopeColumn.QuarterEnvelope>> year : carried.entrySet()) {
                EnvelopeColumn approval = approvals.get(year.getKey());
                List<EnvelopeColumn.QuarterEnvelope> quarters = year.getValue().stream()
                        .sorted(Comparator.comparing(q -> Quarter.parse(q.quarter()))).toList();
                chain = chain.call(() -> budgetOf(state, year.getKey()).invoke(budget -> {
                    budget.envelope = new EnvelopeColumn(quarters, approval.clientOwner(), approval.approvedOn(),
                            approval.evidenceRef());
                    budget.updatedAt = state.now();
                }));
            }
            return chain;
        });
    }

    private Uni<BudgetEntity> budgetOf(ClientState state, int fiscalYear) {
        return budgetRows.find(state.tenantId(), state.clientId(), fiscalYear).chain(found -> found != null
                ? Uni.createFrom().item(found)
                : budgetRows.persist(BudgetEntity.shell(state.tenantId(), state.clientId(), fiscalYear,
                state.client().currency, state.now())));
    }

    private Uni<Void> closeOpenProposals(ClientState state, EventContext context) {
        return proposals.openOfClient(state.tenantId(), state.clientId()).chain(open -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (var proposal : open) {
                chain = chain.call(() -> proposalService.withdrawIn(state, proposal, "Client churned", null, context,
                        state.now()));
            }
            return chain;
        });
    }
}
