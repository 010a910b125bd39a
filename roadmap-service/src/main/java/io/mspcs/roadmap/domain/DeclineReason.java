package io.mspcs.roadmap.domain;

/** Why a client declined a proposal, each with its fixed reaction on the initiatives (roadmap.md §6.1, §12.12). */
public enum DeclineReason {
    PRICE, TIMING, BUDGET, DEPENDENCY, SCOPE, RELEVANCE, COMPETITOR, OTHER;

    public InitiativeState initiativesGoTo() {
        return switch (this) {
            case SCOPE -> InitiativeState.INTERNAL_REVIEW;
            case RELEVANCE, COMPETITOR -> InitiativeState.REJECTED;
            default -> InitiativeState.DEFERRED;
        };
    }

    /**
     * The quarter deferred work goes to. {@code requested} applies to PRICE and TIMING; BUDGET takes Q1 of the next
     * fiscal year; the rest the next quarter. DEPENDENCY without known dependencies falls back to the next quarter.
     */
    public Quarter deferTo(Quarter own, Quarter current, Quarter requested) {
        Quarter next = Deferral.nextQuarter(own, current);
        return switch (this) {
            case PRICE, TIMING -> requested != null ? requested : next;
            case BUDGET -> new Quarter(current.fiscalYear() + 1, 1);
            default -> next;
        };
    }
}
