package io.mspcs.roadmap.domain;

import io.mspcs.roadmap.domain.CtaLinkMatcher.CtaSignal;
import io.mspcs.roadmap.domain.CtaLinkMatcher.Match;
import io.mspcs.roadmap.domain.CtaLinkMatcher.Rule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CtaLinkMatcherTest {

    private final UUID cta = UUID.randomUUID();
    private final UUID drop = UUID.randomUUID();
    private final UUID gate = UUID.randomUUID();

    private static RemediationInitiative open(UUID id, String insight, OriginRefs refs) {
        return new RemediationInitiative(id, true, true, insight == null ? Set.of() : Set.of(insight), refs);
    }

    private static OriginRefs refs(List<UUID> ctas, List<UUID> healthEvents, List<UUID> gates) {
        return new OriginRefs(List.of(), ctas, healthEvents, gates, List.of());
    }

    @Test
    void prefersTheInitiativeAlreadyHoldingTheCta() {
        UUID holder = UUID.randomUUID();
        var initiatives = List.of(
                open(UUID.randomUUID(), "MFA", refs(List.of(), List.of(drop), List.of())),
                new RemediationInitiative(holder, true, false, Set.of("EDR"), refs(List.of(cta), List.of(), List.of())));

        assertThat(CtaLinkMatcher.match(new CtaSignal(cta, drop, null, List.of("MFA")), initiatives))
                .contains(new Match(holder, Rule.HOLDS_CTA));
    }

    @Test
    void thenTheGatesRemediation() {
        UUID gateWork = UUID.randomUUID();
        var initiatives = List.of(
                open(UUID.randomUUID(), "MFA", refs(List.of(), List.of(drop), List.of())),
                open(gateWork, "EDR", refs(List.of(), List.of(), List.of(gate))));

        assertThat(CtaLinkMatcher.match(new CtaSignal(cta, drop, gate, List.of()), initiatives))
                .contains(new Match(gateWork, Rule.GATE));
    }

    @Test
    void thenTheFirstInitiativeMadeFromTheCausingEvent() {
        UUID first = UUID.randomUUID();
        var initiatives = List.of(
                open(UUID.randomUUID(), "BACKUP", refs(List.of(), List.of(UUID.randomUUID()), List.of())),
                open(first, "MFA", refs(List.of(), List.of(drop), List.of())),
                open(UUID.randomUUID(), "EDR", refs(List.of(), List.of(drop), List.of())));

        assertThat(CtaLinkMatcher.match(new CtaSignal(cta, drop, null, List.of("BACKUP")), initiatives))
                .contains(new Match(first, Rule.CAUSATION));
    }

    @Test
    void thenTheInitiativeCoveringAnInsightNamedInTheInputs() {
        UUID edr = UUID.randomUUID();
        var initiatives = List.of(
                open(UUID.randomUUID(), "MFA", OriginRefs.none()),
                open(edr, "EDR", OriginRefs.none()));

        assertThat(CtaLinkMatcher.match(new CtaSignal(cta, UUID.randomUUID(), null, List.of("EDR")), initiatives))
                .contains(new Match(edr, Rule.INSIGHT));
    }

    @Test
    void findsNothingWhenNoRuleMatches() {
        var closedWithInsight = new RemediationInitiative(UUID.randomUUID(), true, false, Set.of("MFA"),
                refs(List.of(), List.of(drop), List.of()));

        assertThat(CtaLinkMatcher.match(new CtaSignal(cta, drop, null, List.of("MFA")), List.of(closedWithInsight))).isEmpty();
        assertThat(CtaLinkMatcher.match(new CtaSignal(cta, null, null, List.of()), List.of())).isEmpty();
    }

    @Test
    void aSecondCtaOfTheSameDropFindsTheInitiativeTheFirstCtaCreated() {
        UUID fromFirstCta = UUID.randomUUID();
        var initiatives = List.of(open(fromFirstCta, null, OriginRefs.none().withCta(UUID.randomUUID(), drop)));

        assertThat(CtaLinkMatcher.match(new CtaSignal(cta, drop, null, List.of()), initiatives))
                .contains(new Match(fromFirstCta, Rule.CAUSATION));
    }
}
