package io.mspcs.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The event contract as data (events.md §5.1): every type of {@link EventTypes#ALL} has a data schema and a
 * valid example envelope, {@code catalog.yaml} lists exactly those types, and the schemas really reject what
 * the contract forbids.
 */
class EventCatalogContractTest {

    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
    private static final Set<String> MEMBER_SCOPED = Set.of(
            EventTypes.CAPACITY_BREACHED, EventTypes.CAPACITY_RESTORED, EventTypes.CTA_DIGEST_READY);
    private static final Set<String> SERVICES = Set.of(
            "segmentation-service", "health-service", "cadence-service", "roadmap-service", "gateway");

    static Stream<String> eventTypes() {
        return EventTypes.ALL.stream();
    }

    private static boolean clientScoped(String type) {
        return !MEMBER_SCOPED.contains(type);
    }

    private static String domainOf(String type) {
        return type.substring(0, type.indexOf('.'));
    }

    @Nested
    class EveryEventType {

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.mspcs.contracts.EventCatalogContractTest#eventTypes")
        void hasADataSchemaAndAnExampleOnTheClasspath(String type) {
            ClassLoader loader = getClass().getClassLoader();
            assertThat(loader.getResource(EventSchemas.schemaPath(type))).as("schema of %s", type).isNotNull();
            assertThat(loader.getResource(EventSchemas.examplePath(type))).as("example of %s", type).isNotNull();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.mspcs.contracts.EventCatalogContractTest#eventTypes")
        void hasAClosedDraft202012SchemaIdentifiedByItsUrn(String type) {
            JsonNode schema = EventSchemas.readResource(EventSchemas.schemaPath(type));

            assertThat(schema.path("$schema").asText()).isEqualTo(DRAFT_2020_12);
            assertThat(schema.path("$id").asText()).isEqualTo(EventEnvelope.schemaUrn(type));
            assertThat(schema.path("type").asText()).isEqualTo("object");
            assertThat(schema.path("additionalProperties").isBoolean()).isTrue();
            assertThat(schema.path("additionalProperties").asBoolean()).isFalse();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.mspcs.contracts.EventCatalogContractTest#eventTypes")
        void schemaStartsWithTheRequiredSubjectId(String type) {
            JsonNode schema = EventSchemas.readResource(EventSchemas.schemaPath(type));
            String subjectField = clientScoped(type) ? "clientId" : "memberId";

            assertThat(schema.path("properties").fieldNames().next()).isEqualTo(subjectField);
            assertThat(texts(schema.path("required"))).contains(subjectField);
            if (!clientScoped(type)) {
                assertThat(schema.path("properties").has("clientId")).as("member-scoped data has no clientId").isFalse();
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.mspcs.contracts.EventCatalogContractTest#eventTypes")
        void schemaIsSelfContained(String type) {
            JsonNode schema = EventSchemas.readResource(EventSchemas.schemaPath(type));
            List<String> refs = new ArrayList<>();
            collectRefs(schema, refs);

            assertThat(refs).allSatisfy(ref -> {
                assertThat(ref).startsWith("#/$defs/");
                assertThat(schema.at("/$defs/" + ref.substring("#/$defs/".length())).isMissingNode()).as(ref).isFalse();
            });
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.mspcs.contracts.EventCatalogContractTest#eventTypes")
        void exampleIsAValidEnvelopeOfItsType(String type) {
            JsonNode example = EventSchemas.readResource(EventSchemas.examplePath(type));

            assertThat(EventSchemas.violations(example)).isEmpty();
            assertThat(example.path("type").asText()).isEqualTo(type);
            assertThat(example.path("dataschema").asText()).isEqualTo("urn:cs:schema:" + type);
            assertThat(example.path("source").asText()).isEqualTo("/cs/" + domainOf(type) + "-service");
            assertThat(example.path("partitionkey").asText())
                    .isEqualTo(example.path("tenantid").asText() + ":" + example.path("subject").asText());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.mspcs.contracts.EventCatalogContractTest#eventTypes")
        void exampleSubjectIsTheClientOrForMemberEventsTheMember(String type) {
            JsonNode example = EventSchemas.readResource(EventSchemas.examplePath(type));
            String subject = example.path("subject").asText();

            if (clientScoped(type)) {
                assertThat(example.path("data").path("clientId").asText()).isEqualTo(subject);
            } else {
                assertThat(example.path("data").path("memberId").asText()).isEqualTo(subject);
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.mspcs.contracts.EventCatalogContractTest#eventTypes")
        void exampleSurvivesARoundTripThroughTheCodec(String type) throws IOException {
            JsonNode example = EventSchemas.readResource(EventSchemas.examplePath(type));

            EventEnvelope parsed = EventCodec.parse(EventCodec.mapper().writeValueAsString(example));
            String written = EventCodec.write(parsed);

            assertThat(EventCodec.parse(written)).isEqualTo(parsed);
            assertThat(EventSchemas.violations(EventCodec.mapper().readTree(written))).isEmpty();
            assertThat(parsed.partitionKey()).isEqualTo(EventEnvelope.partitionKey(parsed.tenantId(), parsed.subject()));
            assertThat(parsed.dataSchema()).isEqualTo(EventEnvelope.schemaUrn(type));
        }
    }

    @Nested
    class Catalogue {

        private final List<JsonNode> entries = catalogEntries();

        @Test
        void listsExactlyTheTypesOfEventTypes() {
            List<String> types = entries.stream().map(e -> e.path("type").asText()).toList();

            assertThat(types).doesNotHaveDuplicates();
            assertThat(types).containsExactlyInAnyOrderElementsOf(EventTypes.ALL);
        }

        @Test
        void namesTheProducingServiceAndItsTopicForEachType() {
            assertThat(entries).allSatisfy(entry -> {
                String type = entry.path("type").asText();
                assertThat(entry.path("producer").asText()).as(type).isEqualTo(domainOf(type) + "-service");
                assertThat(entry.path("topic").asText()).as(type).isEqualTo(EventTypes.topicOf(type));
                assertThat(Topics.EVENT_TOPICS).contains(entry.path("topic").asText());
                assertThat(entry.path("subject").asText()).as(type)
                        .isEqualTo(clientScoped(type) ? "clientId" : "memberId");
            });
        }

        @Test
        void letsTheGatewayConsumeEveryEventAndNoServiceConsumeItsOwn() {
            assertThat(entries).allSatisfy(entry -> {
                String type = entry.path("type").asText();
                List<String> consumers = texts(entry.path("consumers"));
                assertThat(consumers).as(type).contains("gateway").doesNotHaveDuplicates();
                assertThat(SERVICES).as(type).containsAll(consumers);
                assertThat(consumers).as(type).doesNotContain(entry.path("producer").asText());
            });
        }

        @Test
        void holdsNoSchemaOrExampleOfATypeItDoesNotList() throws IOException, URISyntaxException {
            URL root = getClass().getClassLoader().getResource("events");
            assumeTrue(root != null && "file".equals(root.getProtocol()), "events/ is a directory on the classpath");
            Path dir = Paths.get(root.toURI());
            Set<String> expected = new HashSet<>();
            EventTypes.ALL.forEach(t -> {
                expected.add(EventSchemas.schemaPath(t));
                expected.add(EventSchemas.examplePath(t));
            });

            try (Stream<Path> files = Files.walk(dir)) {
                List<String> perType = files.filter(Files::isRegularFile)
                        .map(p -> "events/" + dir.relativize(p).toString().replace('\\', '/'))
                        .filter(p -> p.chars().filter(c -> c == '/').count() == 2)
                        .toList();
                assertThat(perType).containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }

    @Nested
    class Validator {

        @Test
        void rejectsAnUnknownFieldInData() {
            JsonNode event = dmiDropped(e -> data(e).put("surprise", "not in the contract"));

            assertThat(EventSchemas.violations(event)).isNotEmpty();
        }

        @Test
        void rejectsAnUnknownFieldInANestedObject() {
            JsonNode event = dmiDropped(e -> ((ObjectNode) data(e).get("topGaps").get(0)).put("tier", 1));

            assertThat(EventSchemas.violations(event)).isNotEmpty();
        }

        @Test
        void rejectsAMissingRequiredDataField() {
            JsonNode event = dmiDropped(e -> data(e).remove("snapshotId"));

            assertThat(EventSchemas.violations(event)).anySatisfy(v -> assertThat(v).startsWith("data:"));
        }

        @Test
        void rejectsNullForARequiredField() {
            JsonNode event = dmiDropped(e -> data(e).putNull("color"));

            assertThat(EventSchemas.violations(event)).isNotEmpty();
        }

        @Test
        void rejectsMoneyAmountGivenAsANumber() {
            JsonNode event = mutated(EventTypes.PROPOSAL_AGING,
                    e -> ((ObjectNode) data(e).get("oneTime")).put("amount", new BigDecimal("28800.00")));

            assertThat(EventSchemas.violations(event)).isNotEmpty();
        }

        @Test
        void rejectsMoneyWithMoreThanTwoDecimalsOrALowerCaseCurrency() {
            JsonNode threeDecimals = mutated(EventTypes.PROPOSAL_AGING, e -> ((ObjectNode) data(e).get("oneTime")).put("amount", "10.005"));
            JsonNode lowerCase = mutated(EventTypes.PROPOSAL_AGING, e -> ((ObjectNode) data(e).get("oneTime")).put("currency", "usd"));

            assertThat(EventSchemas.violations(threeDecimals)).isNotEmpty();
            assertThat(EventSchemas.violations(lowerCase)).isNotEmpty();
        }

        @Test
        void rejectsMoreItemsThanTheListCap() {
            JsonNode event = dmiDropped(e -> {
                ArrayNode gaps = (ArrayNode) data(e).get("topGaps");
                JsonNode gap = gaps.get(0);
                for (int i = 0; i < 5; i++) {
                    gaps.add(gap.deepCopy());
                }
            });

            assertThat(EventSchemas.violations(event)).isNotEmpty();
        }

        @Test
        void rejectsAnUpperCaseUuid() {
            JsonNode event = dmiDropped(e -> data(e).put("snapshotId", "3E7A1C90-55B2-4F1D-8C3E-9A0B1C2D3E4F"));

            assertThat(EventSchemas.violations(event)).isNotEmpty();
        }

        @Test
        void rejectsAnInstantWithoutUtcZone() {
            JsonNode event = dmiDropped(e -> ((ObjectNode) e).put("time", "2026-11-20T15:03:12.481+01:00"));

            assertThat(EventSchemas.violations(event)).anySatisfy(v -> assertThat(v).startsWith("envelope:"));
        }

        @Test
        void rejectsAnEnumValueThatIsNotUpperSnakeCase() {
            JsonNode event = dmiDropped(e -> data(e).put("color", "yellow"));

            assertThat(EventSchemas.violations(event)).isNotEmpty();
        }

        @Test
        void acceptsAnUnknownValueOfAnOpenEnum() {
            JsonNode event = dmiDropped(e -> data(e).put("color", "AMBER"));

            assertThat(EventSchemas.violations(event)).isEmpty();
        }

        @Test
        void acceptsAnOptionalFieldOmittedOrNull() {
            JsonNode omitted = dmiDropped(e -> data(e).remove("segment"));
            JsonNode asNull = dmiDropped(e -> data(e).putNull("segment"));

            assertThat(EventSchemas.violations(omitted)).isEmpty();
            assertThat(EventSchemas.violations(asNull)).isEmpty();
        }

        @Test
        void rejectsAMissingEnvelopeAttribute() {
            JsonNode event = dmiDropped(e -> ((ObjectNode) e).remove("tenantid"));

            assertThat(EventSchemas.violations(event)).anySatisfy(v -> assertThat(v).startsWith("envelope:"));
        }

        @Test
        void rejectsAnUnknownEnvelopeAttribute() {
            JsonNode event = dmiDropped(e -> ((ObjectNode) e).put("tenantId", "7d0f5c2e-3b1a-4c8e-9f4a-2a6b8c1d0e11"));

            assertThat(EventSchemas.violations(event)).isNotEmpty();
        }

        @Test
        void rejectsACausationIdThatIsNullInsteadOfAbsent() {
            JsonNode event = dmiDropped(e -> ((ObjectNode) e).putNull("causationid"));

            assertThat(EventSchemas.violations(event)).isNotEmpty();
        }

        @Test
        void rejectsAWrongSpecVersionOrSource() {
            JsonNode spec = dmiDropped(e -> ((ObjectNode) e).put("specversion", "0.3"));
            JsonNode source = dmiDropped(e -> ((ObjectNode) e).put("source", "health-service"));

            assertThat(EventSchemas.violations(spec)).isNotEmpty();
            assertThat(EventSchemas.violations(source)).isNotEmpty();
        }

        private JsonNode dmiDropped(Consumer<JsonNode> change) {
            return mutated(EventTypes.DMI_DROPPED, change);
        }
    }

    private static JsonNode mutated(String type, Consumer<JsonNode> change) {
        JsonNode copy = EventSchemas.readResource(EventSchemas.examplePath(type)).deepCopy();
        assertThat(EventSchemas.violations(copy)).as("the unchanged example of %s", type).isEmpty();
        change.accept(copy);
        return copy;
    }

    private static ObjectNode data(JsonNode envelope) {
        return (ObjectNode) envelope.get("data");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(f -> {
                if (f.getKey().equals("$ref") && f.getValue().isTextual()) {
                    refs.add(f.getValue().asText());
                } else {
                    collectRefs(f.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }

    private static List<JsonNode> catalogEntries() {
        try (InputStream in = EventCatalogContractTest.class.getClassLoader().getResourceAsStream("events/catalog.yaml")) {
            assertThat(in).as("events/catalog.yaml").isNotNull();
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<JsonNode> entries = new ArrayList<>();
            root.path("events").forEach(entries::add);
            assertThat(entries).isNotEmpty();
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
