package io.mspcs.health.support;

import io.mspcs.health.service.RecomputeQueue;
import io.mspcs.platformtest.MutableClock;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;

import java.time.Duration;
import java.time.Instant;

import static org.awaitility.Awaitility.await;

/**
 * Component tests that move the module's shared clock: after each test the background recomputes finish, then the
 * clock goes back to its start, so the next test (of any class) sees 2026-11-20T14:00Z.
 */
public abstract class ClockedComponentTest {

    protected static final Instant START = Instant.parse("2026-11-20T14:00:00Z");

    @Inject
    protected MutableClock clock;
    @Inject
    protected RecomputeQueue recomputes;

    @AfterEach
    public void putTheClockBack() {
        awaitIdle();
        clock.set(START);
    }

    protected void awaitIdle() {
        await().atMost(Duration.ofSeconds(15)).until(recomputes::idle);
    }
}
