package io.mspcs.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the platform needs of a rendered overlay beyond the API schema: every application complete
 * (Deployment, Service, PDB, NetworkPolicy, HPA, ConfigMap), references that resolve (ConfigMaps,
 * Secrets, $(VAR)s, ports, selectors), probes and ports, Pod Security "restricted", the network
 * rules, the topics of events.md §2 and relays that agree with deploy/debezium/*.json.
 */
final class PlatformRules {

    static final int HTTP_PORT = 8080;
    static final int MANAGEMENT_PORT = 9000;
    static final long THIRTY_DAYS_MS = 30L * 24 * 60 * 60 * 1000;
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DNS_1035 = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern PORT_NAME = Pattern.compile("(?=.*[a-z])[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");
    private static final Pattern CONFIG_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final Pattern LABEL_NAME = Pattern.compile("([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    private static final Pattern VAR_REFERENCE = Pattern.compile("\\$\\(([^)]+)\\)");
    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{env:([A-Za-z0-9_]+)}");
    private static final Pattern SECRET_PLACEHOLDER = Pattern.compile("\\$\\{secrets:([^/}]+)/([^:}]+):([^}]+)}");

    private final Rendered r;
    private final Problems p;

    private PlatformRules(Rendered rendered, Problems problems) {
        this.r = rendered;
        this.p = problems;
    }

    static void check(Rendered rendered, Problems problems) {
        PlatformRules rules = new PlatformRules(rendered, problems);
        rules.metadata();
        rules.secrets();
        for (String app : Repo.APPS) {
            rules.application(app);
        }
        rules.gateway();
        rules.topics();
        rules.connect();
        for (String service : Repo.SERVICES) {
            rules.connector(service);
        }
    }

    // ---- every object ---------------------------------------------------------------------------

    private void metadata() {
        p.check(r.find("Namespace", Repo.NAMESPACE).isPresent(), r.overlay(), "Namespace " + Repo.NAMESPACE + " missing");
        for (ObjectNode object : r.objects()) {
            String where = r.where(object);
            JsonNode metadata = object.path("metadata");
            String name = metadata.path("name").asText();
            p.check(name.length() <= 253 && DNS_SUBDOMAIN.matcher(name).matches(), where, "name is not a DNS subdomain");
            if (!object.path("kind").asText().equals("Namespace")) {
                p.check(Repo.NAMESPACE.equals(metadata.path("namespace").asText(null)), where,
                        "must be in namespace " + Repo.NAMESPACE);
            }
            p.check("cs-platform".equals(metadata.path("labels").path("app.kubernetes.io/part-of").asText(null))
                    || object.path("kind").asText().equals("Secret"), where, "label app.kubernetes.io/part-of=cs-platform missing");
            labels(metadata.path("labels"), where + " labels");
            if (object.path("kind").asText().equals("ConfigMap")) {
                object.path("data").fieldNames().forEachRemaining(key ->
                        p.check(CONFIG_KEY.matcher(key).matches(), where, "invalid data key " + key));
            }
        }
    }

    private void labels(JsonNode labels, String where) {
        labels.fields().forEachRemaining(label -> {
            p.check(LABEL_NAME.matcher(label.getKey()).matches(), where, "invalid label key " + label.getKey());
            String value = label.getValue().asText();
            p.check(value.length() <= 63 && LABEL_VALUE.matcher(value).matches(), where,
                    "invalid label value " + label.getKey() + "=" + value);
        });
    }

    private void secrets() {
        List<ObjectNode> secrets = r.all("Secret");
        if (r.isProd()) {
            for (ObjectNode secret : secrets) {
                p.add(r.where(secret), "prod must not define Secrets: it references existing ones by name");
            }
            return;
        }
        for (String name : ExpectedSecrets.ALL.keySet()) {
            if (ExpectedSecrets.EXTERNAL_IN_DEV.contains(name)) {
                continue;
            }
            Optional<ObjectNode> secret = r.find("Secret", name);
            if (p.check(secret.isPresent(), r.overlay(), "Secret " + name + " is not generated")) {
                Set<String> keys = new TreeSet<>();
                secret.get().path("data").fields().forEachRemaining(entry -> {
                    keys.add(entry.getKey());
                    try {
                        Base64.getDecoder().decode(entry.getValue().asText());
                    } catch (IllegalArgumentException e) {
                        p.add(r.where(secret.get()), "data." + entry.getKey() + " is not base64");
                    }
                });
                p.check(keys.equals(new TreeSet<>(ExpectedSecrets.ALL.get(name))), r.where(secret.get()),
                        "keys " + keys + " differ from " + new TreeSet<>(ExpectedSecrets.ALL.get(name)));
            }
        }
    }

    /** A Secret key reference resolves: generated in dev, one of the documented Secrets in prod. */
    private boolean secretKeyExists(String name, String key) {
        Set<String> keys = ExpectedSecrets.ALL.get(name);
        if (keys == null || !keys.contains(key)) {
            return false;
        }
        if (r.isProd() || ExpectedSecrets.EXTERNAL_IN_DEV.contains(name)) {
            return true;
        }
        return r.find("Secret", name).map(s -> s.path("data").has(key)).orElse(false);
    }

    // ---- applications ---------------------------------------------------------------------------

    private void application(String app) {
        String where = r.overlay() + " " + app;
        Optional<ObjectNode> deployment = r.find("Deployment", app);
        Optional<ObjectNode> service = r.find("Service", app);
        Optional<ObjectNode> pdb = r.find("PodDisruptionBudget", app);
        Optional<ObjectNode> policy = r.find("NetworkPolicy", app);
        Optional<ObjectNode> hpa = r.find("HorizontalPodAutoscaler", app);
        p.check(deployment.isPresent(), where, "Deployment missing");
        p.check(service.isPresent(), where, "Service missing");
        p.check(pdb.isPresent(), where, "PodDisruptionBudget missing");
        p.check(policy.isPresent(), where, "NetworkPolicy missing");
        p.check(hpa.isPresent(), where, "HorizontalPodAutoscaler missing");
        p.check(r.find("ConfigMap", app + "-config").isPresent(), where, "ConfigMap " + app + "-config missing");
        if (deployment.isEmpty()) {
            return;
        }
        JsonNode podLabels = deployment.get().path("spec").path("template").path("metadata").path("labels");
        deployment(app, deployment.get(), podLabels);
        service.ifPresent(s -> service(app, s, deployment.get(), podLabels));
        pdb.ifPresent(b -> pdb(b, deployment.get(), podLabels));
        hpa.ifPresent(h -> hpa(app, h, deployment.get()));
        policy.ifPresent(n -> networkPolicy(app, n, podLabels));
    }

    private void deployment(String app, ObjectNode deployment, JsonNode podLabels) {
        String where = r.where(deployment);
        JsonNode spec = deployment.path("spec");
        JsonNode selector = spec.path("selector").path("matchLabels");
        p.check(selector.size() > 0 && selected(selector, podLabels), where, "selector does not match the pod labels");
        p.check(app.equals(podLabels.path("app.kubernetes.io/name").asText(null)), where,
                "pod label app.kubernetes.io/name=" + app + " missing");
        String component = app.equals("gateway") ? "gateway" : "service";
        p.check(component.equals(podLabels.path("app.kubernetes.io/component").asText(null)), where,
                "pod label app.kubernetes.io/component=" + component + " missing");
        p.check(spec.path("replicas").asInt(0) >= 1, where, "replicas must be >= 1");
        p.check(spec.path("strategy").path("rollingUpdate").path("maxUnavailable").asInt(-1) == 0, where,
                "rolling updates should keep every pod until its replacement is ready (maxUnavailable 0)");
        JsonNode pod = spec.path("template").path("spec");
        JsonNode annotations = spec.path("template").path("metadata").path("annotations");
        p.check(String.valueOf(MANAGEMENT_PORT).equals(annotations.path("prometheus.io/port").asText())
                && "/q/metrics".equals(annotations.path("prometheus.io/path").asText()), where,
                "scrape annotations must point at /q/metrics on " + MANAGEMENT_PORT);
        podSecurity(pod, where);
        JsonNode containers = pod.path("containers");
        if (!p.check(containers.size() == 1, where, "expected exactly one container")) {
            return;
        }
        JsonNode container = containers.get(0);
        p.check(DNS_LABEL.matcher(container.path("name").asText()).matches(), where, "container name is not a DNS label");
        String image = container.path("image").asText();
        Matcher imageMatch = Pattern.compile("ghcr\\.io/mspcs/" + Pattern.quote(app) + ":([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})")
                .matcher(image);
        p.check(imageMatch.matches() && !imageMatch.group(1).equals("latest"), where,
                "image must be ghcr.io/mspcs/" + app + ":<tag> with a tag other than latest, is " + image);
        if (r.isProd() && imageMatch.matches()) {
            p.check(!imageMatch.group(1).contains("SNAPSHOT") && !imageMatch.group(1).equals("main"), where,
                    "prod runs release images, not " + imageMatch.group(1));
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (JsonNode port : container.path("ports")) {
            String name = port.path("name").asText();
            p.check(name.length() <= 15 && PORT_NAME.matcher(name).matches(), where, "invalid port name " + name);
            ports.put(name, port.path("containerPort").asInt());
        }
        p.check(ports.equals(Map.of("http", HTTP_PORT, "management", MANAGEMENT_PORT)), where,
                "ports must be http " + HTTP_PORT + " and management " + MANAGEMENT_PORT + ", are " + ports);
        probe(container, "startupProbe", "/q/health/started", where);
        probe(container, "livenessProbe", "/q/health/live", where);
        probe(container, "readinessProbe", "/q/health/ready", where);
        resources(container.path("resources"), where);
        Map<String, String> env = environment(container, where);
        environmentRules(app, env, where);
        volumes(pod, container, where);
    }

    private void podSecurity(JsonNode pod, String where) {
        JsonNode security = pod.path("securityContext");
        p.check(security.path("runAsNonRoot").asBoolean(false), where, "pod must set runAsNonRoot: true");
        p.check(security.path("runAsUser").asInt(0) != 0, where, "pod must not run as UID 0");
        p.check(security.path("seccompProfile").path("type").asText().matches("RuntimeDefault|Localhost"), where,
                "pod needs seccompProfile RuntimeDefault (Pod Security restricted)");
        for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
            p.check(!pod.path(host).asBoolean(false), where, host + " is not allowed");
        }
        p.check(!pod.path("automountServiceAccountToken").asBoolean(true), where,
                "the applications do not call the Kubernetes API: automountServiceAccountToken: false");
        for (JsonNode container : pod.path("containers")) {
            JsonNode context = container.path("securityContext");
            p.check(!context.path("allowPrivilegeEscalation").asBoolean(true), where, "allowPrivilegeEscalation must be false");
            p.check(context.path("readOnlyRootFilesystem").asBoolean(false), where, "readOnlyRootFilesystem must be true");
            p.check(!context.path("privileged").asBoolean(false), where, "privileged is not allowed");
            boolean dropsAll = false;
            for (JsonNode capability : context.path("capabilities").path("drop")) {
                dropsAll |= capability.asText().equals("ALL");
            }
            p.check(dropsAll, where, "capabilities must drop ALL");
            p.check(context.path("capabilities").path("add").size() == 0, where, "no capabilities may be added");
        }
    }

    private void probe(JsonNode container, String kind, String path, String where) {
        JsonNode probe = container.path(kind);
        if (!p.check(probe.isObject(), where, kind + " missing")) {
            return;
        }
        JsonNode get = probe.path("httpGet");
        p.check(path.equals(get.path("path").asText()), where, kind + " must GET " + path);
        JsonNode port = get.path("port");
        p.check("management".equals(port.asText()) || port.asInt() == MANAGEMENT_PORT, where,
                kind + " must use the management port " + MANAGEMENT_PORT);
        p.check(probe.path("timeoutSeconds").asInt(1) >= 1 && probe.path("failureThreshold").asInt(3) >= 1, where,
                kind + " thresholds must be positive");
    }

    private void resources(JsonNode resources, String where) {
        for (String resource : List.of("cpu", "memory")) {
            JsonNode request = resources.path("requests").path(resource);
            JsonNode limit = resources.path("limits").path(resource);
            if (p.check(!request.isMissingNode() && !limit.isMissingNode(), where,
                    "requests and limits of " + resource + " are required")) {
                try {
                    p.check(Quantities.parse(request.asText()).compareTo(Quantities.parse(limit.asText())) <= 0, where,
                            resource + " request " + request.asText() + " exceeds its limit " + limit.asText());
                } catch (IllegalArgumentException e) {
                    p.add(where, e.getMessage());
                }
            }
        }
    }

    /** The container's environment as the kubelet builds it (envFrom, then env with $(VAR) expansion). */
    private Map<String, String> environment(JsonNode container, String where) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            if (source.has("configMapRef")) {
                String name = source.path("configMapRef").path("name").asText();
                Optional<ObjectNode> configMap = r.find("ConfigMap", name);
                if (p.check(configMap.isPresent(), where, "envFrom ConfigMap " + name + " does not exist")) {
                    configMap.get().path("data").fields().forEachRemaining(e -> {
                        p.check(ENV_NAME.matcher(e.getKey()).matches(), where,
                                "ConfigMap " + name + " key " + e.getKey() + " is no environment variable name");
                        env.put(e.getKey(), e.getValue().asText());
                    });
                }
            } else {
                p.add(where, "envFrom only from ConfigMaps; reference Secret keys one by one");
            }
        }
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asText();
            p.check(ENV_NAME.matcher(name).matches(), where, "invalid environment variable name " + name);
            JsonNode from = variable.path("valueFrom");
            if (variable.has("value")) {
                String value = variable.get("value").asText();
                Matcher reference = VAR_REFERENCE.matcher(value);
                StringBuilder expanded = new StringBuilder();
                while (reference.find()) {
                    String referenced = reference.group(1);
                    p.check(env.containsKey(referenced), where, name + " refers to undefined $(" + referenced + ")");
                    reference.appendReplacement(expanded, Matcher.quoteReplacement(env.getOrDefault(referenced, "")));
                }
                reference.appendTail(expanded);
                env.put(name, expanded.toString());
            } else if (from.has("configMapKeyRef")) {
                String configMap = from.path("configMapKeyRef").path("name").asText();
                String key = from.path("configMapKeyRef").path("key").asText();
                Optional<String> value = r.configValue(configMap, key);
                p.check(value.isPresent(), where, name + " refers to missing ConfigMap key " + configMap + "/" + key);
                env.put(name, value.orElse(""));
            } else if (from.has("secretKeyRef")) {
                String secret = from.path("secretKeyRef").path("name").asText();
                String key = from.path("secretKeyRef").path("key").asText();
                p.check(secretKeyExists(secret, key), where, name + " refers to unknown Secret key " + secret + "/" + key);
                env.put(name, "<secret " + secret + "/" + key + ">");
            } else {
                p.add(where, "environment variable " + name + " has neither value nor a ConfigMap/Secret reference");
            }
        }
        return env;
    }

    private void environmentRules(String app, Map<String, String> env, String where) {
        String db = Repo.database(app);
        List<String> required = new ArrayList<>(List.of("DB_USER", "DB_PASSWORD", "DB_MIGRATION_USER", "DB_MIGRATION_PASSWORD",
                "DB_REACTIVE_URL", "DB_JDBC_URL", "KAFKA_BOOTSTRAP_SERVERS", "GATEWAY_TOKEN", "QUARKUS_HTTP_PORT",
                "QUARKUS_MANAGEMENT_PORT"));
        if (app.equals("gateway")) {
            required.addAll(List.of("OPERATOR_SECRET", "API_KEY_PEPPER", "SEGMENTATION_URL", "HEALTH_URL", "CADENCE_URL",
                    "ROADMAP_URL", "FRONTEND_ORIGINS"));
        }
        for (String name : required) {
            p.check(env.containsKey(name) && !env.get(name).isBlank(), where, "environment variable " + name + " missing");
        }
        p.check(String.valueOf(HTTP_PORT).equals(env.get("QUARKUS_HTTP_PORT")), where, "QUARKUS_HTTP_PORT must be " + HTTP_PORT);
        p.check(String.valueOf(MANAGEMENT_PORT).equals(env.get("QUARKUS_MANAGEMENT_PORT")), where,
                "QUARKUS_MANAGEMENT_PORT must be " + MANAGEMENT_PORT);
        databaseRoles(app, env, where);
        for (String secret : List.of("DB_PASSWORD", "DB_MIGRATION_PASSWORD", "GATEWAY_TOKEN", "OPERATOR_SECRET", "API_KEY_PEPPER")) {
            if (env.containsKey(secret)) {
                p.check(env.get(secret).startsWith("<secret "), where, secret + " must come from a Secret, not a literal");
            }
        }
        Matcher reactive = Pattern.compile("postgresql://([^:/]+):(\\d+)/" + db + "(\\?.*)?").matcher(env.getOrDefault("DB_REACTIVE_URL", ""));
        Matcher jdbc = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/" + db + "(\\?.*)?").matcher(env.getOrDefault("DB_JDBC_URL", ""));
        if (p.check(reactive.matches(), where, "DB_REACTIVE_URL must be postgresql://host:port/" + db + ", is "
                + env.get("DB_REACTIVE_URL"))
                & p.check(jdbc.matches(), where, "DB_JDBC_URL must be jdbc:postgresql://host:port/" + db + ", is "
                        + env.get("DB_JDBC_URL"))) {
            p.check(reactive.group(1).equals(jdbc.group(1)) && reactive.group(2).equals(jdbc.group(2)), where,
                    "DB_REACTIVE_URL and DB_JDBC_URL point at different servers");
            p.check(reactive.group(2).equals("5432"), where, "PostgreSQL port must be 5432 (the NetworkPolicy allows only it)");
        }
        for (String server : env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "").split(",")) {
            p.check(server.matches("[a-z0-9.-]+:9092"), where,
                    "Kafka bootstrap server " + server + " must use port 9092 (the NetworkPolicy allows only it)");
        }
        if (app.equals("gateway")) {
            for (String service : Repo.SERVICES) {
                String url = env.getOrDefault(Repo.upper(service) + "_URL", "");
                p.check(url.equals("http://" + Repo.app(service) + ":" + HTTP_PORT), where,
                        Repo.upper(service) + "_URL must be http://" + Repo.app(service) + ":" + HTTP_PORT + ", is " + url);
            }
            for (String origin : env.getOrDefault("FRONTEND_ORIGINS", "").split(",")) {
                p.check(!origin.contains("*") && origin.matches("https?://[^/,\\s]+"), where,
                        "FRONTEND_ORIGINS entry '" + origin + "' must be an explicit origin (gateway.md §8)");
                if (r.isProd()) {
                    p.check(origin.startsWith("https://"), where, "prod FRONTEND_ORIGINS must be https: " + origin);
                }
            }
            p.check(env.getOrDefault("API_KEY_ENVIRONMENT", "").equals(r.isProd() ? "live" : "test"), where,
                    "API_KEY_ENVIRONMENT must be " + (r.isProd() ? "live" : "test"));
        }
    }

    /**
     * architecture.md §5: the application connects as {@code <db>_app} (DML only, under row-level security) and
     * Flyway migrates as {@code <db>_owner}; each password comes from that role's own Secret.
     */
    private void databaseRoles(String app, Map<String, String> env, String where) {
        String db = Repo.database(app);
        p.check((db + "_app").equals(env.get("DB_USER")), where,
                "DB_USER must be " + db + "_app (row-level security binds the app role, not the owner), is " + env.get("DB_USER"));
        p.check((db + "_owner").equals(env.get("DB_MIGRATION_USER")), where,
                "DB_MIGRATION_USER must be " + db + "_owner (Flyway), is " + env.get("DB_MIGRATION_USER"));
        String appPassword = "<secret " + ExpectedSecrets.appDatabaseSecret(app) + "/password>";
        String ownerPassword = "<secret " + ExpectedSecrets.ownerDatabaseSecret(app) + "/password>";
        p.check(appPassword.equals(env.get("DB_PASSWORD")), where,
                "DB_PASSWORD must be the password of " + db + "_app from Secret " + ExpectedSecrets.appDatabaseSecret(app)
                        + ", is " + env.get("DB_PASSWORD"));
        p.check(ownerPassword.equals(env.get("DB_MIGRATION_PASSWORD")), where,
                "DB_MIGRATION_PASSWORD must be the password of " + db + "_owner from Secret " + ExpectedSecrets.ownerDatabaseSecret(app)
                        + ", is " + env.get("DB_MIGRATION_PASSWORD"));
    }

    private void volumes(JsonNode pod, JsonNode container, String where) {
        Map<String, JsonNode> volumes = new LinkedHashMap<>();
        for (JsonNode volume : pod.path("volumes")) {
            volumes.put(volume.path("name").asText(), volume);
            p.check(!volume.has("hostPath"), where, "hostPath volumes are not allowed");
        }
        boolean tmp = false;
        for (JsonNode mount : container.path("volumeMounts")) {
            JsonNode volume = volumes.get(mount.path("name").asText());
            p.check(volume != null, where, "volumeMount " + mount.path("name").asText() + " has no volume");
            if (volume != null && mount.path("mountPath").asText().equals("/tmp")) {
                tmp = volume.has("emptyDir");
            }
        }
        p.check(tmp, where, "a read-only root file system needs an emptyDir on /tmp");
    }

    private void service(String app, ObjectNode service, ObjectNode deployment, JsonNode podLabels) {
        String where = r.where(service);
        String name = service.path("metadata").path("name").asText();
        p.check(name.length() <= 63 && DNS_1035.matcher(name).matches(), where, "Service names must be DNS-1035 labels");
        JsonNode selector = service.path("spec").path("selector");
        p.check(selector.size() > 0 && selected(selector, podLabels), where, "selector does not select the " + app + " pods");
        for (ObjectNode other : r.all("Deployment")) {
            if (other != deployment) {
                p.check(!selected(selector, other.path("spec").path("template").path("metadata").path("labels")), where,
                        "selector also selects " + Repo.id(other));
            }
        }
        Set<String> containerPorts = new HashSet<>();
        deployment.path("spec").path("template").path("spec").path("containers").forEach(c -> c.path("ports").forEach(port -> {
            containerPorts.add(port.path("name").asText());
            containerPorts.add(port.path("containerPort").asText());
        }));
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (JsonNode port : service.path("spec").path("ports")) {
            ports.put(port.path("name").asText(), port.path("port").asInt());
            p.check(containerPorts.contains(port.path("targetPort").asText()), where,
                    "targetPort " + port.path("targetPort").asText() + " is no container port");
        }
        p.check(ports.equals(Map.of("http", HTTP_PORT, "management", MANAGEMENT_PORT)), where,
                "ports must be http " + HTTP_PORT + " and management " + MANAGEMENT_PORT + ", are " + ports);
    }

    private void pdb(ObjectNode pdb, ObjectNode deployment, JsonNode podLabels) {
        String where = r.where(pdb);
        JsonNode spec = pdb.path("spec");
        p.check(selected(spec.path("selector").path("matchLabels"), podLabels) && spec.path("selector").path("matchLabels").size() > 0,
                where, "selector does not select the Deployment's pods");
        p.check(spec.has("maxUnavailable") ^ spec.has("minAvailable"), where, "set exactly one of maxUnavailable/minAvailable");
        if (spec.path("minAvailable").isInt()) {
            p.check(spec.get("minAvailable").asInt() < deployment.path("spec").path("replicas").asInt(), where,
                    "minAvailable >= replicas blocks every node drain");
        }
    }

    private void hpa(String app, ObjectNode hpa, ObjectNode deployment) {
        String where = r.where(hpa);
        JsonNode spec = hpa.path("spec");
        JsonNode target = spec.path("scaleTargetRef");
        p.check(target.path("kind").asText().equals("Deployment") && target.path("name").asText().equals(app)
                && target.path("apiVersion").asText().equals("apps/v1"), where, "must scale Deployment " + app);
        int min = spec.path("minReplicas").asInt(1);
        int max = spec.path("maxReplicas").asInt(0);
        p.check(min >= 1 && min <= max, where, "need 1 <= minReplicas <= maxReplicas, are " + min + ".." + max);
        p.check(deployment.path("spec").path("replicas").asInt() == min, where,
                "Deployment replicas " + deployment.path("spec").path("replicas").asInt() + " should equal minReplicas " + min);
        p.check(spec.path("metrics").size() > 0, where, "metrics missing");
        if (!app.equals("gateway")) {
            int partitions = Integer.MAX_VALUE;
            for (ObjectNode topic : r.all("KafkaTopic")) {
                if (!topic.path("metadata").path("name").asText().endsWith(".dlq")) {
                    partitions = Math.min(partitions, topic.path("spec").path("partitions").asInt());
                }
            }
            p.check(max <= partitions, where, "maxReplicas " + max + " exceeds the " + partitions
                    + " partitions of the event topics: extra consumers would idle");
        }
        if (r.isProd()) {
            p.check(min >= 2, where, "prod needs two replicas or more");
        }
    }

    // ---- network --------------------------------------------------------------------------------

    private void networkPolicy(String app, ObjectNode policy, JsonNode podLabels) {
        String where = r.where(policy);
        JsonNode spec = policy.path("spec");
        p.check(spec.path("podSelector").path("matchLabels").size() > 0
                && selected(spec.path("podSelector").path("matchLabels"), podLabels), where,
                "podSelector does not select the " + app + " pods");
        Set<String> types = new HashSet<>();
        spec.path("policyTypes").forEach(t -> types.add(t.asText()));
        p.check(types.equals(Set.of("Ingress", "Egress")), where, "policyTypes must be Ingress and Egress");

        Set<String> ingress = new TreeSet<>();
        for (JsonNode rule : spec.path("ingress")) {
            p.check(rule.path("from").size() > 0 && rule.path("ports").size() > 0, where,
                    "every ingress rule needs peers and ports (an empty one allows everything)");
            for (JsonNode peer : rule.path("from")) {
                for (JsonNode port : rule.path("ports")) {
                    ingress.add(peer(peer) + " -> " + port.path("protocol").asText("TCP") + "/" + port.path("port").asText());
                }
            }
        }
        Set<String> expectedIngress = app.equals("gateway")
                ? Set.of("namespace ingress-nginx -> TCP/" + HTTP_PORT, "namespace monitoring -> TCP/" + MANAGEMENT_PORT)
                : Set.of("pods app.kubernetes.io/name=gateway -> TCP/" + HTTP_PORT,
                        "namespace monitoring -> TCP/" + MANAGEMENT_PORT);
        p.check(ingress.equals(new TreeSet<>(expectedIngress)), where, "ingress must be exactly " + new TreeSet<>(expectedIngress)
                + ", is " + ingress);

        Set<String> egress = new TreeSet<>();
        for (JsonNode rule : spec.path("egress")) {
            p.check(rule.path("ports").size() > 0, where, "every egress rule needs ports (none allows every port)");
            List<String> peers = new ArrayList<>();
            rule.path("to").forEach(peer -> peers.add(peer(peer)));
            if (peers.isEmpty()) {
                peers.add("anywhere");
            }
            for (String peer : peers) {
                for (JsonNode port : rule.path("ports")) {
                    egress.add(peer + " -> " + port.path("protocol").asText("TCP") + "/" + port.path("port").asText());
                }
            }
        }
        Set<String> expectedEgress = new TreeSet<>(Set.of("anywhere -> TCP/5432", "anywhere -> TCP/9092",
                "namespace kube-system, pods k8s-app=kube-dns -> UDP/53", "namespace kube-system, pods k8s-app=kube-dns -> TCP/53"));
        if (app.equals("gateway")) {
            expectedEgress.add("pods app.kubernetes.io/component=service -> TCP/" + HTTP_PORT);
            expectedEgress.add("public addresses -> TCP/443");
        }
        p.check(egress.equals(expectedEgress), where, "egress must be exactly " + expectedEgress + ", is " + egress);
        for (JsonNode rule : spec.path("egress")) {
            for (JsonNode peer : rule.path("to")) {
                if (peer.has("ipBlock")) {
                    Set<String> except = new HashSet<>();
                    peer.path("ipBlock").path("except").forEach(e -> except.add(e.asText()));
                    p.check(except.containsAll(Set.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16")),
                            where, "public egress must exclude private and link-local ranges (gateway.md §6)");
                }
            }
        }
    }

    private static String peer(JsonNode peer) {
        List<String> parts = new ArrayList<>();
        if (peer.has("ipBlock")) {
            return peer.path("ipBlock").path("cidr").asText().equals("0.0.0.0/0") ? "public addresses"
                    : "ipBlock " + peer.path("ipBlock").path("cidr").asText();
        }
        if (peer.has("namespaceSelector")) {
            String ns = peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText("?");
            parts.add("namespace " + ns);
        }
        if (peer.has("podSelector")) {
            List<String> labels = new ArrayList<>();
            peer.path("podSelector").path("matchLabels").fields().forEachRemaining(e -> labels.add(e.getKey() + "=" + e.getValue().asText()));
            parts.add("pods " + String.join(",", labels));
        }
        return String.join(", ", parts);
    }

    private void gateway() {
        Optional<ObjectNode> ingress = r.find("Ingress", "gateway");
        if (!p.check(ingress.isPresent(), r.overlay(), "Ingress gateway missing")) {
            return;
        }
        String where = r.where(ingress.get());
        JsonNode spec = ingress.get().path("spec");
        p.check(spec.path("ingressClassName").isTextual(), where, "ingressClassName missing");
        Set<String> hosts = new TreeSet<>();
        Set<String> tlsHosts = new TreeSet<>();
        spec.path("tls").forEach(t -> {
            t.path("hosts").forEach(h -> tlsHosts.add(h.asText()));
            p.check(secretKeyExists(t.path("secretName").asText(), "tls.crt"), where,
                    "TLS secret " + t.path("secretName").asText() + " is not one of the documented Secrets");
        });
        for (JsonNode rule : spec.path("rules")) {
            hosts.add(rule.path("host").asText());
            for (JsonNode path : rule.path("http").path("paths")) {
                p.check(Set.of("Prefix", "Exact", "ImplementationSpecific").contains(path.path("pathType").asText()), where,
                        "invalid pathType " + path.path("pathType").asText());
                p.check(path.path("path").asText().startsWith("/api"), where, "only /api is public, not " + path.path("path").asText());
                JsonNode backend = path.path("backend").path("service");
                Optional<ObjectNode> service = r.find("Service", backend.path("name").asText());
                boolean portExists = service.isPresent() && containsPort(service.get(), backend.path("port"));
                p.check(backend.path("name").asText().equals("gateway") && portExists, where,
                        "backend must be the gateway Service's http port");
                p.check("http".equals(backend.path("port").path("name").asText()) || backend.path("port").path("number").asInt() == HTTP_PORT,
                        where, "backend must use the API port, never management");
            }
        }
        p.check(!hosts.isEmpty() && tlsHosts.containsAll(hosts), where, "every host needs TLS: hosts " + hosts + ", tls " + tlsHosts);
        p.check(hosts.stream().allMatch(h -> DNS_SUBDOMAIN.matcher(h).matches()), where, "hosts must be DNS names: " + hosts);
    }

    private static boolean containsPort(ObjectNode service, JsonNode port) {
        for (JsonNode candidate : service.path("spec").path("ports")) {
            if (port.has("name") ? candidate.path("name").asText().equals(port.path("name").asText())
                    : candidate.path("port").asInt() == port.path("number").asInt()) {
                return true;
            }
        }
        return false;
    }

    // ---- Kafka ----------------------------------------------------------------------------------

    private void topics() {
        Set<String> expected = new TreeSet<>();
        for (String service : Repo.SERVICES) {
            expected.add("cs." + service + ".events");
            expected.add("cs." + service + ".events.dlq");
        }
        Set<String> actual = new TreeSet<>();
        for (ObjectNode topic : r.all("KafkaTopic")) {
            String where = r.where(topic);
            String name = topic.path("spec").path("topicName").asText(topic.path("metadata").path("name").asText());
            actual.add(name);
            boolean dlq = name.endsWith(".dlq");
            JsonNode spec = topic.path("spec");
            JsonNode config = spec.path("config");
            p.check("cs-kafka".equals(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText(null)), where,
                    "label strimzi.io/cluster=cs-kafka missing");
            int partitions = spec.path("partitions").asInt();
            int replicas = spec.path("replicas").asInt();
            if (r.isProd()) {
                p.check(partitions == (dlq ? 3 : 12), where, "prod partitions must be " + (dlq ? 3 : 12) + " (events.md §2)");
                p.check(replicas == 3, where, "prod replication must be 3");
                p.check(config.path("min.insync.replicas").asInt() == 2, where, "prod min.insync.replicas must be 2");
            } else {
                p.check(partitions == (dlq ? 1 : 3), where, "dev partitions must be " + (dlq ? 1 : 3) + " (events.md §2 local sizes)");
            }
            p.check(config.path("min.insync.replicas").asInt(0) >= 1 && config.path("min.insync.replicas").asInt() <= replicas,
                    where, "min.insync.replicas must be between 1 and the replication factor");
            p.check(config.path("retention.ms").asLong() == THIRTY_DAYS_MS, where, "retention.ms must be 30 days (" + THIRTY_DAYS_MS + ")");
            p.check("delete".equals(config.path("cleanup.policy").asText()), where, "cleanup.policy must be delete (no compaction)");
        }
        p.check(actual.equals(expected), r.overlay(), "KafkaTopics must be " + expected + ", are " + actual);
    }

    private void connect() {
        List<ObjectNode> connects = r.all("KafkaConnect");
        if (!p.check(connects.size() == 1, r.overlay(), "expected one KafkaConnect, found " + connects.size())) {
            return;
        }
        ObjectNode connect = connects.get(0);
        String where = r.where(connect);
        String name = connect.path("metadata").path("name").asText();
        JsonNode spec = connect.path("spec");
        JsonNode config = spec.path("config");
        p.check("true".equals(connect.path("metadata").path("annotations").path("strimzi.io/use-connector-resources").asText()),
                where, "annotation strimzi.io/use-connector-resources: \"true\" missing");
        Set<String> providers = Set.of(config.path("config.providers").asText().split(","));
        p.check(providers.containsAll(Set.of("env", "secrets")), where, "config.providers must include env and secrets");
        p.check("org.apache.kafka.common.config.provider.EnvVarConfigProvider".equals(config.path("config.providers.env.class").asText()),
                where, "config.providers.env.class must be EnvVarConfigProvider");
        p.check("io.strimzi.kafka.KubernetesSecretConfigProvider".equals(config.path("config.providers.secrets.class").asText()),
                where, "config.providers.secrets.class must be KubernetesSecretConfigProvider");
        for (String server : spec.path("bootstrapServers").asText().split(",")) {
            p.check(server.matches("[a-z0-9.-]+:\\d+"), where, "bad bootstrap server " + server);
        }
        int minReplicas = Integer.MAX_VALUE;
        for (ObjectNode topic : r.all("KafkaTopic")) {
            minReplicas = Math.min(minReplicas, topic.path("spec").path("replicas").asInt());
        }
        for (String storage : List.of("config", "offset", "status")) {
            p.check(config.path(storage + ".storage.topic").isTextual(), where, storage + ".storage.topic missing");
            int factor = config.path(storage + ".storage.replication.factor").asInt(3);
            p.check(factor == minReplicas, where, storage + ".storage.replication.factor " + factor
                    + " differs from the topics' replication " + minReplicas);
        }
        // The Debezium plugin is the version the tests and the embedded relay use (root pom).
        String debezium = RootPom.property("debezium.version");
        boolean plugin = false;
        for (JsonNode artifact : spec.path("build").path("plugins").findValues("artifacts")) {
            for (JsonNode a : artifact) {
                String url = a.path("url").asText();
                if (url.contains("/debezium-connector-postgres/")) {
                    plugin = true;
                    p.check(url.contains("/" + debezium + "/"), where, "Debezium plugin must be " + debezium + ": " + url);
                    p.check(a.path("sha512sum").asText().matches("[0-9a-f]{128}"), where, "plugin artifact needs its sha512sum");
                }
            }
        }
        p.check(plugin || spec.path("image").asText().contains("debezium"), where,
                "the Debezium PostgreSQL connector plugin is neither built in nor in the image");
        JsonNode output = spec.path("build").path("output");
        if (output.has("pushSecret")) {
            p.check(secretKeyExists(output.path("pushSecret").asText(), ".dockerconfigjson"), where,
                    "pushSecret " + output.path("pushSecret").asText() + " is not one of the documented Secrets");
        }
        for (JsonNode variable : spec.path("template").path("connectContainer").path("env")) {
            JsonNode ref = variable.path("valueFrom").path("configMapKeyRef");
            if (ref.isObject()) {
                p.check(r.configValue(ref.path("name").asText(), ref.path("key").asText()).isPresent(), where,
                        variable.path("name").asText() + " refers to missing ConfigMap key " + ref.path("name").asText()
                                + "/" + ref.path("key").asText());
            }
            JsonNode secretRef = variable.path("valueFrom").path("secretKeyRef");
            if (secretRef.isObject()) {
                p.check(secretKeyExists(secretRef.path("name").asText(), secretRef.path("key").asText()), where,
                        variable.path("name").asText() + " refers to unknown Secret key");
            }
        }
        // The secrets provider reads with the Connect service account: RBAC must allow exactly that.
        Optional<ObjectNode> binding = r.all("RoleBinding").stream().filter(b -> {
            for (JsonNode subject : b.path("subjects")) {
                if (subject.path("kind").asText().equals("ServiceAccount") && subject.path("name").asText().equals(name + "-connect")
                        && subject.path("namespace").asText().equals(Repo.NAMESPACE)) {
                    return true;
                }
            }
            return false;
        }).findFirst();
        if (p.check(binding.isPresent(), where, "no RoleBinding for service account " + name + "-connect")) {
            String roleName = binding.get().path("roleRef").path("name").asText();
            Optional<ObjectNode> role = r.find("Role", roleName);
            if (p.check(role.isPresent() && binding.get().path("roleRef").path("kind").asText().equals("Role"), where,
                    "RoleBinding refers to missing Role " + roleName)) {
                for (JsonNode rule : role.get().path("rules")) {
                    p.check(rule.path("verbs").size() == 1 && rule.path("verbs").get(0).asText().equals("get")
                            && rule.path("resourceNames").size() > 0, r.where(role.get()),
                            "the secrets provider needs only 'get' on named Secrets");
                }
            }
        }
    }

    private Set<String> connectEnvironment() {
        Set<String> names = new HashSet<>();
        r.all("KafkaConnect").forEach(c -> c.path("spec").path("template").path("connectContainer").path("env")
                .forEach(v -> names.add(v.path("name").asText())));
        return names;
    }

    private Set<String> readableSecrets() {
        Set<String> names = new HashSet<>();
        r.all("Role").forEach(role -> role.path("rules").forEach(rule -> rule.path("resourceNames").forEach(n -> names.add(n.asText()))));
        return names;
    }

    /** The KafkaConnector equals deploy/debezium/<service>.json, placeholders mapped to Strimzi's providers. */
    private void connector(String service) {
        JsonNode file = Repo.readJson(Repo.path("deploy/debezium/" + service + ".json"));
        String name = file.path("name").asText();
        Optional<ObjectNode> found = r.find("KafkaConnector", name);
        if (!p.check(found.isPresent(), r.overlay(), "KafkaConnector " + name + " missing (deploy/debezium/" + service + ".json)")) {
            return;
        }
        ObjectNode connector = found.get();
        String where = r.where(connector);
        JsonNode spec = connector.path("spec");
        JsonNode expected = file.path("config");
        String connect = r.all("KafkaConnect").stream().map(c -> c.path("metadata").path("name").asText()).findFirst().orElse("?");
        p.check(connect.equals(connector.path("metadata").path("labels").path("strimzi.io/cluster").asText()), where,
                "label strimzi.io/cluster must name the KafkaConnect " + connect);
        p.check(expected.path("connector.class").asText().equals(spec.path("class").asText()), where,
                "spec.class differs from connector.class of the file");
        p.check(expected.path("tasks.max").asText().equals(spec.path("tasksMax").asText()), where,
                "spec.tasksMax differs from tasks.max of the file");
        JsonNode config = spec.path("config");
        Set<String> keys = new TreeSet<>();
        expected.fieldNames().forEachRemaining(keys::add);
        keys.removeAll(Set.of("connector.class", "tasks.max"));
        Set<String> actualKeys = new TreeSet<>();
        config.fieldNames().forEachRemaining(actualKeys::add);
        p.check(keys.equals(actualKeys), where, "config keys differ from the file: missing "
                + difference(keys, actualKeys) + ", extra " + difference(actualKeys, keys));
        Set<String> env = connectEnvironment();
        Set<String> readable = readableSecrets();
        for (String key : keys) {
            String want = expected.path(key).asText();
            String have = config.path(key).asText(null);
            if (have == null) {
                continue;
            }
            Matcher password = Pattern.compile("\\$\\{env:(" + Repo.upper(service) + "_RELAY_PASSWORD)}").matcher(want);
            if (password.matches()) {
                Matcher secret = SECRET_PLACEHOLDER.matcher(have);
                if (p.check(secret.matches(), where, key + " must read the password through ${secrets:...}, is " + have)) {
                    p.check(secret.group(1).equals(Repo.NAMESPACE), where, key + ": secret namespace must be " + Repo.NAMESPACE);
                    p.check(secret.group(3).equals(service + "-password") && secretKeyExists(secret.group(2), secret.group(3)),
                            where, key + " refers to unknown Secret key " + secret.group(2) + "/" + secret.group(3));
                    p.check(readable.contains(secret.group(2)), where, "the Connect service account may not read Secret " + secret.group(2));
                }
            } else {
                p.check(want.equals(have), where, key + " is '" + have + "', the file says '" + want + "'");
                Matcher placeholder = ENV_PLACEHOLDER.matcher(have);
                while (placeholder.find()) {
                    p.check(env.contains(placeholder.group(1)), where,
                            key + " uses ${env:" + placeholder.group(1) + "} but the Connect pods have no such variable");
                }
            }
        }
        // The relay of a service: its own database, role, slot, publication, topic.
        String topic = "cs." + service + ".events";
        p.check(config.path("database.dbname").asText().equals(service), where, "database.dbname must be " + service);
        p.check(config.path("database.user").asText().equals(service + "_relay"), where, "database.user must be " + service + "_relay");
        p.check(config.path("slot.name").asText().equals("cs_" + service + "_outbox"), where, "slot.name must be cs_" + service + "_outbox");
        p.check(config.path("publication.name").asText().equals("cs_" + service + "_outbox"), where,
                "publication.name must be cs_" + service + "_outbox");
        p.check(config.path("table.include.list").asText().equals("public.outbox_event"), where, "table.include.list must be public.outbox_event");
        p.check(config.path("transforms.outbox.route.topic.replacement").asText().equals(topic), where, "must route to " + topic);
        p.check(r.all("KafkaTopic").stream().anyMatch(t -> t.path("metadata").path("name").asText().equals(topic)), where,
                "routes to " + topic + ", which is no KafkaTopic");
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    /** Does the equality selector select these labels? */
    static boolean selected(JsonNode selector, JsonNode labels) {
        var fields = selector.fields();
        while (fields.hasNext()) {
            var entry = fields.next();
            if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }
}
