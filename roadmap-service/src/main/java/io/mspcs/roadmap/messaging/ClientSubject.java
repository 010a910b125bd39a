package io.mspcs.roadmap.messaging;

import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.PoisonEventException;

import java.util.UUID;

/** Client-scoped events name the client in {@code subject} (events.md §1). */
final class ClientSubject {

    private ClientSubject() {
    }

    static UUID of(EventEnvelope event) {
        try {
            return UUID.fromString(event.subject());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(event.type() + " subject is not a client id: " + event.subject(), e);
        }
    }
}
