package io.mspcs.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * One event on Kafka: a CloudEvents 1.0 structured document (events.md §1). CloudEvents allows only
 * lower-case attribute names, so the wire names differ from the Java names.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope(
        @JsonProperty("specversion") String specVersion,
        @JsonProperty("id") UUID id,
        @JsonProperty("source") String source,
        @JsonProperty("type") String type,
        @JsonProperty("time") Instant time,
        @JsonProperty("subject") String subject,
        @JsonProperty("datacontenttype") String dataContentType,
        @JsonProperty("dataschema") String dataSchema,
        @JsonProperty("tenantid") UUID tenantId,
        @JsonProperty("correlationid") String correlationId,
        @JsonProperty("causationid") UUID causationId,
        @JsonProperty("partitionkey") String partitionKey,
        @JsonProperty("data") JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    /** Builds a complete envelope; the schema URN and the partition key follow from type, tenant and subject. */
    public static EventEnvelope of(UUID id, String source, String type, Instant time, String subject,
                                   UUID tenantId, String correlationId, UUID causationId, JsonNode data) {
        return new EventEnvelope(SPEC_VERSION, id, source, type, time, subject, CONTENT_TYPE,
                schemaUrn(type), tenantId, correlationId, causationId, partitionKey(tenantId, subject), data);
    }

    public static String schemaUrn(String type) {
        return "urn:cs:schema:" + type;
    }

    public static String partitionKey(UUID tenantId, String subject) {
        return tenantId + ":" + subject;
    }
}
