package io.mspcs.cadence.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateDocumentTest {

    private static TemplateDocument.TaskDocument task(String key, String offset, String... after) {
        return new TemplateDocument.TaskDocument(key, "Task " + key, "CSM", null, offset, List.of(after), null, null,
                null, null);
    }

    @Test
    void aValidDocumentBecomesATemplateWithOwnersPerSegment() {
        TemplateDocument.TaskDocument mapped = new TemplateDocument.TaskDocument("T2", "Review", "CSM",
                Map.of("A", "VCIO"), "2bd", List.of("T1"), false, List.of("A", "B"), null, "QBR");
        PlaybookTemplate template = new TemplateDocument("Touch", null, "Logged", List.of(task("T1", "1d"), mapped))
                .toTemplate("touch", 3);
        assertThat(template.version()).isEqualTo(3);
        PlaybookTemplate.Task review = template.tasks().get(1);
        assertThat(review.ownerFor(Segment.A)).isEqualTo(Role.VCIO);
        assertThat(review.ownerFor(Segment.C)).isEqualTo(Role.CSM);
        assertThat(review.required()).isFalse();
        assertThat(template.tasksFor(Segment.C)).hasSize(1);
    }

    @Test
    void aDependencyCycleIsRefusedWithItsOwnSlug() {
        TemplateDocument cyclic = new TemplateDocument("Touch", null, null,
                List.of(task("T1", "1d", "T3"), task("T2", "1d", "T1"), task("T3", "1d", "T2")));
        assertThatThrownBy(() -> cyclic.toTemplate("touch", 1)).isInstanceOfSatisfying(TemplateDocument.Invalid.class,
                e -> assertThat(e.slug()).isEqualTo("dependency-cycle"));
    }

    @Test
    void duplicateKeysUnknownDependenciesAndBadOffsetsAreValidationFailures() {
        for (List<TemplateDocument.TaskDocument> tasks : List.of(List.of(task("T1", "1d"), task("T1", "2d")),
                List.of(task("T1", "1d", "T9")), List.of(task("T1", "3 weeks")))) {
            assertThatThrownBy(() -> new TemplateDocument("Touch", null, null, tasks).toTemplate("touch", 1))
                    .isInstanceOfSatisfying(TemplateDocument.Invalid.class,
                            e -> assertThat(e.slug()).isEqualTo("validation-failed"));
        }
    }
}
