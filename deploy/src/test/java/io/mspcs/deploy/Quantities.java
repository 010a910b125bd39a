package io.mspcs.deploy;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;

/** Kubernetes quantities ("250m", "512Mi", "1") as numbers, to compare requests with limits. */
final class Quantities {

    private Quantities() {
    }

    static BigDecimal parse(String text) {
        try {
            return Quantity.getAmountInBytes(new Quantity(text));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid quantity '" + text + "'", e);
        }
    }
}
