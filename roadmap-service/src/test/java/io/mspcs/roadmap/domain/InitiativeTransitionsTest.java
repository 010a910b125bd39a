package io.mspcs.roadmap.domain;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.mspcs.roadmap.domain.InitiativeState.*;
import static org.assertj.core.api.Assertions.assertThat;

class InitiativeTransitionsTest {

    @Test
    void allowedNextStatesFollowTheSpecTable() {
        assertThat(InitiativeTransitions.allowedNext(PROPOSED)).containsExactly(APPROVED, DEFERRED, REJECTED,
                INTERNAL_REVIEW);
        assertThat(InitiativeTransitions.allowedNext(DRAFT)).containsExactly(INTERNAL_REVIEW, CLOSED);
        assertThat(InitiativeTransitions.allowedNext(CLOSED)).isEmpty();
        assertThat(InitiativeTransitions.exists(PROPOSED, IN_PROGRESS)).as("E4: I3 → IN_PROGRESS").isFalse();
        assertThat(InitiativeTransitions.exists(DRAFT, APPROVED)).as("E4: new DRAFT → APPROVED").isFalse();
        assertThat(InitiativeTransitions.exists(DRAFT, DRAFT)).isFalse();
    }

    @Test
    void tamMayProposeAndApproveOnlyRemediationWork() {
        Set<String> tam = Set.of("TAM");
        assertThat(InitiativeTransitions.permitted(INTERNAL_REVIEW, PROPOSED, tam, true)).isTrue();
        assertThat(InitiativeTransitions.permitted(INTERNAL_REVIEW, PROPOSED, tam, false)).isFalse();
        assertThat(InitiativeTransitions.permitted(PROPOSED, APPROVED, tam, true)).isTrue();
        assertThat(InitiativeTransitions.permitted(PROPOSED, APPROVED, Set.of("CSM"), false)).isFalse();
        assertThat(InitiativeTransitions.permitted(PROPOSED, APPROVED, Set.of("VCIO"), false)).isTrue();
    }

    @Test
    void onlyTheCsLeaderCancelsApprovedWork() {
        assertThat(InitiativeTransitions.permitted(APPROVED, CLOSED, Set.of("VCIO", "CSM"), false)).isFalse();
        assertThat(InitiativeTransitions.permitted(IN_PROGRESS, CLOSED, Set.of("CS_LEADER"), false)).isTrue();
        assertThat(InitiativeTransitions.permitted(DRAFT, CLOSED, Set.of("TAM"), false)).isTrue();
        assertThat(InitiativeTransitions.permitted(COMPLETED, CLOSED, Set.of("TAM"), false)).isFalse();
        assertThat(InitiativeTransitions.permitted(DRAFT, INTERNAL_REVIEW, Set.of("AM", "VIEWER"), false)).isFalse();
    }

    @Test
    void anIntegrationKeyWithRoadmapWriteTakesOnlyTheEdgesOpenToEveryWriter() {
        Set<String> key = Set.of("roadmap:write");
        assertThat(InitiativeTransitions.permitted(DRAFT, INTERNAL_REVIEW, key, false)).as("#2").isTrue();
        assertThat(InitiativeTransitions.permitted(DEFERRED, INTERNAL_REVIEW, key, false)).as("#9").isTrue();
        assertThat(InitiativeTransitions.permitted(APPROVED, IN_PROGRESS, key, false)).as("#12").isTrue();
        assertThat(InitiativeTransitions.permitted(IN_PROGRESS, COMPLETED, key, false)).as("#13").isTrue();
        assertThat(InitiativeTransitions.permitted(DRAFT, CLOSED, key, false)).as("#15").isTrue();
        assertThat(InitiativeTransitions.permitted(INTERNAL_REVIEW, PROPOSED, key, true)).as("#4").isFalse();
        assertThat(InitiativeTransitions.permitted(PROPOSED, APPROVED, key, true)).as("#5").isFalse();
        assertThat(InitiativeTransitions.permitted(INTERNAL_REVIEW, DRAFT, key, false)).as("#3").isFalse();
        assertThat(InitiativeTransitions.permitted(APPROVED, CLOSED, key, false)).as("#16").isFalse();
        assertThat(InitiativeTransitions.permitted(COMPLETED, CLOSED, key, false)).as("#14").isFalse();
    }
}
