package io.mspcs.gateway.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * One service's circuit breaker (gateway.md §3): over the last {@code window} calls, once at least
 * {@code failureRatio} of them failed the circuit opens and calls are refused for {@code openFor}; then one trial call
 * goes through — its success closes the circuit with a fresh window, its failure opens it again.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final boolean[] failed;
    private final double failureRatio;
    private final Duration openFor;
    private int recorded;
    private int next;
    private int failures;
    private State state = State.CLOSED;
    private Instant openedAt;
    private boolean trialRunning;

    public CircuitBreaker(int window, double failureRatio, Duration openFor) {
        if (window < 1 || failureRatio <= 0 || failureRatio > 1) {
            throw new IllegalArgumentException("window ≥ 1 and 0 < failureRatio ≤ 1");
        }
        this.failed = new boolean[window];
        this.failureRatio = failureRatio;
        this.openFor = openFor;
    }

    /** Whether a call may go out now; while half-open only the single trial call may. */
    public synchronized boolean tryAcquire(Instant now) {
        if (state == State.OPEN && !now.isBefore(openedAt.plus(openFor))) {
            state = State.HALF_OPEN;
            trialRunning = false;
        }
        if (state == State.OPEN) {
            return false;
        }
        if (state == State.HALF_OPEN) {
            if (trialRunning) {
                return false;
            }
            trialRunning = true;
        }
        return true;
    }

    public synchronized void onSuccess() {
        if (state == State.HALF_OPEN) {
            close();
        } else if (state == State.CLOSED) {
            record(false);
        }
    }

    public synchronized void onFailure(Instant now) {
        if (state == State.HALF_OPEN) {
            open(now);
            return;
        }
        if (state == State.CLOSED) {
            record(true);
            if (recorded == failed.length && failures >= failureRatio * failed.length) {
                open(now);
            }
        }
    }

    public synchronized State state(Instant now) {
        return state == State.OPEN && !now.isBefore(openedAt.plus(openFor)) ? State.HALF_OPEN : state;
    }

    private void record(boolean failure) {
        if (recorded == failed.length && failed[next]) {
            failures--;
        }
        failed[next] = failure;
        if (failure) {
            failures++;
        }
        next = (next + 1) % failed.length;
        recorded = Math.min(recorded + 1, failed.length);
    }

    private void open(Instant now) {
        state = State.OPEN;
        openedAt = now;
        trialRunning = false;
    }

    private void close() {
        state = State.CLOSED;
        java.util.Arrays.fill(failed, false);
        recorded = 0;
        next = 0;
        failures = 0;
        trialRunning = false;
    }
}
