package io.mspcs.roadmap.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Remediation first, step 3 (roadmap.md §5.3): the initiative a REMEDIATION CTA attaches to, by the first rule
 * that matches; within a rule the initiative nearest the roadmap head wins. No match: the caller creates one.
 */
public final class CtaLinkMatcher {

    private CtaLinkMatcher() {
    }

    /** What a REMEDIATION CTA tells us: its id, the event that caused it, a related gate and insights it names. */
    public record CtaSignal(UUID ctaId, UUID causationId, UUID relatedGateId, List<String> insightCodes) {

        public CtaSignal {
            insightCodes = insightCodes == null ? List.of() : List.copyOf(insightCodes);
        }
    }

    public enum Rule {
        /** Redelivered or re-sent CTA: already linked. */
        HOLDS_CTA,
        /** The gate's remediation ({@code related.type = GATE}). */
        GATE,
        /** The initiative made from, or already answering for, the event that caused the CTA. */
        CAUSATION,
        /** The initiative covering an insight named in {@code reason.inputs}. */
        INSIGHT
    }

    public record Match(UUID initiativeId, Rule rule) {
    }

    /** @param initiatives the client's initiatives in roadmap order */
    public static Optional<Match> match(CtaSignal cta, List<RemediationInitiative> initiatives) {
        return first(initiatives, Rule.HOLDS_CTA, initiative -> initiative.refs().ctaIds().contains(cta.ctaId()))
                .or(() -> first(initiatives, Rule.GATE, initiative -> initiative.openRemediation()
                        && cta.relatedGateId() != null && initiative.refs().gateIds().contains(cta.relatedGateId())))
                .or(() -> first(initiatives, Rule.CAUSATION, initiative -> initiative.openRemediation()
                        && initiative.refs().answersFor(cta.causationId())))
                .or(() -> cta.insightCodes().stream()
                        .flatMap(code -> first(initiatives, Rule.INSIGHT, initiative -> initiative.covers(code)).stream())
                        .findFirst());
    }

    private static Optional<Match> first(List<RemediationInitiative> initiatives, Rule rule,
                                         Predicate<RemediationInitiative> test) {
        return initiatives.stream().filter(test).findFirst().map(initiative -> new Match(initiative.initiativeId(), rule));
    }
}
