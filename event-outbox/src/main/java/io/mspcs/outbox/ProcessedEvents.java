package io.mspcs.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;

/** The consumer side of exactly-once effects: {@code processed_event} rows written in the effect's transaction. */
@ApplicationScoped
public class ProcessedEvents {

    private static final String INSERT = """
            insert into processed_event (event_id, consumer, processed_at) values (:eventId, :consumer, :at)
            on conflict do nothing
            """;

    private final Clock clock;

    public ProcessedEvents(Clock clock) {
        this.clock = clock;
    }

    /** Records the event for the consumer; {@code false} when it was already processed (a redelivery). */
    public Uni<Boolean> markProcessed(UUID eventId, String consumer) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("eventId", eventId)
                        .setParameter("consumer", consumer)
                        .setParameter("at", clock.instant().atOffset(ZoneOffset.UTC))
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
