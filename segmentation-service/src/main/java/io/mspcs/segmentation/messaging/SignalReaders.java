package io.mspcs.segmentation.messaging;

import io.mspcs.contracts.EventCodec;
import io.mspcs.contracts.EventEnvelope;
import io.mspcs.contracts.PoisonEventException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Consumer-owned readers of the events segmentation reacts to (segmentation.md §5.2), only the fields it uses. */
public final class SignalReaders {

    private SignalReaders() {
    }

    public record Dimension(String dimension, BigDecimal score) {
    }

    public record HealthScored(UUID clientId, Instant scoredAt, Integer modelVersion, String color,
                               List<Dimension> dimensions) {
        public static HealthScored read(EventEnvelope event) {
            HealthScored data = EventCodec.readData(event, HealthScored.class);
            require(event, data.clientId(), "clientId");
            require(event, data.scoredAt(), "scoredAt");
            require(event, data.dimensions(), "dimensions");
            return data;
        }
    }

    public record DmiMeasured(UUID clientId, BigDecimal dmi, Instant measuredAt) {
        public static DmiMeasured read(EventEnvelope event) {
            DmiMeasured data = EventCodec.readData(event, DmiMeasured.class);
            require(event, data.clientId(), "clientId");
            require(event, data.dmi(), "dmi");
            require(event, data.measuredAt(), "measuredAt");
            return data;
        }
    }

    public record CtaOpened(UUID clientId, String ctaId, String kind, Instant openedAt) {
        public static CtaOpened read(EventEnvelope event) {
            CtaOpened data = EventCodec.readData(event, CtaOpened.class);
            require(event, data.clientId(), "clientId");
            require(event, data.ctaId(), "ctaId");
            require(event, data.openedAt(), "openedAt");
            return data;
        }
    }

    public record CtaClosed(UUID clientId, String ctaId, Instant closedAt) {
        public static CtaClosed read(EventEnvelope event) {
            CtaClosed data = EventCodec.readData(event, CtaClosed.class);
            require(event, data.clientId(), "clientId");
            require(event, data.ctaId(), "ctaId");
            return data;
        }
    }

    public record MeetingHeld(UUID clientId, Instant heldAt) {
        public static MeetingHeld read(EventEnvelope event) {
            MeetingHeld data = EventCodec.readData(event, MeetingHeld.class);
            require(event, data.clientId(), "clientId");
            return data;
        }
    }

    public record CadenceMissed(UUID clientId) {
        public static CadenceMissed read(EventEnvelope event) {
            CadenceMissed data = EventCodec.readData(event, CadenceMissed.class);
            require(event, data.clientId(), "clientId");
            return data;
        }
    }

    public record ComplaintLogged(UUID clientId, String signalId, Instant observedAt) {
        public static ComplaintLogged read(EventEnvelope event) {
            ComplaintLogged data = EventCodec.readData(event, ComplaintLogged.class);
            require(event, data.clientId(), "clientId");
            require(event, data.observedAt(), "observedAt");
            return data;
        }
    }

    static void require(EventEnvelope event, Object value, String field) {
        if (value == null) {
            throw new PoisonEventException(event.type() + " " + event.id() + " has no " + field);
        }
    }
}
