package io.mspcs.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void writesExtensionMembersBesideTheStandardOnes() {
        Problem problem = new Problem("/problems/invalid-transition", "Transition not allowed", 409, "DRAFT cannot become DONE",
                "/api/v1/initiatives/1/transitions", List.of(), "corr-12345678",
                Map.of("allowedNextStates", List.of("PROPOSED", "WITHDRAWN")));

        JsonNode json = mapper.valueToTree(problem);

        assertThat(json.path("allowedNextStates").toString()).isEqualTo("[\"PROPOSED\",\"WITHDRAWN\"]");
        assertThat(json.path("status").asInt()).isEqualTo(409);
        assertThat(json.has("extensions")).isFalse();
        assertThat(json.has("errors")).isFalse();
    }

    @Test
    void writesNoExtensionMembersWhenThereAreNone() {
        JsonNode json = mapper.valueToTree(new Problem("/problems/not-found", "Not found", 404, "No such client", "/x",
                List.of(), null));

        assertThat(json.fieldNames()).toIterable().containsExactlyInAnyOrder("type", "title", "status", "detail", "instance");
    }
}
