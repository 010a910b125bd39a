package io.mspcs.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks themselves catch what they claim to catch (each case breaks one thing on purpose). */
class ValidatorSelfTest {

    private static List<String> schemaProblems(String yaml) {
        Problems problems = new Problems();
        new ModelSchema().validate(Repo.parseYamlDocuments(yaml, "test").get(0), "test", problems);
        return problems.items();
    }

    @Test
    void schemaRejectsUnknownFieldsAtAnyDepth() {
        assertThat(schemaProblems("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: x
                          image: x:1
                          imagePullPolicyy: Always
                """)).singleElement().asString().contains("unknown field").contains("imagePullPolicyy");
    }

    @Test
    void schemaRejectsNumbersWhereTheApiWantsStrings() {
        assertThat(schemaProblems("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: x}
                data:
                  PG_PORT: 5432
                """)).singleElement().asString().contains("data");
    }

    @Test
    void schemaRejectsStringsWhereTheApiWantsNumbersAndBadQuantities() {
        assertThat(schemaProblems("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: t}
                spec:
                  partitions: "12"
                  replicas: 3
                """)).singleElement().asString().contains("partitions");
        assertThat(schemaProblems("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                """)).singleElement().asString().contains("no API model");
        assertThat(schemaProblems("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  template:
                    spec:
                      containers:
                        - name: x
                          resources: {limits: {memory: 12 parsecs}}
                """)).isNotEmpty();
    }

    @Test
    void schemaRejectsUnknownStrimziFieldsAndEnumValues() {
        assertThat(schemaProblems("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaConnect
                metadata: {name: c}
                spec:
                  bootstrapServers: k:9092
                  replica: 2
                """)).singleElement().asString().contains("replica");
        assertThat(schemaProblems("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaConnect
                metadata: {name: c}
                spec:
                  bootstrapServers: k:9092
                  build:
                    output: {type: floppy, image: x}
                """)).isNotEmpty();
    }

    @Test
    void rendererRefusesWhatItDoesNotImplement(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {k: v}\n");
        Files.writeString(directory.resolve("kustomization.yaml"), "resources: [cm.yaml]\ncommonAnnotations: {a: b}\n");
        assertThatThrownBy(() -> new KustomizeRenderer().render(directory)).hasMessageContaining("commonAnnotations");

        Files.writeString(directory.resolve("patch.yaml"), "metadata: {name: a}\ndata: {k: w}\n");
        Files.writeString(directory.resolve("kustomization.yaml"),
                "resources: [cm.yaml]\npatches:\n  - path: patch.yaml\n    target: {kind: ConfigMap}\n");
        assertThatThrownBy(() -> new KustomizeRenderer().render(directory)).hasMessageContaining("strategic-merge");

        Files.writeString(directory.resolve("patch.yaml"), "- op: replace\n  path: /data/missing\n  value: w\n");
        assertThatThrownBy(() -> new KustomizeRenderer().render(directory)).hasMessageContaining("does not exist");

        Files.writeString(directory.resolve("patch.yaml"), "- op: replace\n  path: /data/k\n  value: w\n");
        Files.writeString(directory.resolve("kustomization.yaml"),
                "resources: [cm.yaml]\npatches:\n  - path: patch.yaml\n    target: {kind: Secret}\n");
        assertThatThrownBy(() -> new KustomizeRenderer().render(directory)).hasMessageContaining("matches no resource");
    }

    @Test
    void rendererAppliesPatchesNamespaceLabelsReplicasImagesAndGenerators(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("d.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app, labels: {tier: x}}
                spec:
                  replicas: 1
                  template: {spec: {containers: [{name: app, image: "ghcr.io/mspcs/app:1"}]}}
                """);
        Files.writeString(directory.resolve("p.yaml"), "- op: add\n  path: /metadata/labels/extra\n  value: yes-really\n");
        Files.writeString(directory.resolve("kustomization.yaml"), """
                namespace: ns
                labels: [{pairs: {team: cs}}]
                resources: [d.yaml]
                patches: [{path: p.yaml, target: {kind: Deployment, labelSelector: tier=x}}]
                replicas: [{name: app, count: 3}]
                images: [{name: ghcr.io/mspcs/app, newTag: "2"}]
                generatorOptions: {disableNameSuffixHash: true}
                secretGenerator: [{name: s, literals: [k=v=w]}]
                """);
        List<ObjectNode> objects = new KustomizeRenderer().render(directory);
        JsonNode deployment = objects.get(0);
        assertThat(deployment.at("/metadata/namespace").asText()).isEqualTo("ns");
        assertThat(deployment.at("/metadata/labels/team").asText()).isEqualTo("cs");
        assertThat(deployment.at("/metadata/labels/extra").asText()).isEqualTo("yes-really");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(deployment.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("ghcr.io/mspcs/app:2");
        assertThat(objects.get(1).at("/data/k").asText()).isEqualTo("dj13"); // base64("v=w")
        assertThat(objects.get(1).at("/metadata/namespace").asText()).isEqualTo("ns");
    }

    @Test
    void rulesCatchAMissingPolicyADriftedConnectorAndAnOpenPort() {
        List<ObjectNode> objects = prodCopy();
        objects.removeIf(o -> Repo.id(o).equals("NetworkPolicy cs-platform/health-service"));
        for (ObjectNode object : objects) {
            if (Repo.id(object).equals("KafkaConnector cs-platform/cs-cadence-outbox")) {
                ((ObjectNode) object.at("/spec/config")).put("slot.name", "cs_health_outbox");
            }
            if (Repo.id(object).equals("NetworkPolicy cs-platform/roadmap-service")) {
                ((ArrayNode) object.at("/spec/egress")).addObject().putArray("ports").addObject().put("port", 22);
            }
            if (Repo.id(object).equals("Deployment cs-platform/gateway")) {
                ((ObjectNode) object.at("/spec/template/spec/containers/0/readinessProbe/httpGet")).put("port", 8080);
            }
        }
        assertThat(platformProblems(objects))
                .anyMatch(item -> item.contains("health-service") && item.contains("NetworkPolicy missing"))
                .anyMatch(item -> item.contains("cs-cadence-outbox") && item.contains("slot.name"))
                .anyMatch(item -> item.contains("NetworkPolicy cs-platform/roadmap-service") && item.contains("TCP/22"))
                .anyMatch(item -> item.contains("Deployment cs-platform/gateway") && item.contains("readinessProbe"));
    }

    @Test
    void rulesCatchAnApplicationThatConnectsAsTheOwnerOrReadsTheWrongDatabaseSecret() {
        List<ObjectNode> objects = prodCopy();
        for (ObjectNode object : objects) {
            switch (Repo.id(object)) {
                case "ConfigMap cs-platform/segmentation-service-config" ->
                        ((ObjectNode) object.path("data")).put("DB_USER", "segmentation_owner");
                case "ConfigMap cs-platform/cadence-service-config" -> ((ObjectNode) object.path("data")).remove("DB_MIGRATION_USER");
                case "Deployment cs-platform/health-service" -> {
                    for (JsonNode variable : object.at("/spec/template/spec/containers/0/env")) {
                        if (variable.path("name").asText().equals("DB_PASSWORD")) {
                            ((ObjectNode) variable.at("/valueFrom/secretKeyRef")).put("name", "cs-health-db-owner");
                        }
                    }
                }
                case "Deployment cs-platform/gateway" -> {
                    ArrayNode env = (ArrayNode) object.at("/spec/template/spec/containers/0/env");
                    for (int i = env.size() - 1; i >= 0; i--) {
                        if (env.get(i).path("name").asText().equals("DB_MIGRATION_PASSWORD")) {
                            env.remove(i);
                        }
                    }
                }
                default -> {
                }
            }
        }
        assertThat(platformProblems(objects))
                .anyMatch(item -> item.contains("segmentation-service") && item.contains("DB_USER must be segmentation_app"))
                .anyMatch(item -> item.contains("cadence-service") && item.contains("DB_MIGRATION_USER must be cadence_owner"))
                .anyMatch(item -> item.contains("health-service") && item.contains("DB_PASSWORD must be the password of health_app"))
                .anyMatch(item -> item.contains("gateway") && item.contains("DB_MIGRATION_PASSWORD must be the password of gateway_owner"));
    }

    /** The prod render, each object a copy that a test may break. */
    private static List<ObjectNode> prodCopy() {
        List<ObjectNode> objects = new ArrayList<>();
        for (ObjectNode object : Overlays.rendered("prod").objects()) {
            objects.add(object.deepCopy());
        }
        return objects;
    }

    private static List<String> platformProblems(List<ObjectNode> objects) {
        Problems problems = new Problems();
        PlatformRules.check(new Rendered("prod", objects), problems);
        return problems.items();
    }
}
