package io.mspcs.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.List;

/**
 * The W3C {@code traceparent} that carries a trace across the outbox (architecture.md §10): the writer stores the
 * current one in the outbox row, the relay turns the column into a Kafka header, the consumer continues from it.
 */
public final class Traceparent {

    public static final String HEADER = "traceparent";

    private static final TextMapGetter<String> SINGLE_VALUE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
            return HEADER.equals(key) ? carrier : null;
        }
    };

    private Traceparent() {
    }

    /** The traceparent of the current span, or {@code null} when no trace is active (the column stays empty). */
    public static String current() {
        return of(Span.current().getSpanContext());
    }

    /** {@code 00-<trace id>-<span id>-<flags>}, or {@code null} for an invalid (absent) span context. */
    public static String of(SpanContext span) {
        if (span == null || !span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /** The remote parent a header names, on top of {@code base}; {@code base} itself for a missing or malformed header. */
    public static Context parent(Context base, String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return base;
        }
        return W3CTraceContextPropagator.getInstance().extract(base, traceparent.trim(), SINGLE_VALUE);
    }
}
