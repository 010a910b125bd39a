package io.mspcs.roadmap.service;

import io.mspcs.rest.Problem;
import io.mspcs.rest.ProblemException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A problem whose document carries extension members (roadmap.md §4, §5: {@code allowedNextStates}, {@code gates},
 * {@code missing}, …). rest-conventions' problem has no extensions, so the rest layer maps this one itself.
 */
public class DetailedProblem extends ProblemException {

    private final Map<String, Object> extensions;

    public DetailedProblem(int status, String slug, String title, String detail, Map<String, Object> extensions) {
        super(status, slug, title, detail, List.<Problem.FieldError>of());
        this.extensions = Map.copyOf(new LinkedHashMap<>(extensions));
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public static DetailedProblem conflict(String slug, String title, String detail) {
        return new DetailedProblem(409, slug, title, detail, Map.of());
    }

    public static DetailedProblem unprocessable(String slug, String title, String detail, Map<String, Object> ext) {
        return new DetailedProblem(422, slug, title, detail, ext);
    }

    public static DetailedProblem forbidden(String slug, String detail) {
        return new DetailedProblem(403, slug, "Not permitted", detail, Map.of());
    }
}
