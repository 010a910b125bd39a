package io.mspcs.cadence.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decisions (cadence.md §2.4): outcome APPROVE, ADJUST, PARK or NO_GO, summary ≤ 280. The credit gate is met only by
 * APPROVE/ADJUST with an owner, a due date and a budget; PARK needs an owner and a checkpoint date.
 */
public final class DecisionRules {

    public static final Set<String> OUTCOMES = Set.of("APPROVE", "ADJUST", "PARK", "NO_GO");
    public static final int MAX_SUMMARY = 280;

    private DecisionRules() {
    }

    /** A field problem of the decision, if any: {@code field:code}. */
    public static Optional<String> problem(String outcome, String summary, UUID ownerMemberId, UUID ownerContactId,
                                           LocalDate dueDate) {
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            return Optional.of("outcome:unknown-value");
        }
        if (summary == null || summary.isBlank()) {
            return Optional.of("summary:required");
        }
        if (summary.length() > MAX_SUMMARY) {
            return Optional.of("summary:too-long");
        }
        if ("PARK".equals(outcome) && (ownerMemberId == null && ownerContactId == null || dueDate == null)) {
            return Optional.of("dueDate:park-needs-owner-and-checkpoint");
        }
        return Optional.empty();
    }

    public static boolean creditGateMet(String outcome, UUID ownerMemberId, UUID ownerContactId, LocalDate dueDate,
                                        BigDecimal budget) {
        return ("APPROVE".equals(outcome) || "ADJUST".equals(outcome))
                && (ownerMemberId != null || ownerContactId != null) && dueDate != null && budget != null;
    }
}
