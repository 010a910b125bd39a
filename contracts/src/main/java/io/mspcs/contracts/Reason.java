package io.mspcs.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/** Why something happened, from which inputs, by which rule or model version (events.md §3). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reason(String code, String text, String ruleId, Integer ruleVersion, Integer modelVersion,
                     Map<String, Object> inputs) {
}
