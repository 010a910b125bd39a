package io.mspcs.roadmap.service;

import io.mspcs.rest.ProblemException;

import java.util.List;
import java.util.Map;

/**
 * The roadmap's problems that tell the caller what to do next through extension members (roadmap.md §4, §5:
 * {@code allowedNextStates}, {@code gates}, {@code missing}, …).
 */
public class DetailedProblem extends ProblemException {

    public DetailedProblem(int status, String slug, String title, String detail, Map<String, Object> extensions) {
        super(status, slug, title, detail, List.of(), extensions);
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
