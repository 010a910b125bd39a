package io.mspcs.outbox;

import io.mspcs.contracts.EventEnvelope;

import java.util.Objects;
import java.util.UUID;

/**
 * Who an event is for and which chain it belongs to: the tenant, the correlation id of the request or first
 * event that started the chain, and the id of the event that directly caused this one (events.md §1).
 */
public record EventContext(UUID tenantId, String correlationId, UUID causationId) {

    public EventContext {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /** A chain started by a request (its {@code X-Correlation-Id}). */
    public static EventContext ofRequest(UUID tenantId, String correlationId) {
        return new EventContext(tenantId, correlationId, null);
    }

    /** A handler reacting to {@code cause}: same tenant and correlation, caused by it. */
    public static EventContext causedBy(EventEnvelope cause) {
        return new EventContext(cause.tenantId(), cause.correlationId(), cause.id());
    }
}
