package io.mspcs.cadence.messaging;

import io.mspcs.cadence.domain.Owners;
import io.mspcs.cadence.domain.Role;
import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.PoisonEventException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * Cadence's tolerant readers of segmentation events (events.md §4.1): only the fields it uses, unknown fields and
 * values ignored; a missing required field is poison.
 */
public final class SegmentationReaders {

    private SegmentationReaders() {
    }

    /** {@code ClientRegistered} and {@code ClientUpdated} (which carries the full current state as well). */
    public record ClientRegistered(UUID clientId, String name, String status, Instant registeredAt,
                                   LocalDate contractRenewalDate, Integer fiscalYearEndMonth) {
        public static ClientRegistered read(EventEnvelope event) {
            ClientRegistered data = EventCodec.readData(event, ClientRegistered.class);
            require(event, data.clientId(), "clientId");
            require(event, data.name(), "name");
            return data;
        }
    }

    public record SegmentAssigned(UUID clientId, String segment, String mrrBand) {
        public static SegmentAssigned read(EventEnvelope event) {
            SegmentAssigned data = EventCodec.readData(event, SegmentAssigned.class);
            require(event, data.clientId(), "clientId");
            require(event, data.segment(), "segment");
            return data;
        }
    }

    public record SegmentChanged(UUID clientId, String from, String to, String mrrBand) {
        public static SegmentChanged read(EventEnvelope event) {
            SegmentChanged data = EventCodec.readData(event, SegmentChanged.class);
            require(event, data.clientId(), "clientId");
            require(event, data.to(), "to");
            return data;
        }
    }

    /** The full owner map travels with every assignment; roles cadence does not know are ignored. */
    public record OwnerAssigned(UUID clientId, Instant assignedAt, Map<String, Owner> owners) {
        public record Owner(UUID memberId, UUID backupMemberId) {
        }

        public Owners toOwners() {
            Map<Role, Owners.Assignment> byRole = new EnumMap<>(Role.class);
            owners.forEach((role, owner) -> Role.parse(role).ifPresent(known -> byRole.put(known,
                    new Owners.Assignment(owner == null ? null : owner.memberId(),
                            owner == null ? null : owner.backupMemberId()))));
            return new Owners(byRole);
        }

        public static OwnerAssigned read(EventEnvelope event) {
            OwnerAssigned data = EventCodec.readData(event, OwnerAssigned.class);
            require(event, data.clientId(), "clientId");
            require(event, data.assignedAt(), "assignedAt");
            require(event, data.owners(), "owners");
            return data;
        }
    }

    static void require(EventEnvelope event, Object value, String field) {
        if (value == null) {
            throw new PoisonEventException(event.type() + " " + event.id() + " has no " + field);
        }
    }
}
