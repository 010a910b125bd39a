package io.mspcs.roadmap.domain;

import java.util.Set;
import java.util.UUID;

/**
 * The facts remediation matching needs about one existing initiative of the client. Lists of these are given in
 * roadmap order (quarter, position), so "the first match" is the one nearest the head.
 */
public record RemediationInitiative(UUID initiativeId, boolean remediation, boolean open, Set<String> insightCodes,
                                    OriginRefs refs) {

    public RemediationInitiative {
        insightCodes = Set.copyOf(insightCodes);
    }

    /** Open remediation work is what covers an insight and what CTAs link to. */
    public boolean openRemediation() {
        return remediation && open;
    }

    public boolean covers(String insightCode) {
        return openRemediation() && insightCodes.contains(insightCode);
    }

    /** Made from a CTA whose insight was not known yet: the causing health event will name it. */
    public boolean awaitsInsightFrom(UUID eventId) {
        return openRemediation() && insightCodes.isEmpty() && refs.answersFor(eventId);
    }
}
