package io.mspcs.cadence.repository;

import io.mspcs.cadence.domain.CtaKind;
import io.mspcs.cadence.domain.CtaStatus;

import java.util.Set;
import java.util.UUID;

/** List filters of {@code GET /ctas}; a null field does not filter. */
public record CtaFilter(UUID clientId, Set<CtaStatus> statuses, CtaKind kind) {
}
