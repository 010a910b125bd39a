package io.mspcs.gateway.client;

import io.mspcs.gateway.domain.Upstream;

/** A call refused without trying because the service's circuit is open (gateway.md §3). */
public class CircuitOpenException extends RuntimeException {

    public CircuitOpenException(Upstream upstream) {
        super("the circuit of " + upstream + " is open", null, false, false);
    }
}
