package io.mspcs.cadence.service;

import io.mspcs.cadence.domain.Cause;
import io.mspcs.cadence.domain.CtaKind;
import io.mspcs.cadence.domain.DateTriggerRule;
import io.mspcs.cadence.domain.RuleCta;
import io.mspcs.cadence.domain.Segment;
import io.mspcs.cadence.domain.SlaCalculator;
import io.mspcs.cadence.domain.TriggerRule;
import io.mspcs.cadence.repository.ClientViewEntity;
import io.mspcs.cadence.repository.CtaEntity;
import io.mspcs.cadence.repository.CtaRepository;
import io.mspcs.cadence.repository.TimerEntity;
import io.mspcs.cadence.repository.TimerRepository;
import io.mspcs.outbox.EventContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Date triggers T-REN and T-FYE (cadence.md §4.2): one timer per client and rule (subject = client id), re-planned
 * whenever the registry facts change; a trigger date already passed with its anchor ahead fires at once. Each date
 * fires once: its CTA's dedupe key holds the date and any CTA ever opened under it stops a second firing. Runs in
 * the caller's transaction (a consumer handler or the rule-timer sweep).
 */
@ApplicationScoped
public class DateTriggerService {

    public static final String RENEWAL_TIMER = "DATE_T_REN";
    public static final String FISCAL_YEAR_TIMER = "DATE_T_FYE";

    /** Where a firing comes from: the registry event (late firing) or the timer. */
    public record Firing(EventContext context, UUID causeId, String causeType, Instant slaStartAt, boolean late) {
    }

    private final TimerRepository timers;
    private final CtaRepository ctas;
    private final PolicyService policies;
    private final TriggerRuleService triggerRules;
    private final RuleCtaService ruleCtas;
    private final Clock clock;

    public DateTriggerService(TimerRepository timers, CtaRepository ctas, PolicyService policies,
                              TriggerRuleService triggerRules, RuleCtaService ruleCtas, Clock clock) {
        this.timers = timers;
        this.ctas = ctas;
        this.policies = policies;
        this.triggerRules = triggerRules;
        this.ruleCtas = ruleCtas;
        this.clock = clock;
    }

    /**
     * After a registry fact: an open T-REN of another renewal date is SUPERSEDED, both timers are planned again
     * from the current facts, a late trigger fires now. A churned client keeps no date timers.
     */
    public Uni<Void> replan(EventContext context, UUID causeId, String causeType, ClientViewEntity client) {
        UUID tenantId = client.tenantId;
        Instant now = now();
        Uni<Void> voided = timers.voidPending(tenantId, client.clientId, RENEWAL_TIMER, now)
                .chain(() -> timers.voidPending(tenantId, client.clientId, FISCAL_YEAR_TIMER, now)).replaceWithVoid();
        if (client.churned() || client.status == null) {
            return voided;
        }
        Firing late = new Firing(context, causeId, causeType, SlaCalculator.slaStartAt(now), true);
        return voided.chain(() -> supersedeOtherRenewals(context, client))
                .chain(() -> policies.ensure(tenantId)).chain(versioned -> {
                    ZoneId zone = versioned.policy().zone();
                    return planRenewal(client, zone, now, late)
                            .chain(() -> planFiscalYear(client, zone, now, late, null));
                });
    }

    /** The timer fired (the sweep checked it is due and PENDING): the guard re-checks it against today's facts. */
    public Uni<Void> fire(TimerEntity timer, ClientViewEntity client) {
        if (client == null || client.churned()) {
            return Uni.createFrom().voidItem();
        }
        EventContext context = new EventContext(timer.tenantId, "timer:" + timer.id, null);
        Firing firing = new Firing(context, timer.id, "cadence.timer." + timer.kind,
                SlaCalculator.slaStartAt(timer.fireAt), false);
        return policies.ensure(timer.tenantId).chain(versioned -> {
            ZoneId zone = versioned.policy().zone();
            String ruleId = RENEWAL_TIMER.equals(timer.kind) ? DateTriggerRule.T_REN : DateTriggerRule.T_FYE;
            return triggerRules.current(timer.tenantId, ruleId).chain(rule -> {
                LocalDate anchor = timer.fireAt.atZone(zone).toLocalDate().plusDays(leadDays(rule));
                if (RENEWAL_TIMER.equals(timer.kind)) {
                    // A renewal date changed since the timer was planned: the re-plan voided it; belt and braces.
                    return anchor.equals(client.contractRenewalDate) ? fireRenewal(client, anchor, firing, rule)
                            : Uni.createFrom().voidItem();
                }
                if (client.fiscalYearEndMonth == null || !anchor.equals(DateTriggerRule.fiscalYearEnd(
                        client.fiscalYearEndMonth, anchor.withDayOfMonth(1)))) {
                    return Uni.createFrom().voidItem();
                }
                // Planned from fire_at: in a catch-up run the next year's timer may already be due, and the
                // rule-timer loop then fires it in fire_at order.
                return fireFiscalYear(client, anchor, firing, rule)
                        .chain(() -> planFiscalYear(client, zone, timer.fireAt, null, anchor.plusDays(1)));
            });
        });
    }

    private Uni<Void> planRenewal(ClientViewEntity client, ZoneId zone, Instant now, Firing late) {
        return triggerRules.current(client.tenantId, DateTriggerRule.T_REN).chain(rule -> {
            if (!rule.enabled()) {
                return Uni.createFrom().voidItem(); // DISABLED: planned again by the next registry change
            }
            DateTriggerRule.Plan plan = DateTriggerRule.plan(client.contractRenewalDate, leadDays(rule), now, zone);
            return switch (plan.when()) {
                case NONE -> Uni.createFrom().voidItem();
                case LATE -> fireRenewal(client, plan.anchor(), late, rule);
                case TIMER -> timers.plan(client.tenantId, client.clientId, RENEWAL_TIMER, client.clientId,
                        plan.fireAt(), now()).replaceWithVoid();
            };
        });
    }

    /**
     * Plans the FY end on or after {@code from} (the local date of {@code now} when null) as seen at {@code now}; a
     * late one fires when {@code late} says how, and the next year's is planned.
     */
    private Uni<Void> planFiscalYear(ClientViewEntity client, ZoneId zone, Instant now, Firing late, LocalDate from) {
        if (client.fiscalYearEndMonth == null) {
            return Uni.createFrom().voidItem();
        }
        LocalDate start = from != null ? from : now.atZone(zone).toLocalDate();
        LocalDate fyEnd = DateTriggerRule.fiscalYearEnd(client.fiscalYearEndMonth, start);
        return triggerRules.current(client.tenantId, DateTriggerRule.T_FYE).chain(rule -> {
            if (!rule.enabled()) {
                return Uni.createFrom().voidItem(); // DISABLED: planned again by the next registry change
            }
            DateTriggerRule.Plan plan = DateTriggerRule.plan(fyEnd, leadDays(rule), now, zone);
            return switch (plan.when()) {
                case NONE -> Uni.createFrom().voidItem();
                // Late (or already fired for this FY end): fire at most once, then plan the next year's.
                case LATE -> (late == null ? Uni.createFrom().voidItem()
                        : fireFiscalYear(client, fyEnd, late, rule))
                        .chain(() -> planFiscalYear(client, zone, now, null, fyEnd.plusDays(1)));
                case TIMER -> timers.plan(client.tenantId, client.clientId, FISCAL_YEAR_TIMER, client.clientId,
                        plan.fireAt(), now()).replaceWithVoid();
            };
        });
    }

    private Uni<Void> fireRenewal(ClientViewEntity client, LocalDate renewal, Firing firing, TriggerRule rule) {
        String key = DateTriggerRule.dedupeKey(client.clientId, DateTriggerRule.T_REN, renewal);
        if (!rule.enabled()) {
            return Uni.createFrom().voidItem(); // DISABLED
        }
        return ctas.anyWithKey(client.tenantId, client.clientId, key).chain(fired -> fired
                ? Uni.createFrom().voidItem() // once per date
                : ctas.findOpenOfClient(client.tenantId, client.clientId).chain(open -> policies.ensure(client.tenantId)
                .chain(versioned -> {
                    boolean atRiskOpen = open.stream().anyMatch(c -> c.kind == CtaKind.AT_RISK);
                    RuleCta cta = DateTriggerRule.renewal(client.clientId, renewal, firing.slaStartAt(), firing.late(),
                            client.compositeColor, atRiskOpen, new SlaCalculator(versioned.policy().calendar()));
                    return ruleCtas.open(firing.context(), client.clientId, segmentOf(client, versioned), cta,
                            rule.version(), cause(firing, "date:" + renewal, "Renewal " + renewal)).replaceWithVoid();
                })));
    }

    private Uni<Void> fireFiscalYear(ClientViewEntity client, LocalDate fyEnd, Firing firing, TriggerRule rule) {
        String key = DateTriggerRule.dedupeKey(client.clientId, DateTriggerRule.T_FYE, fyEnd);
        if (!rule.enabled()) {
            return Uni.createFrom().voidItem(); // DISABLED
        }
        return ctas.anyWithKey(client.tenantId, client.clientId, key).chain(fired -> fired
                ? Uni.createFrom().voidItem()
                : policies.ensure(client.tenantId).chain(versioned -> {
                    String segment = segmentOf(client, versioned);
                    RuleCta cta = DateTriggerRule.fiscalYear(client.clientId, fyEnd,
                            Segment.parse(segment).orElse(Segment.C), firing.slaStartAt(), firing.late(),
                            new SlaCalculator(versioned.policy().calendar()));
                    return ruleCtas.open(firing.context(), client.clientId, segment, cta, rule.version(),
                            cause(firing, "date:" + fyEnd, "Fiscal year end " + fyEnd)).replaceWithVoid();
                }));
    }

    /** A renewal date that changed makes the open T-REN of the old date SUPERSEDED (§4.2). */
    private Uni<Void> supersedeOtherRenewals(EventContext context, ClientViewEntity client) {
        String current = client.contractRenewalDate == null ? null
                : DateTriggerRule.dedupeKey(client.clientId, DateTriggerRule.T_REN, client.contractRenewalDate);
        return ruleCtas.openOfRule(client.tenantId, client.clientId, DateTriggerRule.T_REN).chain(open -> {
            List<CtaEntity> stale = open.stream().filter(c -> !c.dedupeKey.equals(current)).toList();
            return CadenceService.chain(stale.stream().map(c -> ruleCtas.supersede(context, c,
                    context.causationId() == null ? null : context.causationId().toString(),
                    "The renewal date changed to " + client.contractRenewalDate)).toList());
        });
    }

    private static String segmentOf(ClientViewEntity client, PolicyService.Versioned versioned) {
        return client.segment != null ? client.segment : versioned.policy().provisionalSegment();
    }

    private static Cause cause(Firing firing, String causeKey, String summary) {
        return new Cause(firing.causeId(), firing.causeType(), firing.slaStartAt(), causeKey,
                firing.context().correlationId(), summary);
    }

    private static int leadDays(TriggerRule rule) {
        return rule.param(TriggerRule.LEAD_DAYS).intValue();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
