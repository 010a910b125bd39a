package io.mspcs.cadence.support;

import io.mspcs.contracts.EventEnvelope;
import io.mspcs.platformtest.ConsumedEvents;
import io.mspcs.platformtest.EventPublisher;

/** One publisher for the component tests that feed the consumers, closed when the test JVM ends. */
public final class Publishing {

    private static EventPublisher publisher;

    private Publishing() {
    }

    /** Puts the event on its topic like the relay and waits until this service consumed it. */
    public static synchronized void publishAndAwait(EventEnvelope event) {
        if (publisher == null) {
            publisher = EventPublisher.forSharedInfra();
            EventPublisher opened = publisher;
            Runtime.getRuntime().addShutdownHook(new Thread(opened::close));
        }
        publisher.publish(event);
        ConsumedEvents.await("cadence", event.id());
    }
}
