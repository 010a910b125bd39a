package io.mspcs.segmentation.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.mspcs.contracts.EventCodec;

/** Documents kept in text columns (assignment record, inputs, contacts, policy) use the event mapper's conventions. */
public final class JsonColumns {

    private JsonColumns() {
    }

    public static String write(Object value) {
        try {
            return EventCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serialisable: " + value.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored document does not parse as " + type.getSimpleName(), e);
        }
    }

    /** Same document, numbers compared by value (3.0 equals 3, 10000.0 equals 10000.00). */
    public static boolean sameContent(Object a, Object b) {
        JsonNode left = EventCodec.mapper().valueToTree(a);
        JsonNode right = EventCodec.mapper().valueToTree(b);
        return left.equals((x, y) -> x.isNumber() && y.isNumber()
                ? x.decimalValue().compareTo(y.decimalValue())
                : x.equals(y) ? 0 : 1, right);
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored document does not parse", e);
        }
    }
}
