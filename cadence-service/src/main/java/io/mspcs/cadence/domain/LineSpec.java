package io.mspcs.cadence.domain;

import java.util.List;
import java.util.Objects;

/**
 * One line of the cadence matrix (cadence.md §2.2): a segment meets with this meeting type at this frequency, the
 * owner is accountable that it happens, and a meeting of any {@code alsoSatisfiedBy} type counts for it too.
 */
public record LineSpec(String segment, String meetingType, Frequency frequency, List<Frequency> allowedFrequencies,
                       Role ownerRole, Role leadRole, String format, int minutes, List<String> alsoSatisfiedBy,
                       boolean enabled) {

    public LineSpec {
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(meetingType, "meetingType");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(ownerRole, "ownerRole");
        allowedFrequencies = allowedFrequencies == null || allowedFrequencies.isEmpty()
                ? List.of(frequency) : List.copyOf(allowedFrequencies);
        alsoSatisfiedBy = alsoSatisfiedBy == null ? List.of() : List.copyOf(alsoSatisfiedBy);
    }

    /** The line's own type, its "also satisfied by" types and ANNUAL_STRATEGY_PLANNING, which satisfies every line. */
    public List<String> satisfyingTypes() {
        java.util.LinkedHashSet<String> types = new java.util.LinkedHashSet<>();
        types.add(meetingType);
        types.addAll(alsoSatisfiedBy);
        types.add(CadencePolicy.ANNUAL_STRATEGY_PLANNING);
        return List.copyOf(types);
    }

    public LineSpec withEnabled(boolean on) {
        return new LineSpec(segment, meetingType, frequency, allowedFrequencies, ownerRole, leadRole, format, minutes,
                alsoSatisfiedBy, on);
    }
}
