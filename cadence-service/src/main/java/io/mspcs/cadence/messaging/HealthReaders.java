package io.mspcs.cadence.messaging;

import io.mspcs.cadence.domain.DmiDrop;
import io.mspcs.cadence.domain.Segment;
import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;

import java.math.BigDecimal;
import java.util.UUID;

import static io.mspcs.cadence.messaging.SegmentationReaders.require;

/** Cadence's tolerant readers of health events (events.md §4.2). */
public final class HealthReaders {

    private HealthReaders() {
    }

    public record DmiDropped(UUID clientId, UUID snapshotId, BigDecimal dmi, BigDecimal previousDmi, String segment) {
        public static DmiDrop read(EventEnvelope event) {
            DmiDropped data = EventCodec.readData(event, DmiDropped.class);
            require(event, data.clientId(), "clientId");
            require(event, data.snapshotId(), "snapshotId");
            require(event, data.dmi(), "dmi");
            require(event, data.previousDmi(), "previousDmi");
            return new DmiDrop(event.id(), event.type(), event.time(), event.correlationId(), data.clientId(),
                    data.snapshotId(), data.dmi(), data.previousDmi(), Segment.parse(data.segment()).orElse(null));
        }
    }

    public record DmiMeasured(UUID clientId, BigDecimal dmi) {
        public static DmiMeasured read(EventEnvelope event) {
            DmiMeasured data = EventCodec.readData(event, DmiMeasured.class);
            require(event, data.clientId(), "clientId");
            require(event, data.dmi(), "dmi");
            return data;
        }
    }
}
