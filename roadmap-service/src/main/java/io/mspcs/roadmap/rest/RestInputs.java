package io.mspcs.roadmap.rest;

import io.mspcs.rest.ProblemException;

import java.util.Arrays;

/** Small request checks shared by the resources. */
final class RestInputs {

    private RestInputs() {
    }

    static <T> T body(T body) {
        if (body == null) {
            throw ProblemException.invalid("body", "required", "a JSON body is required");
        }
        return body;
    }

    /** {@code If-Match: "3"} → 3; absent → null. */
    static Integer ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(header.replace("\"", "").replace("W/", "").strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "format", "If-Match must be \"<version>\"");
        }
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(value)).findFirst()
                .orElseThrow(() -> ProblemException.invalid(field, "enum",
                        field + " must be one of " + Arrays.toString(type.getEnumConstants())));
    }
}
