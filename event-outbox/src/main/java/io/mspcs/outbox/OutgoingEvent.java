package io.mspcs.outbox;

import java.util.Objects;

/**
 * An event a service wants published: its type, subject (the client id, or the member id for member events),
 * the aggregate it belongs to and the producer-owned payload record that becomes {@code data}.
 */
public record OutgoingEvent(String type, String subject, String aggregateType, String aggregateId, Object data) {

    public OutgoingEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(data, "data");
    }
}
