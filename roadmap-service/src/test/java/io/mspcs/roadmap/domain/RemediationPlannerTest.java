package io.mspcs.roadmap.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RemediationPlannerTest {

    private static final UUID DROP = UUID.randomUUID();

    private static TopGap gap(String code, String coverage, String target) {
        return new TopGap(code, new BigDecimal(coverage), new BigDecimal(target));
    }

    private static RemediationInitiative remediation(UUID id, Set<String> insights, OriginRefs refs) {
        return new RemediationInitiative(id, true, true, insights, refs);
    }

    @Test
    void createsOneInitiativePerUncoveredInsightOfTheDrop() {
        var plan = RemediationPlanner.plan(List.of(gap("MFA", "0.58", "0.9"), gap("EDR", "0.7", "0.95")), DROP, List.of());

        assertThat(plan.creations()).extracting(TopGap::insightCode).containsExactly("MFA", "EDR");
        assertThat(plan.links()).isEmpty();
        assertThat(plan.bindings()).isEmpty();
    }

    @Test
    void onlyLinksTheEventToTheInitiativeAlreadyCoveringTheInsight() {
        UUID mfa = UUID.randomUUID();
        var plan = RemediationPlanner.plan(List.of(gap("MFA", "0.55", "0.9"), gap("EDR", "0.7", "0.95")), DROP,
                List.of(remediation(mfa, Set.of("MFA"), OriginRefs.none())));

        assertThat(plan.links()).containsExactly(new RemediationPlanner.Link(mfa, "MFA"));
        assertThat(plan.creations()).extracting(TopGap::insightCode).containsExactly("EDR");
    }

    @Test
    void ignoresInsightsAtTargetAndRepeatedInsights() {
        var plan = RemediationPlanner.plan(
                List.of(gap("MFA", "0.58", "0.9"), gap("MFA", "0.50", "0.9"), gap("BACKUP", "0.95", "0.95")), DROP, List.of());

        assertThat(plan.creations()).extracting(TopGap::insightCode).containsExactly("MFA");
    }

    @Test
    void closedOrNonRemediationWorkDoesNotCoverAnInsight() {
        var closed = new RemediationInitiative(UUID.randomUUID(), true, false, Set.of("MFA"), OriginRefs.none());
        var manual = new RemediationInitiative(UUID.randomUUID(), false, true, Set.of("MFA"), OriginRefs.none());

        var plan = RemediationPlanner.plan(List.of(gap("MFA", "0.58", "0.9")), DROP, List.of(closed, manual));

        assertThat(plan.creations()).hasSize(1);
    }

    @Test
    void givesTheInsightToTheInitiativeAnEarlierCtaOfThisDropCreated() {
        UUID fromCta = UUID.randomUUID();
        var waiting = remediation(fromCta, Set.of(), OriginRefs.none().withCta(UUID.randomUUID(), DROP));

        var plan = RemediationPlanner.plan(List.of(gap("MFA", "0.58", "0.9"), gap("EDR", "0.7", "0.95")), DROP,
                List.of(waiting));

        assertThat(plan.bindings()).singleElement().satisfies(binding -> {
            assertThat(binding.initiativeId()).isEqualTo(fromCta);
            assertThat(binding.gap().insightCode()).isEqualTo("MFA");
        });
        assertThat(plan.creations()).extracting(TopGap::insightCode).containsExactly("EDR");
    }

    @Test
    void doesNotBindAnInitiativeWaitingForAnotherEvent() {
        var waiting = remediation(UUID.randomUUID(), Set.of(), OriginRefs.none().withCta(UUID.randomUUID(), UUID.randomUUID()));

        var plan = RemediationPlanner.plan(List.of(gap("MFA", "0.58", "0.9")), DROP, List.of(waiting));

        assertThat(plan.bindings()).isEmpty();
        assertThat(plan.creations()).hasSize(1);
    }

    @Test
    void titlesTheInitiativeWithCoverageAndTarget() {
        assertThat(gap("MFA", "0.58", "0.9").remediationTitle()).isEqualTo("Remediate MFA coverage (58% → 90%)");
        assertThat(gap("ENDPOINT_PROTECTION", "0.755", "0.8").remediationTitle())
                .isEqualTo("Remediate ENDPOINT PROTECTION coverage (75.5% → 80%)");
    }
}
