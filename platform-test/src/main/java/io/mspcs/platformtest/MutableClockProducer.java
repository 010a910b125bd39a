package io.mspcs.platformtest;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** In component tests the shared {@link MutableClock} replaces the service's system clock. */
@Singleton
public class MutableClockProducer {

    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    MutableClock clock() {
        return MutableClock.shared();
    }
}
