package io.mspcs.roadmap.service;

import java.time.LocalDate;

/** A client decision as the API takes it with an approval (roadmap.md §3.6, §5.4 P2/P3). */
public record DecisionInput(String evidence, String evidenceRef, String clientOwner, LocalDate decidedOn,
                            LocalDate targetDate, MoneyInput budget) {
}
