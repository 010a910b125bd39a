package io.mspcs.health.repository;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.mspcs.contracts.EventCodec;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.UUID;

/**
 * JSON text parameters of the set-based statements (rows expanded by {@code jsonb_to_recordset}, ids by
 * {@code jsonb_array_elements_text}), streamed straight to text: building a tree first doubled the cost.
 */
final class SqlJson {

    // The event mapper, writing decimals as its trees do (trailing zeros stripped: 38.00 is stored as 38), so rows
    // written from values hold the same JSON as rows written from valueToTree(...) did.
    private static final ObjectMapper MAPPER = EventCodec.mapper().copy().registerModule(new SimpleModule()
            .addSerializer(BigDecimal.class, new StdSerializer<>(BigDecimal.class) {
                @Override
                public void serialize(BigDecimal value, JsonGenerator json, SerializerProvider provider) throws IOException {
                    json.writeNumber(value.stripTrailingZeros());
                }
            }));

    interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private SqlJson() {
    }

    /** The JSON text {@code body} writes (any value can be written as an object field). */
    static String write(int sizeHint, Body body) {
        StringWriter out = new StringWriter(sizeHint);
        try (JsonGenerator json = MAPPER.createGenerator(out)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("statement parameters cannot be serialised", e);
        }
        return out.toString();
    }

    static String uuidArray(Collection<UUID> ids) {
        return write(ids.size() * 40 + 2, json -> {
            json.writeStartArray();
            for (UUID id : ids) {
                json.writeString(id.toString());
            }
            json.writeEndArray();
        });
    }

    /** A timestamptz column of a native query as the driver hands it over. */
    static java.time.Instant instant(Object value) {
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.time.Instant instant) {
            return instant;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        return value instanceof java.time.LocalDateTime ldt ? ldt.toInstant(java.time.ZoneOffset.UTC) : null;
    }

    static void field(JsonGenerator json, String name, Object value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeStringField(name, value.toString());
        }
    }
}
