package io.mspcs.roadmap.service;

import io.mspcs.outbox.EventContext;
import io.mspcs.rest.ProblemException;
import io.mspcs.roadmap.domain.BudgetCalculator;
import io.mspcs.roadmap.domain.BudgetCalculator.LineStatus;
import io.mspcs.roadmap.domain.Quarter;
import io.mspcs.roadmap.domain.SpendType;
import io.mspcs.roadmap.repository.BudgetEntity;
import io.mspcs.roadmap.repository.BudgetLineEntity;
import io.mspcs.roadmap.repository.BudgetLineRepository;
import io.mspcs.roadmap.repository.BudgetRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Manual budget lines (roadmap.md §3.4, §9, §12.15): renewals, subscriptions and hardware lifecycle costs with a
 * sourceRef and no initiative. They feed the fiscal year's figures like derived lines; a change of the figures is a
 * new budget version with {@code BudgetUpdated} naming the line. Lines derived from initiatives are read-only.
 */
@ApplicationScoped
public class BudgetLineService {

    /** Manual sources; {@code INITIATIVE} lines are derived and never written through the API. */
    public enum ManualSource { CONTRACT_RENEWAL, SUBSCRIPTION, HARDWARE_LIFECYCLE, OTHER }

    public enum Recurrence { ONE_TIME, RECURRING }

    public record LineInput(String quarter, String source, String sourceRef, String category, String recurrence,
                            Integer months, MoneyInput amount, String status, String description) {
    }

    private final ClientStates states;
    private final BudgetRepository budgets;
    private final BudgetLineRepository lines;
    private final BudgetService budgetService;
    private final Clock clock;

    public BudgetLineService(ClientStates states, BudgetRepository budgets, BudgetLineRepository lines,
                             BudgetService budgetService, Clock clock) {
        this.states = states;
        this.budgets = budgets;
        this.lines = lines;
        this.budgetService = budgetService;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<BudgetService.BudgetView> add(UUID tenantId, String correlationId, UUID clientId, int fiscalYear,
                                             LineInput input) {
        ManualSource source = InitiativeService.enumValue(ManualSource.class, input.source(), "source", null);
        String sourceRef = InitiativeService.text(input.sourceRef(), "sourceRef", 200, true);
        String description = InitiativeService.text(input.description(), "description", 500, true);
        SpendType category = InitiativeService.enumValue(SpendType.class, input.category(), "category", null);
        Recurrence recurrence = InitiativeService.enumValue(Recurrence.class, input.recurrence(), "recurrence",
                Recurrence.ONE_TIME);
        LineStatus status = InitiativeService.enumValue(LineStatus.class, input.status(), "status",
                LineStatus.PLANNED);
        int months = months(recurrence, input.months());
        checkRecurringIsOpex(category, recurrence);
        if (input.quarter() == null) {
            throw ProblemException.invalid("quarter", "required", "quarter is required");
        }
        if (input.amount() == null) {
            throw ProblemException.invalid("amount", "required", "amount is required");
        }
        Instant now = now();
        return states.known(tenantId, clientId, now).chain(state -> {
            InitiativeService.requireActive(state.client());
            Quarter quarter = quarterOf(state, input.quarter(), fiscalYear);
            BigDecimal amount = MoneyInput.validated(input.amount(), "amount", state.client().currency);
            return budgets.find(tenantId, clientId, fiscalYear).chain(found -> {
                BudgetEntity budget = found != null ? found
                        : BudgetEntity.shell(tenantId, clientId, fiscalYear, state.client().currency, now);
                BudgetLineEntity line = new BudgetLineEntity();
                line.id = UUID.randomUUID();
                line.tenantId = tenantId;
                line.clientId = clientId;
                line.budgetId = budget.id;
                line.fiscalYear = fiscalYear;
                line.quarter = quarter.toString();
                line.source = source.name();
                line.sourceRef = sourceRef;
                line.category = category.name();
                line.recurrence = recurrence.name();
                line.months = (short) months;
                line.amount = amount;
                line.currency = state.client().currency;
                line.status = status.name();
                line.description = description;
                line.createdAt = now;
                line.updatedAt = now;
                state.manualLines().add(line);
                Uni<?> saved = found == null ? budgets.persist(budget) : Uni.createFrom().item(budget);
                return saved.chain(() -> lines.persist(line))
                        .chain(() -> saved(state, correlationId, fiscalYear, line, "Budget line added: "
                                + description));
            });
        });
    }

    /** PATCH: absent fields stay; the line stays in the fiscal year of the path; If-Match is its row version. */
    @WithTransaction
    public Uni<BudgetService.BudgetView> change(UUID tenantId, String correlationId, UUID clientId, int fiscalYear,
                                                UUID lineId, Integer ifMatch, LineInput input) {
        if (input.source() != null) {
            InitiativeService.enumValue(ManualSource.class, input.source(), "source", null);
        }
        InitiativeService.text(input.sourceRef(), "sourceRef", 200, false);
        InitiativeService.text(input.description(), "description", 500, false);
        Instant now = now();
        return states.known(tenantId, clientId, now).chain(state -> {
            InitiativeService.requireActive(state.client());
            BudgetLineEntity line = manualLine(state, fiscalYear, lineId);
            if (ifMatch != null && ifMatch != line.version) {
                throw new ProblemException(412, "version-mismatch", "Version mismatch",
                        "Budget line is at version " + line.version + ", not " + ifMatch, List.of());
            }
            SpendType category = input.category() == null ? SpendType.valueOf(line.category)
                    : InitiativeService.enumValue(SpendType.class, input.category(), "category", null);
            Recurrence recurrence = input.recurrence() == null ? Recurrence.valueOf(line.recurrence)
                    : InitiativeService.enumValue(Recurrence.class, input.recurrence(), "recurrence", null);
            LineStatus status = input.status() == null ? LineStatus.valueOf(line.status)
                    : InitiativeService.enumValue(LineStatus.class, input.status(), "status", null);
            int months = months(recurrence, input.months() != null ? input.months()
                    : recurrence == Recurrence.valueOf(line.recurrence) ? Integer.valueOf(line.months) : null);
            checkRecurringIsOpex(category, recurrence);
            Quarter quarter = input.quarter() == null ? Quarter.parse(line.quarter)
                    : quarterOf(state, input.quarter(), fiscalYear);
            BigDecimal amount = input.amount() == null ? line.amount
                    : MoneyInput.validated(input.amount(), "amount", state.client().currency);
            line.quarter = quarter.toString();
            line.category = category.name();
            line.recurrence = recurrence.name();
            line.months = (short) months;
            line.status = status.name();
            line.amount = amount;
            if (input.source() != null) {
                line.source = input.source();
            }
            if (input.sourceRef() != null && !input.sourceRef().isBlank()) {
                line.sourceRef = input.sourceRef();
            }
            if (input.description() != null && !input.description().isBlank()) {
                line.description = input.description();
            }
            line.updatedAt = now;
            return lines.flush().chain(() -> saved(state, correlationId, fiscalYear, line,
                    "Budget line changed: " + line.description));
        });
    }

    @WithTransaction
    public Uni<Void> delete(UUID tenantId, String correlationId, UUID clientId, int fiscalYear, UUID lineId) {
        Instant now = now();
        return states.known(tenantId, clientId, now).chain(state -> {
            InitiativeService.requireActive(state.client());
            BudgetLineEntity line = manualLine(state, fiscalYear, lineId);
            state.manualLines().remove(line);
            return lines.delete(line).chain(() -> budgetService.recompute(state,
                    EventContext.ofRequest(tenantId, correlationId), "Budget line removed: " + line.description,
                    List.of(line)));
        });
    }

    private Uni<BudgetService.BudgetView> saved(ClientState state, String correlationId, int fiscalYear,
                                                BudgetLineEntity line, String reason) {
        return budgetService.recompute(state, EventContext.ofRequest(state.tenantId(), correlationId), reason,
                        List.of(line))
                .chain(() -> budgets.find(state.tenantId(), state.clientId(), fiscalYear))
                .map(budget -> BudgetService.view(state, fiscalYear, budget));
    }

    /** The manual line of this client and fiscal year; a derived line's id is 409, anything else 404. */
    private static BudgetLineEntity manualLine(ClientState state, int fiscalYear, UUID lineId) {
        for (BudgetLineEntity line : state.manualLines()) {
            if (line.id.equals(lineId) && line.fiscalYear == fiscalYear) {
                return line;
            }
        }
        boolean derived = BudgetCalculator.derivedLines(fiscalYear, state.client().fiscalCalendar(),
                BudgetService.items(state.initiatives())).stream().anyMatch(line -> line.id().equals(lineId));
        if (derived) {
            throw DetailedProblem.conflict("derived-line-read-only", "Derived line is read-only",
                    "Lines derived from initiatives change with their initiative only");
        }
        throw new ProblemException(404, "budget-line-not-found", "Budget line not found",
                "Budget line " + lineId + " does not exist in FY" + fiscalYear, List.of());
    }

    /** A line's quarter: the usual format and planning window, and inside the fiscal year of the path. */
    private static Quarter quarterOf(ClientState state, String text, int fiscalYear) {
        Quarter quarter = InitiativeService.quarterInWindow(state, text, "quarter");
        if (quarter.fiscalYear() != fiscalYear) {
            throw ProblemException.invalid("quarter", "quarter-out-of-range", "quarter must lie in FY" + fiscalYear);
        }
        return quarter;
    }

    /** One-time lines cover their quarter as a whole (1); recurring ones 1–3 of its months, all three by default. */
    private static int months(Recurrence recurrence, Integer given) {
        if (recurrence == Recurrence.ONE_TIME) {
            return 1;
        }
        int months = given == null ? 3 : given;
        if (months < 1 || months > 3) {
            throw ProblemException.invalid("months", "range", "a recurring line covers 1 to 3 months of its quarter");
        }
        return months;
    }

    /** roadmap.md §12.9: recurring is OpEx. */
    private static void checkRecurringIsOpex(SpendType category, Recurrence recurrence) {
        if (recurrence == Recurrence.RECURRING && category != SpendType.OPEX) {
            throw ProblemException.invalid("category", "recurring-is-opex", "a recurring line is OPEX");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
