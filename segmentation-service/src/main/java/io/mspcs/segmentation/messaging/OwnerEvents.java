package io.mspcs.segmentation.messaging;

import io.mspcs.contracts.EventTypes;
import io.mspcs.outbox.OutgoingEvent;
import io.mspcs.segmentation.domain.TeamRole;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builds `OwnerAssigned` (events.md §4.1) with the full owner map cadence-service routes CTAs by. */
public final class OwnerEvents {

    private OwnerEvents() {
    }

    public record Owner(UUID memberId, UUID backupMemberId) {
    }

    record OwnerAssignedData(UUID clientId, String role, UUID memberId, UUID previousMemberId, UUID backupMemberId,
                             String reason, String by, Instant assignedAt, Map<String, Owner> owners) {
    }

    /** Every role is present; a role without owner maps to null. */
    public static Map<String, Owner> fullMap(Map<TeamRole, Owner> owners) {
        Map<String, Owner> map = new LinkedHashMap<>();
        for (TeamRole role : TeamRole.values()) {
            map.put(role.name(), owners.get(role));
        }
        return map;
    }

    public static OutgoingEvent assigned(UUID clientId, TeamRole role, UUID memberId, UUID previousMemberId,
                                         UUID backupMemberId, String reason, String by, Instant at,
                                         Map<TeamRole, Owner> owners) {
        return new OutgoingEvent(EventTypes.OWNER_ASSIGNED, clientId.toString(), "Client", clientId.toString(),
                new OwnerAssignedData(clientId, role.name(), memberId, previousMemberId, backupMemberId, reason, by,
                        SegmentEvents.ms(at), fullMap(owners)));
    }
}
