package io.mspcs.rest;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one clock of a service: every business instant and every event {@code time} comes from it, so tests can
 * replace it (platform-test's {@code MutableClock}) and move time.
 */
@Singleton
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
