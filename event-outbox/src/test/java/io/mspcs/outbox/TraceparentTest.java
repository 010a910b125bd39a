package io.mspcs.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceparentTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";

    @Test
    void writesTheW3cHeaderOfASampledSpan() {
        SpanContext span = SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault());

        assertThat(Traceparent.of(span)).isEqualTo("00-" + TRACE_ID + "-" + SPAN_ID + "-01");
    }

    @Test
    void leavesTheColumnEmptyWithoutAnActiveTrace() {
        assertThat(Traceparent.of(SpanContext.getInvalid())).isNull();
        assertThat(Traceparent.current()).isNull();
    }

    @Test
    void continuesTheTraceNamedByTheHeader() {
        Context parent = Traceparent.parent(Context.root(), "00-" + TRACE_ID + "-" + SPAN_ID + "-01");

        SpanContext remote = Span.fromContext(parent).getSpanContext();
        assertThat(remote.isRemote()).isTrue();
        assertThat(remote.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(remote.getSpanId()).isEqualTo(SPAN_ID);
        assertThat(remote.isSampled()).isTrue();
    }

    @Test
    void ignoresAMissingOrMalformedHeader() {
        assertThat(Traceparent.parent(Context.root(), null)).isSameAs(Context.root());
        assertThat(Span.fromContext(Traceparent.parent(Context.root(), "not-a-traceparent")).getSpanContext().isValid())
                .isFalse();
    }

    @Test
    void roundTripsThroughTheOutboxColumn() {
        String header = "00-" + TRACE_ID + "-" + SPAN_ID + "-00";

        assertThat(Traceparent.of(Span.fromContext(Traceparent.parent(Context.root(), header)).getSpanContext()))
                .isEqualTo(header);
    }
}
