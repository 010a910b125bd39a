package io.mspcs.cadence.domain;

import java.util.Optional;
import java.util.Set;

/**
 * One open CTA per (tenant, client, kind, dedupe key) (cadence.md §5.3): a trigger opens a CTA only when none is
 * open; on an open one it counts as a new occurrence only if its cause key is new.
 */
public final class CtaDeduplicationPolicy {

    private CtaDeduplicationPolicy() {
    }

    /**
     * @param causeKeysOfOpenCta the cause keys of the open CTA with the trigger's dedupe key, empty when none is open
     * @param causeKey           the trigger's cause key (e.g. {@code snapshot:<snapshotId>})
     */
    public static CauseDecision decide(Optional<Set<String>> causeKeysOfOpenCta, String causeKey) {
        if (causeKeysOfOpenCta.isEmpty()) {
            return CauseDecision.OPEN;
        }
        return causeKeysOfOpenCta.get().contains(causeKey) ? CauseDecision.DUPLICATE_CAUSE : CauseDecision.UPDATE;
    }
}
