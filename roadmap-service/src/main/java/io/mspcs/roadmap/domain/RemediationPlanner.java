package io.mspcs.roadmap.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Remediation first, step 1 (roadmap.md §5.3): for the gaps of a health event, which insights get a new DRAFT
 * remediation initiative and which only add the event to the initiative that already covers them. Exactly one
 * open remediation initiative per insight, whichever event arrived first.
 */
public final class RemediationPlanner {

    private RemediationPlanner() {
    }

    /** A covered insight: the event id is added to the covering initiative. */
    public record Link(UUID initiativeId, String insightCode) {
    }

    /** A CTA-made initiative without an insight, waiting for this event: it takes the gap's insight. */
    public record Binding(UUID initiativeId, TopGap gap) {
    }

    public record Plan(List<Link> links, List<Binding> bindings, List<TopGap> creations) {

        public boolean createsAnything() {
            return !creations.isEmpty();
        }
    }

    /**
     * @param gaps     the event's gaps, most important first; those at or above target and repeats are ignored
     * @param eventId  the health event's id
     * @param existing the client's initiatives in roadmap order
     */
    public static Plan plan(List<TopGap> gaps, UUID eventId, List<RemediationInitiative> existing) {
        List<Link> links = new ArrayList<>();
        List<Binding> bindings = new ArrayList<>();
        List<TopGap> creations = new ArrayList<>();
        Set<UUID> bound = new HashSet<>();
        for (TopGap gap : distinctGapsBelowTarget(gaps)) {
            Optional<RemediationInitiative> covering = existing.stream()
                    .filter(initiative -> initiative.covers(gap.insightCode())).findFirst();
            if (covering.isPresent()) {
                links.add(new Link(covering.get().initiativeId(), gap.insightCode()));
                continue;
            }
            Optional<RemediationInitiative> waiting = existing.stream()
                    .filter(initiative -> initiative.awaitsInsightFrom(eventId))
                    .filter(initiative -> !bound.contains(initiative.initiativeId()))
                    .findFirst();
            if (waiting.isPresent()) {
                bound.add(waiting.get().initiativeId());
                bindings.add(new Binding(waiting.get().initiativeId(), gap));
            } else {
                creations.add(gap);
            }
        }
        return new Plan(List.copyOf(links), List.copyOf(bindings), List.copyOf(creations));
    }

    private static List<TopGap> distinctGapsBelowTarget(List<TopGap> gaps) {
        Map<String, TopGap> byInsight = new LinkedHashMap<>();
        gaps.stream().filter(TopGap::belowTarget).forEach(gap -> byInsight.putIfAbsent(gap.insightCode(), gap));
        return List.copyOf(byInsight.values());
    }
}
