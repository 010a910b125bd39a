package io.mspcs.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** deploy/k8s: both overlays render, match the API schemas, follow the platform's rules. */
class KubernetesManifestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayRendersLikeKubectlKustomize(String overlay) {
        Rendered rendered = Overlays.rendered(overlay);
        assertThat(rendered.objects()).hasSizeGreaterThan(40);
        Optional<KubectlKustomize> kubectl = KubectlKustomize.find();
        if (kubectl.isEmpty()) {
            System.out.println("[deploy] kubectl/kustomize not found (or -Dcs.deploy.noKubectl): " + overlay
                    + " rendered by the Java renderer only");
            return;
        }
        List<ObjectNode> real = kubectl.get().render(Repo.path("deploy/k8s/overlays/" + overlay));
        Problems problems = new Problems();
        Map<String, ObjectNode> ours = byId(rendered.objects());
        Map<String, ObjectNode> theirs = byId(real);
        problems.check(ours.keySet().equals(theirs.keySet()), overlay,
                "objects differ: only Java " + only(ours, theirs) + ", only kubectl " + only(theirs, ours));
        ours.forEach((id, object) -> {
            ObjectNode other = theirs.get(id);
            if (other != null && !object.equals(other)) {
                problems.add(overlay + " " + id, "Java renderer and " + kubectl.get().describe() + " differ at "
                        + firstDifference(object, other, ""));
            }
        });
        problems.assertNone("Java renderer vs " + kubectl.get().describe() + " for overlay " + overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectMatchesItsApiSchema(String overlay) {
        Rendered rendered = Overlays.rendered(overlay);
        ModelSchema schema = new ModelSchema();
        Problems problems = new Problems();
        for (ObjectNode object : rendered.objects()) {
            schema.validate(object, rendered.where(object), problems);
        }
        problems.assertNone("schema of overlay " + overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayFollowsThePlatformRules(String overlay) {
        Problems problems = new Problems();
        PlatformRules.check(Overlays.rendered(overlay), problems);
        problems.assertNone("platform rules of overlay " + overlay);
    }

    @Test
    void overlaysDifferWhereTheyShould() {
        Rendered dev = Overlays.rendered("dev");
        Rendered prod = Overlays.rendered("prod");
        for (String app : Repo.APPS) {
            int devReplicas = dev.find("Deployment", app).orElseThrow().path("spec").path("replicas").asInt();
            int prodReplicas = prod.find("Deployment", app).orElseThrow().path("spec").path("replicas").asInt();
            assertThat(prodReplicas).as("prod replicas of %s", app).isGreaterThan(devReplicas);
        }
        assertThat(prod.configValue("gateway-config", "FRONTEND_ORIGINS"))
                .isNotEqualTo(dev.configValue("gateway-config", "FRONTEND_ORIGINS"));
        assertThat(prod.all("Secret")).isEmpty();
    }

    @Test
    void readmeDocumentsEverySecretTheManifestsReference() {
        String readme = Repo.read(Repo.path("deploy/README.md"));
        Problems problems = new Problems();
        ExpectedSecrets.ALL.forEach((name, keys) -> {
            problems.check(readme.contains(name), "deploy/README.md", "does not mention Secret " + name);
            keys.forEach(key -> problems.check(readme.contains(key), "deploy/README.md",
                    "does not mention key " + key + " of " + name));
        });
        problems.assertNone("deploy/README.md");
    }

    static Map<String, ObjectNode> byId(List<ObjectNode> objects) {
        return objects.stream().collect(Collectors.toMap(
                o -> o.path("apiVersion").asText() + " " + Repo.id(o), o -> o, (a, b) -> a, TreeMap::new));
    }

    private static TreeSet<String> only(Map<String, ObjectNode> a, Map<String, ObjectNode> b) {
        TreeSet<String> result = new TreeSet<>(a.keySet());
        result.removeAll(b.keySet());
        return result;
    }

    static String firstDifference(JsonNode a, JsonNode b, String path) {
        if (a.isObject() && b.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!a.has(name) || !b.has(name)) {
                    return path + "." + name + " (only in " + (a.has(name) ? "Java" : "kubectl") + ")";
                }
                if (!a.get(name).equals(b.get(name))) {
                    return firstDifference(a.get(name), b.get(name), path + "." + name);
                }
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            Iterator<JsonNode> left = a.elements();
            Iterator<JsonNode> right = b.elements();
            for (int i = 0; left.hasNext(); i++) {
                JsonNode l = left.next();
                JsonNode r = right.next();
                if (!l.equals(r)) {
                    return firstDifference(l, r, path + "[" + i + "]");
                }
            }
        }
        return path + ": Java " + a + " / kubectl " + b;
    }
}
