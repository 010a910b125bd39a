package io.mspcs.roadmap.service;

/** The review that closes completed work (roadmap.md §3.2, §4 #14). */
public record OutcomeReview(Boolean issueAddressed, Boolean onTime, Boolean onBudget, String note) {
}
