package io.mspcs.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Renders each overlay once per test run. */
final class Overlays {

    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    private Overlays() {
    }

    static Rendered rendered(String overlay) {
        return CACHE.computeIfAbsent(overlay, name -> {
            List<ObjectNode> objects = new KustomizeRenderer().render(Repo.path("deploy/k8s/overlays/" + name));
            return new Rendered(name, objects);
        });
    }
}
