package io.mspcs.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** An RFC 9457 problem document; {@code type} is {@code /problems/<slug>} and never carries a stack trace. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors, String correlationId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One offending field, e.g. {@code items[3].externalId} / {@code blank}. */
    public record FieldError(String field, String code) {
    }
}
