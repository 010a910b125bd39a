package io.mspcs.outbox;

import io.mspcs.contracts.EventEnvelope;
import io.smallrye.mutiny.Uni;

import java.util.Map;
import java.util.function.Function;

/**
 * What one consumer does per event type. Types it does not list are skipped (events.md §5.2: unknown types and
 * versions are acknowledged, never dead-lettered).
 */
public final class EventHandlers {

    private final Map<String, Function<EventEnvelope, Uni<Void>>> byType;

    private EventHandlers(Map<String, Function<EventEnvelope, Uni<Void>>> byType) {
        this.byType = Map.copyOf(byType);
    }

    public static EventHandlers of(Map<String, Function<EventEnvelope, Uni<Void>>> byType) {
        return new EventHandlers(byType);
    }

    public boolean handles(String type) {
        return type != null && byType.containsKey(type);
    }

    /** Runs the handler inside the caller's transaction. */
    public Uni<Void> handle(EventEnvelope event) {
        return byType.get(event.type()).apply(event);
    }
}
