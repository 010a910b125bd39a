package io.mspcs.cadence.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.mspcs.cadence.domain.TriggerRule;
import io.mspcs.cadence.repository.TriggerRuleEntity;
import io.mspcs.cadence.repository.TriggerRuleRepository;
import io.mspcs.contracts.EventCodec;
import io.mspcs.rest.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tenant trigger rules (cadence.md §4.1, §8.5). Version 1 is the built-in default and is never stored, so a tenant
 * that never patched a rule costs no rows; a patch stores N+1. Rule handlers ask {@link #current} for the enabled
 * flag, thresholds and the version to put in a CTA's reason.
 */
@ApplicationScoped
public class TriggerRuleService {

    /** A rule version with when and by whom it was published (null for the built-in version 1). */
    public record Versioned(TriggerRule rule, Instant publishedAt, String publishedBy) {
    }

    private static final TypeReference<LinkedHashMap<String, BigDecimal>> PARAMS = new TypeReference<>() {
    };

    private final TriggerRuleRepository rules;
    private final Clock clock;

    public TriggerRuleService(TriggerRuleRepository rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    /** The rule in force for the tenant; an unknown id is a programming error of the caller. */
    public Uni<TriggerRule> current(UUID tenantId, String ruleId) {
        return rules.current(tenantId, ruleId).map(row -> row == null
                ? TriggerRule.defaultOf(ruleId).orElseThrow(() -> new IllegalArgumentException("unknown rule " + ruleId))
                : toRule(row));
    }

    /** Every rule of the catalogue at its current version. */
    public Uni<List<Versioned>> all(UUID tenantId) {
        return rules.all(tenantId).map(rows -> {
            Map<String, Versioned> latest = new LinkedHashMap<>();
            for (String id : TriggerRule.ruleIds()) {
                latest.put(id, new Versioned(TriggerRule.defaultOf(id).orElseThrow(), null, null));
            }
            for (TriggerRuleEntity row : rows) { // ordered by version: the last one wins
                latest.put(row.ruleId, versioned(row));
            }
            return List.copyOf(latest.values());
        });
    }

    /** Every version of one rule, version 1 (the default) first. */
    public Uni<List<Versioned>> versions(UUID tenantId, String ruleId) {
        TriggerRule builtIn = TriggerRule.defaultOf(ruleId).orElseThrow(() -> ProblemException.notFound("trigger rule"));
        return rules.versions(tenantId, ruleId).map(rows -> {
            List<Versioned> all = new ArrayList<>();
            all.add(new Versioned(builtIn, null, null));
            rows.forEach(row -> all.add(versioned(row)));
            return all;
        });
    }

    public Uni<Versioned> patch(UUID tenantId, String ruleId, Boolean enabled, Map<String, BigDecimal> params,
                                String principal) {
        if (!TriggerRule.known(ruleId)) {
            return Uni.createFrom().failure(ProblemException.notFound("trigger rule"));
        }
        return current(tenantId, ruleId).chain(rule -> {
            TriggerRule next;
            try {
                next = rule.patched(enabled, params);
            } catch (TriggerRule.InvalidPatch e) {
                return Uni.createFrom().failure(ProblemException.invalid(e.field(), e.code(), e.getMessage()));
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            TriggerRuleEntity row = TriggerRuleEntity.of(tenantId, ruleId, next.version(), next.enabled(),
                    write(next.params()), principal, now);
            return rules.persist(row).map(saved -> versioned(saved));
        });
    }

    private static Versioned versioned(TriggerRuleEntity row) {
        return new Versioned(toRule(row), row.publishedAt, row.publishedBy);
    }

    private static TriggerRule toRule(TriggerRuleEntity row) {
        try {
            return new TriggerRule(row.ruleId, row.ruleVersion, row.enabled, EventCodec.mapper().readValue(row.params, PARAMS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable params of " + row.ruleId + " v" + row.ruleVersion, e);
        }
    }

    private static String write(Map<String, BigDecimal> params) {
        try {
            return EventCodec.mapper().writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
