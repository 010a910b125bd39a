package io.mspcs.cadence.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A playbook template as tenants write it (cadence.md §6.1): the body of POST /playbooks and PUT /draft and the
 * stored form of a tenant version. {@code owners} maps segments (A–D) to roles; a single {@code ownerRole} applies
 * to every segment. {@link #toTemplate} checks it: task keys unique, at most 30 tasks, dependencies inside the
 * template and acyclic.
 */
public record TemplateDocument(String name, String description, String expectedOutput, List<TaskDocument> tasks) {

    public record TaskDocument(String taskKey, String title, String ownerRole, Map<String, String> owners,
                               String offset, List<String> dependsOn, Boolean required, List<String> segments,
                               Boolean firstAction, String meetingType) {
    }

    /** A template that breaks §6.1; {@code slug} is {@code dependency-cycle} or {@code validation-failed}. */
    public static final class Invalid extends IllegalArgumentException {
        private final String slug;
        private final String field;

        Invalid(String slug, String field, String detail) {
            super(detail);
            this.slug = slug;
            this.field = field;
        }

        public String slug() {
            return slug;
        }

        public String field() {
            return field;
        }
    }

    public PlaybookTemplate toTemplate(String key, int version) {
        if (name == null || name.isBlank()) {
            throw new Invalid("validation-failed", "name", "a template needs a name");
        }
        if (tasks == null || tasks.isEmpty() || tasks.size() > 30) {
            throw new Invalid("validation-failed", "tasks", "a template has 1 to 30 tasks");
        }
        List<PlaybookTemplate.Task> parsed = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < tasks.size(); i++) {
            parsed.add(task(tasks.get(i), "tasks[" + i + "]", keys));
        }
        for (PlaybookTemplate.Task task : parsed) {
            for (String before : task.dependsOn()) {
                if (!keys.contains(before)) {
                    throw new Invalid("validation-failed", "tasks", task.taskKey() + " depends on unknown " + before);
                }
            }
        }
        checkAcyclic(parsed);
        return new PlaybookTemplate(key, name, version, description, expectedOutput, parsed);
    }

    public static TemplateDocument of(PlaybookTemplate template) {
        return new TemplateDocument(template.name(), template.description(), template.expectedOutput(),
                template.tasks().stream().map(t -> {
                    Map<String, String> owners = new LinkedHashMap<>();
                    t.owners().forEach((segment, role) -> owners.put(segment.name(), role.name()));
                    return new TaskDocument(t.taskKey(), t.title(), null, owners,
                            t.offset() == null ? null : t.offset().toString(), t.dependsOn(), t.required(),
                            t.segments().stream().map(Enum::name).sorted().toList(), t.firstAction(), t.meetingType());
                }).toList());
    }

    private static PlaybookTemplate.Task task(TaskDocument doc, String field, Set<String> keys) {
        if (doc == null || doc.taskKey() == null || !doc.taskKey().matches("[A-Z0-9]{1,20}")) {
            throw new Invalid("validation-failed", field + ".taskKey", "task keys are 1-20 upper-case letters or digits");
        }
        if (!keys.add(doc.taskKey())) {
            throw new Invalid("validation-failed", field + ".taskKey", "duplicate task key " + doc.taskKey());
        }
        if (doc.title() == null || doc.title().isBlank() || doc.title().length() > 200) {
            throw new Invalid("validation-failed", field + ".title", "a task needs a title of at most 200 characters");
        }
        try {
            Map<Segment, Role> owners = new EnumMap<>(Segment.class);
            for (Segment segment : Segment.values()) {
                String role = doc.owners() != null && doc.owners().containsKey(segment.name())
                        ? doc.owners().get(segment.name()) : doc.ownerRole();
                if (role == null) {
                    throw new Invalid("validation-failed", field + ".ownerRole", "no owner role for segment " + segment);
                }
                owners.put(segment, Role.valueOf(role));
            }
            Set<Segment> segments = EnumSet.allOf(Segment.class);
            if (doc.segments() != null && !doc.segments().isEmpty()) {
                segments = EnumSet.noneOf(Segment.class);
                for (String s : doc.segments()) {
                    segments.add(Segment.valueOf(s));
                }
            }
            SlaOffset offset = doc.offset() == null || doc.offset().isBlank() ? null : SlaOffset.parse(doc.offset());
            return new PlaybookTemplate.Task(doc.taskKey(), doc.title(), owners, offset,
                    doc.dependsOn() == null ? List.of() : List.copyOf(doc.dependsOn()),
                    doc.required() == null || doc.required(), segments, Boolean.TRUE.equals(doc.firstAction()),
                    doc.meetingType());
        } catch (IllegalArgumentException e) {
            if (e instanceof Invalid invalid) {
                throw invalid;
            }
            throw new Invalid("validation-failed", field, e.getMessage());
        }
    }

    /** Depth-first search over dependsOn; a task met again on the current path closes a cycle. */
    private static void checkAcyclic(List<PlaybookTemplate.Task> tasks) {
        Map<String, List<String>> edges = new HashMap<>();
        tasks.forEach(t -> edges.put(t.taskKey(), t.dependsOn()));
        Map<String, Integer> state = new HashMap<>();
        for (PlaybookTemplate.Task task : tasks) {
            visit(task.taskKey(), edges, state);
        }
    }

    private static void visit(String key, Map<String, List<String>> edges, Map<String, Integer> state) {
        Integer seen = state.get(key);
        if (seen != null) {
            if (seen == 1) {
                throw new Invalid("dependency-cycle", "tasks", "task " + key + " depends on itself through its predecessors");
            }
            return;
        }
        state.put(key, 1);
        for (String before : edges.getOrDefault(key, List.of())) {
            visit(before, edges, state);
        }
        state.put(key, 2);
    }
}
