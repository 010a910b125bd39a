package io.mspcs.roadmap.service;

import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.OutboxWriter;
import io.mspcs.roadmap.domain.BudgetCalculator;
import io.mspcs.roadmap.domain.BudgetCalculator.FiscalYearFigures;
import io.mspcs.roadmap.domain.EnvelopeCheck;
import io.mspcs.roadmap.domain.FiscalCalendar;
import io.mspcs.roadmap.domain.Quarter;
import io.mspcs.roadmap.messaging.RoadmapEvents;
import io.mspcs.roadmap.repository.BudgetEntity;
import io.mspcs.roadmap.repository.BudgetLineEntity;
import io.mspcs.roadmap.repository.BudgetRepository;
import io.mspcs.roadmap.repository.EnvelopeColumn;
import io.mspcs.roadmap.repository.FiguresColumn;
import io.mspcs.roadmap.repository.InitiativeEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Budgets per client and fiscal year (roadmap.md §3.4, §7). Lines derived from initiatives are computed from the
 * initiatives on every read and save; a fiscal year whose figures (or envelope) changed gets version + 1 and one
 * {@code BudgetUpdated}, in the caller's transaction.
 */
@ApplicationScoped
public class BudgetService {

    private final BudgetRepository budgets;
    private final OutboxWriter outbox;
    private final ClientStates states;
    private final java.time.Clock clock;

    public BudgetService(BudgetRepository budgets, OutboxWriter outbox,
                         ClientStates states, java.time.Clock clock) {
        this.budgets = budgets;
        this.outbox = outbox;
        this.states = states;
        this.clock = clock;
    }

    /** One fiscal year as read: the saved budget (if any) and the figures derived now. */
    public record BudgetView(int fiscalYear, String currency, BudgetEntity saved, FiscalYearFigures figures,
                             FiscalCalendar calendar, List<BudgetCalculator.DerivedLine> derivedLines,
                             List<BudgetLineEntity> manualLines, Map<java.util.UUID, String> titles) {
    }

    public record EnvelopeInput(List<QuarterInput> quarters, String clientOwner, java.time.LocalDate approvedOn,
                                String evidenceRef) {
    }

    public record QuarterInput(String quarter, MoneyInput capex, MoneyInput opex) {
    }

    @io.quarkus.hibernate.reactive.panache.common.WithTransaction
    public Uni<List<BudgetView>> list(java.util.UUID tenantId, java.util.UUID clientId) {
        return states.forRead(tenantId, clientId, clock.instant()).chain(state ->
                budgets.ofClient(tenantId, clientId).map(saved -> {
                    TreeSet<Integer> years = fiscalYears(state, saved.stream().map(b -> b.fiscalYear)
                            .collect(Collectors.toSet()));
                    Map<Integer, BudgetEntity> byYear = saved.stream()
                            .collect(Collectors.toMap(b -> b.fiscalYear, Function.identity()));
                    return years.stream().map(year -> view(state, year, byYear.get(year))).toList();
                }));
    }

    @io.quarkus.hibernate.reactive.panache.common.WithTransaction
    public Uni<BudgetView> get(java.util.UUID tenantId, java.util.UUID clientId, int fiscalYear) {
        return states.forRead(tenantId, clientId, clock.instant()).chain(state ->
                budgets.find(tenantId, clientId, fiscalYear).map(saved -> view(state, fiscalYear, saved)));
    }

    @io.quarkus.hibernate.reactive.panache.common.WithTransaction
    public Uni<BudgetView> putEnvelope(java.util.UUID tenantId, String correlationId, java.util.UUID clientId,
                                       int fiscalYear, EnvelopeInput input) {
        java.time.Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return states.known(tenantId, clientId, now).chain(state -> {
            String currency = state.client().currency;
            List<EnvelopeColumn.QuarterEnvelope> quarters = new java.util.ArrayList<>();
            List<QuarterInput> given = input.quarters() == null ? List.of() : input.quarters();
            for (int i = 0; i < given.size(); i++) {
                QuarterInput q = given.get(i);
                String field = "quarters[" + i + "]";
                if (q.quarter() == null || !q.quarter().matches("^\\d{4}-Q[1-4]$")) {
                    throw io.mspcs.rest.ProblemException.invalid(field + ".quarter", "format",
                            "quarter must look like 2027-Q1");
                }
                if (Quarter.parse(q.quarter()).fiscalYear() != fiscalYear) {
                    throw io.mspcs.rest.ProblemException.invalid(field + ".quarter", "quarter-out-of-range",
                            "quarter must lie in FY" + fiscalYear);
                }
                quarters.add(new EnvelopeColumn.QuarterEnvelope(q.quarter(),
                        MoneyInput.validated(q.capex(), field + ".capex", currency),
                        MoneyInput.validated(q.opex(), field + ".opex", currency)));
            }
            return budgets.find(tenantId, clientId, fiscalYear).chain(found -> {
                BudgetEntity budget = found != null ? found
                        : BudgetEntity.shell(tenantId, clientId, fiscalYear, currency, now);
                budget.envelope = new EnvelopeColumn(quarters, input.clientOwner(),
                        input.approvedOn() == null ? null : input.approvedOn().toString(), input.evidenceRef());
                Uni<?> saved = found == null ? budgets.persist(budget) : Uni.createFrom().item(budget);
                return saved.chain(() -> recompute(state, io.mspcs.outbox.EventContext.ofRequest(tenantId,
                                correlationId), "Envelope set for FY" + fiscalYear))
                        .map(ignored -> view(state, fiscalYear, budget));
            });
        });
    }

    static BudgetView view(ClientState state, int fiscalYear, BudgetEntity saved) {
        Map<java.util.UUID, String> titles = new HashMap<>();
        state.initiatives().forEach(initiative -> titles.put(initiative.id, initiative.title));
        return new BudgetView(fiscalYear, state.client().currency, saved, figures(state, fiscalYear),
                state.client().fiscalCalendar(), BudgetCalculator.derivedLines(fiscalYear,
                state.client().fiscalCalendar(), items(state.initiatives())),
                state.manualLines().stream().filter(line -> line.fiscalYear == fiscalYear).toList(), titles);
    }

    public static List<BudgetCalculator.Item> items(List<InitiativeEntity> initiatives) {
        return initiatives.stream()
                .filter(initiative -> BudgetCalculator.statusOf(initiative.state, initiative.completedOn != null) != null)
                .map(initiative -> new BudgetCalculator.Item(initiative.id,
                        BudgetCalculator.statusOf(initiative.state, initiative.completedOn != null),
                        initiative.quarter(), initiative.estimate()))
                .toList();
    }

    public static FiscalYearFigures figures(ClientState state, int fiscalYear) {
        return BudgetCalculator.fiscalYear(fiscalYear, state.client().fiscalCalendar(), items(state.initiatives()),
                state.manualLines().stream().map(BudgetLineEntity::asManualLine).toList());
    }

    /** Saves every fiscal year whose figures changed; one {@code BudgetUpdated} each. */
    public Uni<Void> recompute(ClientState state, EventContext context, String reason) {
        return recompute(state, context, reason, List.of());
    }

    /**
     * As {@link #recompute(ClientState, EventContext, String)}, naming the manual lines the change touched; the
     * derived lines it touched are found by comparing with the lines the budget was last saved with.
     */
    public Uni<Void> recompute(ClientState state, EventContext context, String reason,
                               List<BudgetLineEntity> changedLines) {
        return budgets.ofClient(state.tenantId(), state.clientId()).chain(existing -> {
            Map<Integer, BudgetEntity> byYear = existing.stream()
                    .collect(Collectors.toMap(budget -> budget.fiscalYear, Function.identity()));
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (int fiscalYear : fiscalYears(state, byYear.keySet())) {
                FiscalYearFigures figures = figures(state, fiscalYear);
                Map<java.util.UUID, String> derived = BudgetCalculator.fingerprints(BudgetCalculator.derivedLines(
                        fiscalYear, state.client().fiscalCalendar(), items(state.initiatives())));
                BudgetEntity budget = byYear.get(fiscalYear);
                if (budget == null && figures.isEmpty()) {
                    continue;
                }
                BudgetEntity target = budget != null ? budget : BudgetEntity.shell(state.tenantId(), state.clientId(),
                        fiscalYear, state.client().currency, state.now());
                String canonical = canonical(figures, target.envelope);
                if (target.figures != null && canonical.equals(target.figures.canonical())) {
                    if (!derived.equals(target.figures.derivedLines())) {
                        // same totals from other lines (no new version): remember them for the next change's ids
                        target.figures = new FiguresColumn(canonical, derived);
                    }
                    continue;
                }
                if (target.figures == null && budget != null && figures.isEmpty() && target.envelope == null) {
                    continue; // a registration shell that still holds nothing
                }
                List<java.util.UUID> changedLineIds = java.util.stream.Stream.concat(changedLines.stream()
                                .filter(line -> line.fiscalYear == fiscalYear).map(line -> line.id),
                        BudgetCalculator.changedDerivedLines(target.figures == null ? null
                                : target.figures.derivedLines(), derived).stream()).distinct().toList();
                target.figures = new FiguresColumn(canonical, derived);
                target.budgetVersion++;
                target.updatedAt = state.now();
                Uni<?> saved = budget == null ? budgets.persist(target) : Uni.createFrom().item(target);
                chain = chain.call(() -> saved).call(() -> outbox.append(RoadmapEvents.budgetUpdated(target, figures,
                        overEnvelope(figures, target.envelope), changedLineIds, reason), context));
            }
            return chain;
        });
    }

    /** The fiscal years to look at: those saved before, those holding a line, up to the end of the window. */
    private static TreeSet<Integer> fiscalYears(ClientState state, java.util.Set<Integer> saved) {
        TreeSet<Integer> years = new TreeSet<>(saved);
        Quarter current = state.currentQuarter();
        int from = current.fiscalYear();
        for (BudgetCalculator.Item item : items(state.initiatives())) {
            if (item.quarter() != null) {
                from = Math.min(from, item.quarter().fiscalYear());
            }
        }
        for (BudgetLineEntity line : state.manualLines()) {
            years.add(line.fiscalYear);
        }
        for (int year = from; year <= state.window().to().fiscalYear(); year++) {
            years.add(year);
        }
        return years;
    }

    public static Map<Quarter, EnvelopeCheck.Envelope> envelopes(EnvelopeColumn envelope) {
        Map<Quarter, EnvelopeCheck.Envelope> result = new HashMap<>();
        if (envelope != null) {
            envelope.quarters().forEach(q -> result.put(Quarter.parse(q.quarter()),
                    new EnvelopeCheck.Envelope(q.capex(), q.opex())));
        }
        return result;
    }

    public static List<String> overEnvelope(FiscalYearFigures figures, EnvelopeColumn envelope) {
        Map<Quarter, EnvelopeCheck.Envelope> envelopes = envelopes(envelope);
        return figures.quarters().stream().filter(q -> {
            EnvelopeCheck.Envelope e = envelopes.get(q.quarter());
            return e != null && (over(q.committed().capex(), e.capex()) || over(q.committed().opex(), e.opex()));
        }).map(q -> q.quarter().toString()).toList();
    }

    private static boolean over(BigDecimal committed, BigDecimal envelope) {
        return envelope != null && committed.compareTo(envelope) > 0;
    }

    private static String canonical(FiscalYearFigures figures, EnvelopeColumn envelope) {
        StringBuilder text = new StringBuilder();
        figures.quarters().forEach(q -> text.append(q.quarter()).append(':')
                .append(plain(q.committed().capex())).append('/').append(plain(q.committed().opex())).append('/')
                .append(plain(q.planned().capex())).append('/').append(plain(q.planned().opex())).append(';'));
        text.append("oneTime=").append(plain(figures.totals().oneTime()))
                .append(";recurring=").append(plain(figures.totals().recurring()));
        if (envelope != null) {
            envelope.quarters().forEach(q -> text.append(";env ").append(q.quarter()).append(':')
                    .append(plain(q.capex())).append('/').append(plain(q.opex())));
        }
        return text.toString();
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "-" : amount.setScale(2).toPlainString();
    }

}
