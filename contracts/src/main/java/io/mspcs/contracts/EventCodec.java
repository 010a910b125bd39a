package io.mspcs.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads and writes envelopes exactly as they travel: ISO-8601 instants, unknown attributes ignored
 * (consumers are tolerant, events.md §5.2), and the mandatory attributes checked.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private EventCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses a Kafka record value; anything that is not a usable CloudEvent is a {@link PoisonEventException}. */
    public static EventEnvelope parse(String json) {
        if (json == null || json.isBlank()) {
            throw new PoisonEventException("empty record value");
        }
        EventEnvelope envelope;
        try {
            envelope = MAPPER.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonEventException("not a JSON CloudEvent: " + originalMessage(e), e);
        }
        if (envelope.id() == null || envelope.type() == null || envelope.tenantId() == null
                || envelope.subject() == null || envelope.data() == null || !envelope.data().isObject()) {
            throw new PoisonEventException("CloudEvent misses id, type, tenantid, subject or data");
        }
        return envelope;
    }

    public static String write(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("envelope cannot be serialised", e);
        }
    }

    /** Turns a producer's payload record into the {@code data} node. */
    public static JsonNode toData(Object payload) {
        return MAPPER.valueToTree(payload);
    }

    /** Reads {@code data} into a consumer-owned reader record; a mismatch is poison, not a retryable failure. */
    public static <T> T readData(EventEnvelope envelope, Class<T> reader) {
        try {
            return MAPPER.treeToValue(envelope.data(), reader);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonEventException("data of " + envelope.type() + " does not parse: " + e.getMessage(), e);
        }
    }

    private static String originalMessage(Exception e) {
        return e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
    }
}
