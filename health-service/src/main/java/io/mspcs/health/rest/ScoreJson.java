package io.mspcs.health.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Stored explanations come back from the JSON column with trailing zeros stripped (75.00 → 75, 90.00 → 9E+1).
 * Scores are shown as the 2-dp values they were computed as; other numbers lose only the exponent notation.
 */
final class ScoreJson {

    private static final Set<String> SCORES = Set.of("score", "subScore", "contribution", "composite", "from", "to",
            "contributionFrom", "contributionTo", "greenMin", "redBelow");

    private ScoreJson() {
    }

    static JsonNode normalised(JsonNode node) {
        if (node == null) {
            return null;
        }
        JsonNode copy = node.deepCopy();
        walk(copy);
        return copy;
    }

    private static void walk(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (value.isNumber() && !value.isIntegralNumber() || value.isNumber() && SCORES.contains(field.getKey())) {
                    BigDecimal number = value.decimalValue();
                    number = SCORES.contains(field.getKey()) ? number.setScale(2, RoundingMode.HALF_UP)
                            : number.scale() < 0 ? number.setScale(0) : number;
                    field.setValue(DecimalNode.valueOf(number));
                } else {
                    walk(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(ScoreJson::walk);
        }
    }
}
