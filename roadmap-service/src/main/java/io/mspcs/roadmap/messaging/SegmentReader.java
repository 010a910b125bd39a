package io.mspcs.roadmap.messaging;

import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.PoisonEventException;

import java.time.Instant;

/** The fields of SegmentAssigned ({@code segment}) and SegmentChanged ({@code to}, {@code changedAt}) roadmap uses. */
public record SegmentReader(String segment, String to, Instant changedAt) {

    public static SegmentReader read(EventEnvelope event) {
        SegmentReader data = EventCodec.readData(event, SegmentReader.class);
        if (data.effective() == null || data.effective().isBlank()) {
            throw new PoisonEventException(event.type() + " without a segment");
        }
        return data;
    }

    /** The effective segment letter after the event. */
    public String effective() {
        return to != null ? to : segment;
    }
}
