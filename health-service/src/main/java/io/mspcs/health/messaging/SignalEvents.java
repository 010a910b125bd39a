package io.mspcs.health.messaging;

import io.mspcs.contracts.EventTypes;
import io.mspcs.outbox.OutgoingEvent;

import java.time.Instant;
import java.util.List;

/** SignalsIngested and ComplaintLogged (events.md §4.2), committed with the ingest. */
public final class SignalEvents {

    private SignalEvents() {
    }

    record SignalsIngestedData(String clientId, String batchId, String source, List<String> kinds, int accepted,
                               int rejected, Instant observedFrom, Instant observedTo, long maxDataAgeSeconds) {
    }

    record ComplaintLoggedData(String clientId, String signalId, String source, String rootCause, String summary,
                               Instant observedAt) {
    }

    public static OutgoingEvent ingested(String clientId, String batchId, String source, List<String> kinds,
                                         int accepted, int rejected, Instant observedFrom, Instant observedTo,
                                         long maxDataAgeSeconds) {
        return new OutgoingEvent(EventTypes.SIGNALS_INGESTED, clientId, DmiEvents.AGGREGATE, clientId,
                new SignalsIngestedData(clientId, batchId, source, kinds, accepted, rejected, observedFrom, observedTo,
                        maxDataAgeSeconds));
    }

    public static OutgoingEvent complaint(String clientId, String signalId, String source, String rootCause,
                                          String summary, Instant observedAt) {
        return new OutgoingEvent(EventTypes.COMPLAINT_LOGGED, clientId, DmiEvents.AGGREGATE, clientId,
                new ComplaintLoggedData(clientId, signalId, source, rootCause, summary, observedAt));
    }
}
