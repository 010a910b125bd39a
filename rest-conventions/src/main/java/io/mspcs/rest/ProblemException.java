package io.mspcs.rest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Thrown by use cases to answer with a problem document; the request writes nothing. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        this(status, slug, title, detail, errors, Map.of());
    }

    /** With extension members that tell the caller what to do next, e.g. {@code allowedNextStates}. */
    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors,
                            Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " does not exist", List.of());
    }

    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(400, "validation-failed", "Request is invalid", detail, errors);
    }

    public static ProblemException invalid(String field, String code, String detail) {
        return invalid(detail, List.of(new Problem.FieldError(field, code)));
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
