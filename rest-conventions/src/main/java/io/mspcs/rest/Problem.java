package io.mspcs.rest;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document; {@code type} is {@code /problems/<slug>} and never carries a stack trace. Extension
 * members (e.g. {@code allowedNextStates}) are written beside the standard ones, as RFC 9457 §3.2 allows.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors, String correlationId, @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
                   String correlationId) {
        this(type, title, status, detail, instance, errors, correlationId, Map.of());
    }

    @JsonAnyGetter
    Map<String, Object> extensionMembers() {
        return extensions;
    }

    /** One offending field, e.g. {@code items[3].externalId} / {@code blank}. */
    public record FieldError(String field, String code) {
    }
}
