package io.mspcs.roadmap.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What an initiative was made from or linked to (roadmap.md §3.2), plus {@code ctaCausationIds}: the ids of the
 * events that caused its CTAs. A CTA can arrive before the health event that caused it; keeping that event id
 * lets the late event find this initiative instead of creating a second one.
 */
public record OriginRefs(List<UUID> findingIds, List<UUID> ctaIds, List<UUID> healthEventIds, List<UUID> gateIds,
                         List<UUID> ctaCausationIds) {

    public OriginRefs {
        findingIds = copy(findingIds);
        ctaIds = copy(ctaIds);
        healthEventIds = copy(healthEventIds);
        gateIds = copy(gateIds);
        ctaCausationIds = copy(ctaCausationIds);
    }

    public static OriginRefs none() {
        return new OriginRefs(null, null, null, null, null);
    }

    public OriginRefs withHealthEvent(UUID eventId) {
        return new OriginRefs(findingIds, ctaIds, added(healthEventIds, eventId), gateIds, ctaCausationIds);
    }

    public OriginRefs withGate(UUID gateId) {
        return new OriginRefs(findingIds, ctaIds, healthEventIds, added(gateIds, gateId), ctaCausationIds);
    }

    public OriginRefs withFinding(UUID findingId) {
        return new OriginRefs(added(findingIds, findingId), ctaIds, healthEventIds, gateIds, ctaCausationIds);
    }

    /** Links a CTA and remembers what caused it; both are sets, so a repeat changes nothing. */
    public OriginRefs withCta(UUID ctaId, UUID causationId) {
        return new OriginRefs(findingIds, added(ctaIds, ctaId), healthEventIds, gateIds,
                added(ctaCausationIds, causationId));
    }

    /** Whether this initiative already answers for the event: it was made from it, or a CTA it caused is linked. */
    public boolean answersFor(UUID eventId) {
        return eventId != null && (healthEventIds.contains(eventId) || ctaCausationIds.contains(eventId));
    }

    private static List<UUID> added(List<UUID> ids, UUID id) {
        if (id == null || ids.contains(id)) {
            return ids;
        }
        List<UUID> result = new ArrayList<>(ids);
        result.add(id);
        return result;
    }

    private static List<UUID> copy(List<UUID> ids) {
        return ids == null ? List.of() : List.copyOf(ids);
    }
}
