package io.mspcs.cadence.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A versioned playbook template (cadence.md §6.1): tasks with an owner role per segment, an offset (from the run
 * start, or after the listed predecessors end), optional flags and segments. Published versions never change; a
 * run keeps the version it started with.
 */
public record PlaybookTemplate(String key, String name, int version, String description, String expectedOutput,
                               List<Task> tasks) {

    public record Task(String taskKey, String title, Map<Segment, Role> owners, SlaOffset offset,
                       List<String> dependsOn, boolean required, Set<Segment> segments, boolean firstAction,
                       String meetingType) {

        public Role ownerFor(Segment segment) {
            return owners.get(segment);
        }
    }

    public PlaybookTemplate {
        tasks = List.copyOf(tasks);
        if (tasks.size() > 30) {
            throw new IllegalArgumentException("a template has at most 30 tasks");
        }
    }

    /** The tasks a run for this segment gets. */
    public List<Task> tasksFor(Segment segment) {
        return tasks.stream().filter(t -> t.segments().contains(segment)).toList();
    }

    /**
     * One task in the compact notation of the seeded catalogue: {@code key|title|owners|offset|after|flags|meeting}
     * with owners {@code ROLE} or {@code A/B/C/D} roles, flags {@code FA} (first action), {@code *} (optional) and
     * {@code seg=ABC}.
     */
    static Task parse(String line) {
        String[] f = (line + "|||||||").split("\\|", -1);
        Map<Segment, Role> owners = new EnumMap<>(Segment.class);
        String[] roles = f[2].split("/");
        for (Segment segment : Segment.values()) {
            owners.put(segment, Role.valueOf(roles.length == 4 ? roles[segment.ordinal()] : roles[0]));
        }
        Set<Segment> segments = EnumSet.allOf(Segment.class);
        boolean firstAction = false;
        boolean required = true;
        for (String flag : f[5].split(",")) {
            if (flag.equals("FA")) {
                firstAction = true;
            } else if (flag.equals("*")) {
                required = false;
            } else if (flag.startsWith("seg=")) {
                segments = EnumSet.noneOf(Segment.class);
                for (char c : flag.substring(4).toCharArray()) {
                    segments.add(Segment.valueOf(String.valueOf(c)));
                }
            }
        }
        return new Task(f[0], f[1], owners, f[3].isBlank() ? null : SlaOffset.parse(f[3]),
                f[4].isBlank() ? List.of() : List.of(f[4].split(",")), required, segments, firstAction,
                f[6].isBlank() ? null : f[6]);
    }
}
