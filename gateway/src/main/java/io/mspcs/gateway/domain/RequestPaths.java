package io.mspcs.gateway.domain;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ids in paths are UUIDs (gateway.md §11 #16): {@code /clients/abc} or a traversal attempt is refused at the edge
 * instead of reaching a service. Named sub-collections ({@code /clients/bulk}, {@code /proposals/pipeline}) are not ids.
 */
public final class RequestPaths {

    private static final String PREFIX = "/api/v1/";
    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    /** Collections whose second segment is an id, with the words that may stand there instead. */
    private static final Map<String, Set<String>> ID_COLLECTIONS = Map.of(
            "clients", Set.of("bulk"),
            "ctas", Set.of("digest"),
            "meetings", Set.of("bulk", "radar", "decisions"),
            "initiatives", Set.of(),
            "proposals", Set.of("pipeline", "aging-sweep"),
            "assessments", Set.of("templates"),
            "playbook-runs", Set.of(),
            "team-members", Set.of());

    private RequestPaths() {
    }

    public static boolean isUuid(String value) {
        return value != null && UUID.matcher(value).matches();
    }

    /** The name of the first path parameter that should be an id and is not; empty when the path is fine. */
    public static Optional<String> invalidId(String rawPath) {
        if (!rawPath.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] s = rawPath.substring(PREFIX.length()).split("/", -1);
        for (String segment : s) {
            if (segment.equals("..") || segment.equals(".") || segment.contains("%")) {
                return Optional.of("path");
            }
        }
        Set<String> words = ID_COLLECTIONS.get(s[0]);
        if (words == null || s.length < 2 || s[1].isEmpty() || words.contains(s[1]) || isUuid(s[1])) {
            return Optional.empty();
        }
        return Optional.of(s[0].equals("clients") ? "clientId" : "id");
    }
}
