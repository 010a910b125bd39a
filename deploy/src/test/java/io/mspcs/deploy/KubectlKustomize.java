package io.mspcs.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The real Kustomize, where a {@code kubectl} (or {@code kustomize}) binary is on the PATH. */
final class KubectlKustomize {

    private final List<String> command;

    private KubectlKustomize(List<String> command) {
        this.command = command;
    }

    static Optional<KubectlKustomize> find() {
        if (Boolean.getBoolean("cs.deploy.noKubectl")) {
            return Optional.empty();
        }
        Optional<Path> kubectl = onPath("kubectl");
        if (kubectl.isPresent()) {
            return Optional.of(new KubectlKustomize(List.of(kubectl.get().toString(), "kustomize")));
        }
        return onPath("kustomize").map(kustomize -> new KubectlKustomize(List.of(kustomize.toString(), "build")));
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    String describe() {
        return String.join(" ", command);
    }

    List<ObjectNode> render(Path directory) {
        List<String> full = new ArrayList<>(command);
        full.add(directory.toString());
        try {
            Path output = Files.createTempFile("kustomize", ".yaml");
            Path errors = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(full).redirectOutput(output.toFile())
                        .redirectError(errors.toFile()).start();
                if (!process.waitFor(90, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(describe() + " " + directory + " timed out");
                }
                if (process.exitValue() != 0) {
                    throw new KustomizeRenderer.RenderException(describe() + " " + directory + " failed: "
                            + Files.readString(errors, StandardCharsets.UTF_8));
                }
                List<ObjectNode> objects = new ArrayList<>();
                for (JsonNode document : Repo.parseYamlDocuments(Files.readString(output), describe())) {
                    objects.add((ObjectNode) document);
                }
                return objects;
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + describe(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
