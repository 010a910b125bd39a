package io.mspcs.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** src/main/docker/Dockerfile.jvm of every application: the Quarkus fast-jar image, non-root. */
class DockerfileTest {

    /** Local ports (deploy/local/README.md, docker-compose.yml): http, management. */
    static final Map<String, int[]> PORTS = Map.of(
            "gateway", new int[] {8080, 9080},
            "segmentation-service", new int[] {8081, 9081},
            "health-service", new int[] {8082, 9082},
            "cadence-service", new int[] {8083, 9083},
            "roadmap-service", new int[] {8084, 9084});

    @Test
    void everyApplicationHasAQuarkusFastJarImage() {
        Problems problems = new Problems();
        for (String app : Repo.APPS) {
            Path file = Repo.path(app + "/src/main/docker/Dockerfile.jvm");
            String where = app + "/src/main/docker/Dockerfile.jvm";
            if (!problems.check(Files.isRegularFile(file), where, "missing")) {
                continue;
            }
            List<String> instructions = instructions(Repo.read(file));
            problems.check(instructions.stream().filter(i -> i.startsWith("FROM ")).count() == 1, where, "one FROM expected");
            problems.check(instructions.stream().anyMatch(i -> i.matches(
                    "FROM (registry\\.access\\.redhat\\.com/ubi9/openjdk-17-runtime|eclipse-temurin):[0-9][\\w.-]*(-jre)?")),
                    where, "base must be a pinned ubi9/openjdk-17-runtime or eclipse-temurin:17-jre");
            for (String layer : List.of("lib/ /deployments/lib/", "*.jar /deployments/", "app/ /deployments/app/",
                    "quarkus/ /deployments/quarkus/")) {
                problems.check(instructions.contains("COPY --chown=185 target/quarkus-app/" + layer), where,
                        "COPY --chown=185 target/quarkus-app/" + layer + " missing");
            }
            problems.check(instructions.contains("USER 185"), where, "must run as user 185");
            int userAt = instructions.indexOf("USER 185");
            problems.check(userAt > 0 && instructions.subList(userAt, instructions.size()).stream()
                    .noneMatch(i -> i.startsWith("USER ") && !i.equals("USER 185")), where, "no later USER may switch back");
            int[] ports = PORTS.get(app);
            List<String> exposed = new ArrayList<>();
            instructions.stream().filter(i -> i.startsWith("EXPOSE ")).forEach(i -> exposed.addAll(Arrays.asList(i.substring(7).split("\\s+"))));
            problems.check(exposed.contains(String.valueOf(ports[0])) && exposed.contains(String.valueOf(ports[1])), where,
                    "must EXPOSE " + ports[0] + " and " + ports[1] + ", exposes " + exposed);
            problems.check(instructions.contains("ENV QUARKUS_HTTP_PORT=" + ports[0]) || instructions.stream()
                    .anyMatch(i -> i.startsWith("ENV ") && i.contains("QUARKUS_HTTP_PORT=" + ports[0] + " ")), where,
                    "QUARKUS_HTTP_PORT default must be " + ports[0]);
            problems.check(instructions.stream().anyMatch(i -> i.startsWith("ENV ") && i.contains("QUARKUS_MANAGEMENT_PORT=" + ports[1])),
                    where, "QUARKUS_MANAGEMENT_PORT default must be " + ports[1]);
            problems.check(instructions.stream().anyMatch(i -> i.startsWith("ENTRYPOINT [\"java\"")
                    && i.contains("\"-jar\", \"/deployments/quarkus-run.jar\"]")), where,
                    "ENTRYPOINT must exec java -jar /deployments/quarkus-run.jar (exec form: java is PID 1)");
            ports(app, ports, problems);
        }
        problems.assertNone("Dockerfile.jvm");
    }

    /** Where a module's application.properties exists, its ports agree with the image's. */
    private static void ports(String app, int[] ports, Problems problems) {
        Path properties = Repo.path(app + "/src/main/resources/application.properties");
        if (!Files.isRegularFile(properties)) {
            return;
        }
        String text = Repo.read(properties);
        for (String[] key : new String[][] {{"quarkus.http.port", String.valueOf(ports[0])},
            {"quarkus.management.port", String.valueOf(ports[1])}}) {
            Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(key[0]) + "\\s*=\\s*(\\S+)").matcher(text);
            if (matcher.find()) {
                problems.check(matcher.group(1).equals(key[1]), app + " application.properties",
                        key[0] + " is " + matcher.group(1) + ", the image and compose use " + key[1]);
            }
        }
    }

    /** Instructions with continuation lines joined, comments dropped, whitespace collapsed. */
    static List<String> instructions(String dockerfile) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            result.add(current.toString().replaceAll("\\s+", " ").trim());
            current.setLength(0);
        }
        return result;
    }
}
