package io.mspcs.health.rest;

import io.mspcs.rest.ProblemException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Parsing of query parameters into problem+json 400s with the parameter as the field. */
final class QueryParams {

    private QueryParams() {
    }

    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "type", field + " must be an ISO-8601 instant");
        }
    }

    static UUID uuid(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ProblemException.invalid(field, "required", field + " is required");
            }
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "type", field + " must be a UUID");
        }
    }

    /** Offset cursors: the position of the next page, as this API returned it. */
    static int offset(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(cursor);
            if (offset < 0) {
                throw new NumberFormatException();
            }
            return offset;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("cursor", "type", "cursor is not one this API returned");
        }
    }
}
