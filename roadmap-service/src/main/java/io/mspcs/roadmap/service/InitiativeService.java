package io.mspcs.roadmap.service;

import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.OutboxWriter;
import io.mspcs.rest.Problem;
import io.mspcs.rest.ProblemException;
import io.mspcs.roadmap.domain.Estimate;
import io.mspcs.roadmap.domain.HealthLink;
import io.mspcs.roadmap.domain.InitiativeState;
import io.mspcs.roadmap.domain.Origin;
import io.mspcs.roadmap.domain.OriginRefs;
import io.mspcs.roadmap.domain.PlanningWindow;
import io.mspcs.roadmap.domain.PreApproval;
import io.mspcs.roadmap.domain.Priority;
import io.mspcs.roadmap.domain.Quarter;
import io.mspcs.roadmap.domain.SpendType;
import io.mspcs.roadmap.messaging.RoadmapEvents;
import io.mspcs.roadmap.repository.ClientViewEntity;
import io.mspcs.roadmap.repository.InitiativeEntity;
import io.mspcs.roadmap.repository.InitiativeHistoryEntity;
import io.mspcs.roadmap.repository.InitiativeHistoryRepository;
import io.mspcs.roadmap.repository.InitiativeRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Initiative writes through the API (roadmap.md §3.2, §4, §9): one request, one transaction. */
@ApplicationScoped
public class InitiativeService {

    private static final Pattern QUARTER = Pattern.compile("^\\d{4}-Q[1-4]$");
    private static final Set<InitiativeState> LOCKED = Set.of(InitiativeState.APPROVED, InitiativeState.IN_PROGRESS,
            InitiativeState.COMPLETED, InitiativeState.CLOSED);

    private final ClientStates states;
    private final InitiativeRepository initiatives;
    private final InitiativeHistoryRepository history;
    private final TransitionService transitions;
    private final BudgetService budgets;
    private final RoadmapVersions versions;
    private final OutboxWriter outbox;
    private final Clock clock;

    public InitiativeService(ClientStates states, InitiativeRepository initiatives,
                             InitiativeHistoryRepository history, TransitionService transitions, BudgetService budgets,
                             RoadmapVersions versions, OutboxWriter outbox, Clock clock) {
        this.states = states;
        this.initiatives = initiatives;
        this.history = history;
        this.transitions = transitions;
        this.budgets = budgets;
        this.versions = versions;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record EstimateInput(MoneyInput oneTime, String spendType, MoneyInput recurringMonthly,
                                String recurringStartMonth, Integer recurringTermMonths) {
    }

    public record NewInitiative(String title, String summary, String lane, String origin, String quarter,
                                EstimateInput estimate, Boolean remediation, String priority, Short tier,
                                List<HealthLink> healthLinks, Boolean bigRock) {
    }

    public record InitiativeChange(String title, String summary, String lane, String quarter, EstimateInput estimate,
                                   String priority, Boolean bigRock) {
    }

    public record PreApprovalInput(String clientOwner, String targetQuarter, BandInput budgetBand) {
    }

    public record BandInput(MoneyInput low, MoneyInput high) {
    }

    @WithTransaction
    public Uni<InitiativeEntity> create(UUID tenantId, String correlationId, UUID clientId, NewInitiative input,
                                        Actor actor) {
        Instant now = now();
        return states.known(tenantId, clientId, now).chain(state -> {
            requireActive(state.client());
            String title = text(input.title(), "title", 140, true);
            String summary = text(input.summary(), "summary", 2000, false);
            Origin origin = enumValue(Origin.class, input.origin(), "origin", Origin.MANUAL);
            boolean remediation = Boolean.TRUE.equals(input.remediation()) || origin.isRemediation();
            List<HealthLink> links = input.healthLinks() == null ? List.of() : input.healthLinks();
            if (links.size() > 10) {
                throw ProblemException.invalid("healthLinks", "size", "at most 10 health links");
            }
            String lane = input.lane() == null && remediation ? "STABILITY" : input.lane();
            checkLane(lane, state.policy().lanes());
            if (remediation) {
                if (!"STABILITY".equals(lane)) {
                    throw ProblemException.invalid("lane", "enum", "remediation work is in the STABILITY lane");
                }
                if (links.stream().noneMatch(link -> link.insightCode() != null)) {
                    throw ProblemException.invalid("healthLinks", "required",
                            "remediation needs at least one health link with an insightCode");
                }
                if (!actor.hasAny("TAM", "VCIO", "CS_LEADER")) {
                    throw DetailedProblem.forbidden("remediation-not-permitted",
                            "Only TAM, VCIO and CS_LEADER mark work as remediation");
                }
            }
            Quarter quarter = input.quarter() == null ? null : quarterInWindow(state, input.quarter(), "quarter");
            Estimate estimate = estimate(input.estimate(), quarter, state);
            Priority priority = input.priority() == null ? (remediation ? Priority.HIGH : Priority.MEDIUM)
                    : enumValue(Priority.class, input.priority(), "priority", Priority.MEDIUM);
            if (input.tier() != null && input.tier() != 1 && input.tier() != 2) {
                throw ProblemException.invalid("tier", "enum", "tier is 1, 2 or null");
            }
            InitiativeEntity initiative = InitiativeEntity.draft(tenantId, clientId, title, summary, lane, origin,
                    remediation, priority, input.tier(), links, OriginRefs.none(), state.client().currency, now);
            initiative.setEstimate(estimate, state.client().currency, now);
            initiative.bigRock = Boolean.TRUE.equals(input.bigRock());
            initiative.quarter = quarter == null ? null : quarter.toString();
            initiative.position = state.endOf(initiative.quarter);
            state.initiatives().add(initiative);
            EventContext context = EventContext.ofRequest(tenantId, correlationId);
            return initiatives.persist(initiative)
                    .call(() -> outbox.append(RoadmapEvents.initiativeCreated(initiative), context))
                    .replaceWith(initiative);
        });
    }

    @WithTransaction
    public Uni<InitiativeEntity> change(UUID tenantId, String correlationId, UUID initiativeId, Integer ifMatch,
                                        InitiativeChange input, Actor actor) {
        Instant now = now();
        return found(tenantId, initiativeId).chain(found -> states.known(tenantId, found.clientId, now)).chain(state -> {
            InitiativeEntity initiative = state.initiative(initiativeId);
            if (ifMatch != null && ifMatch != initiative.version) {
                throw new ProblemException(412, "version-mismatch", "Version mismatch",
                        "Initiative is at version " + initiative.version + ", not " + ifMatch, List.of());
            }
            if (input.title() != null) {
                initiative.title = text(input.title(), "title", 140, true);
            }
            if (input.summary() != null) {
                initiative.summary = text(input.summary(), "summary", 2000, false);
            }
            if (input.lane() != null) {
                checkLane(input.lane(), state.policy().lanes());
                if (initiative.remediation && !"STABILITY".equals(input.lane())) {
                    throw ProblemException.invalid("lane", "enum", "remediation work is in the STABILITY lane");
                }
                initiative.lane = input.lane();
            }
            if (input.priority() != null) {
                initiative.priority = enumValue(Priority.class, input.priority(), "priority", initiative.priority);
            }
            if (input.bigRock() != null) {
                initiative.bigRock = input.bigRock();
            }
            Quarter target = input.quarter() == null ? null : quarterInWindow(state, input.quarter(), "quarter");
            if (input.estimate() != null) {
                Estimate estimate = estimate(input.estimate(), target != null ? target : initiative.quarter(), state);
                if (LOCKED.contains(initiative.state) || initiative.openProposalId != null) {
                    throw DetailedProblem.conflict("initiative-locked", "Estimate is locked",
                            "Estimates are locked from APPROVED on and while in a sent proposal");
                }
                initiative.setEstimate(estimate, state.client().currency, now);
            }
            initiative.updatedAt = now;
            EventContext context = EventContext.ofRequest(tenantId, correlationId);
            Uni<Void> moved = target == null || target.equals(initiative.quarter()) || !initiative.isOpen()
                    ? Uni.createFrom().voidItem()
                    : transitions.moveAndRecord(state, List.of(initiative), target, "MANUAL",
                    "Quarter changed: " + initiative.title, actor.principalId(), context);
            return moved.call(() -> budgets.recompute(state, context, "Initiative changed: " + initiative.title))
                    .call(initiatives::flush)
                    .replaceWith(initiative);
        });
    }

    @WithTransaction
    public Uni<TransitionService.Result> transition(UUID tenantId, String correlationId, UUID initiativeId,
                                                    TransitionService.Command command, Actor actor) {
        Instant now = now();
        return found(tenantId, initiativeId).chain(found -> states.known(tenantId, found.clientId, now))
                .chain(state -> transitions.manual(state, state.initiative(initiativeId), command, actor,
                        EventContext.ofRequest(tenantId, correlationId)))
                .call(initiatives::flush);
    }

    /** DELETE = withdraw (#15): CLOSED with WITHDRAWN. */
    public Uni<TransitionService.Result> withdraw(UUID tenantId, String correlationId, UUID initiativeId,
                                                  Actor actor) {
        return transition(tenantId, correlationId, initiativeId, new TransitionService.Command(InitiativeState.CLOSED,
                null, null, null, null, "WITHDRAWN", "Withdrawn", null, null, null, null, null), actor);
    }

    @WithTransaction
    public Uni<InitiativeEntity> preApproval(UUID tenantId, UUID initiativeId, PreApprovalInput input) {
        Instant now = now();
        return found(tenantId, initiativeId).chain(found -> states.known(tenantId, found.clientId, now)).map(state -> {
            InitiativeEntity initiative = state.initiative(initiativeId);
            String currency = state.client().currency;
            BandInput band = input.budgetBand();
            BigDecimal low = band == null ? null : MoneyInput.validated(band.low(), "budgetBand.low", currency);
            BigDecimal high = band == null ? null : MoneyInput.validated(band.high(), "budgetBand.high", currency);
            if (low != null && high != null && low.compareTo(high) > 0) {
                throw ProblemException.invalid("budgetBand", "band-order", "budgetBand low must not exceed high");
            }
            if (input.targetQuarter() != null) {
                quarterInWindow(state, input.targetQuarter(), "targetQuarter");
            }
            initiative.preApproval = PreApproval.captured(text(input.clientOwner(), "clientOwner", 200, false),
                    input.targetQuarter(), low, high, now);
            initiative.updatedAt = now;
            return initiative;
        });
    }

    @WithTransaction
    public Uni<List<InitiativeHistoryEntity>> history(UUID tenantId, UUID initiativeId) {
        return found(tenantId, initiativeId).chain(() -> history.ofInitiative(tenantId, initiativeId));
    }

    private Uni<InitiativeEntity> found(UUID tenantId, UUID initiativeId) {
        return initiatives.findInTenant(tenantId, initiativeId)
                .onItem().ifNull().failWith(() -> new ProblemException(404, "initiative-not-found",
                        "Initiative not found", "Initiative " + initiativeId + " does not exist", List.of()));
    }

    static void requireActive(ClientViewEntity client) {
        if ("CHURNED".equals(client.status)) {
            throw DetailedProblem.conflict("client-churned", "Client has churned",
                    "No new initiatives or proposals for a churned client");
        }
    }

    /** A quarter to set: {@code YYYY-Qn} (400 {@code format}) within the planning window (400 {@code quarter-out-of-range}). */
    static Quarter quarterInWindow(ClientState state, String text, String field) {
        if (!QUARTER.matcher(text).matches()) {
            throw ProblemException.invalid(field, "format", field + " must look like 2027-Q1");
        }
        Quarter quarter = Quarter.parse(text);
        PlanningWindow window = state.window();
        if (!window.contains(quarter)) {
            throw new DetailedProblem(400, "validation-failed", "Request is invalid",
                    field + " " + text + " lies outside the planning window " + window.from() + " … " + window.to(),
                    Map.of("errors", List.of(new Problem.FieldError(field, "quarter-out-of-range")),
                            "allowedFrom", window.from().toString(), "allowedTo", window.to().toString()));
        }
        return quarter;
    }

    static Estimate estimate(EstimateInput input, Quarter quarter, ClientState state) {
        if (input == null) {
            return Estimate.none();
        }
        String currency = state.client().currency;
        BigDecimal oneTime = MoneyInput.validated(input.oneTime(), "estimate.oneTime", currency);
        BigDecimal recurring = MoneyInput.validated(input.recurringMonthly(), "estimate.recurringMonthly", currency);
        SpendType spendType = input.spendType() == null ? null
                : enumValue(SpendType.class, input.spendType(), "estimate.spendType", null);
        if (oneTime != null && spendType == null) {
            throw ProblemException.invalid("estimate.spendType", "required", "a one-time amount needs a spendType");
        }
        YearMonth start = null;
        if (input.recurringStartMonth() != null) {
            try {
                start = YearMonth.parse(input.recurringStartMonth());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("estimate.recurringStartMonth", "format",
                        "recurringStartMonth must look like 2027-02");
            }
            if (quarter != null && start.isBefore(state.client().fiscalCalendar().firstMonthOf(quarter))) {
                throw ProblemException.invalid("estimate.recurringStartMonth", "before-quarter",
                        "recurring start lies before the initiative's quarter");
            }
        }
        Integer term = input.recurringTermMonths();
        if (term != null && (term < 1 || term > 120)) {
            throw ProblemException.invalid("estimate.recurringTermMonths", "range", "term is 1 to 120 months");
        }
        return new Estimate(oneTime, spendType, recurring, start, term);
    }

    /** A lane code of the tenant policy (roadmap.md §2: STABILITY, EFFICIENCY, GROWTH and those added). */
    private static void checkLane(String lane, List<String> lanes) {
        if (lane == null) {
            throw ProblemException.invalid("lane", "required", "lane is required");
        }
        if (!lanes.contains(lane)) {
            throw ProblemException.invalid("lane", "enum", "lane must be one of " + lanes);
        }
    }

    static String text(String value, String field, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ProblemException.invalid(field, "required", field + " is required");
            }
            return value;
        }
        if (value.length() > max) {
            throw ProblemException.invalid(field, "length", field + " is longer than " + max + " characters");
        }
        return value;
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field, E fallback) {
        if (value == null) {
            if (fallback == null) {
                throw ProblemException.invalid(field, "required", field + " is required");
            }
            return fallback;
        }
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(value)).findFirst()
                .orElseThrow(() -> ProblemException.invalid(field, "enum",
                        field + " must be one of " + Arrays.toString(type.getEnumConstants())));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
