package io.mspcs.rest;

import java.util.UUID;
import java.util.regex.Pattern;

/** A caller's {@code X-Correlation-Id} is kept only when it looks like an id; otherwise a new one is made. */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    private static final Pattern ACCEPTED = Pattern.compile("^[A-Za-z0-9._-]{8,64}$");

    private CorrelationId() {
    }

    public static String keepOrCreate(String offered) {
        return offered != null && ACCEPTED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
