package io.mspcs.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml: the stack, its start order and health checks, configuration and secrets,
 * and agreement with the init SQL and the connector files. The Compose schema itself is checked
 * by `docker-compose config` in deploy/validate.sh.
 */
class ComposeFileTest {

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)(:-([^}]*))?}");
    private static final Set<String> ONE_SHOT = Set.of("topics", "connectors");
    private static final Map<String, String> IMAGES = Map.of(
            "postgres", "postgres:15",
            "kafka", "apache/kafka:4.1.1",
            "topics", "apache/kafka:4.1.1",
            "connect", "quay.io/debezium/connect:3.4");

    private final JsonNode compose = Repo.readYaml(Repo.path("docker-compose.yml"));
    private final JsonNode services = compose.path("services");
    private final Problems problems = new Problems();

    @Test
    void stackStartsInOrderAndEveryLongRunningContainerHasAHealthCheck() {
        Set<String> expected = new TreeSet<>(List.of("postgres", "kafka", "topics", "connect", "connectors"));
        expected.addAll(Repo.APPS);
        Set<String> actual = new TreeSet<>();
        services.fieldNames().forEachRemaining(actual::add);
        problems.check(actual.equals(expected), "services", "must be " + expected + ", are " + actual);
        IMAGES.forEach((service, image) -> problems.check(image.equals(services.path(service).path("image").asText()),
                service, "image must be " + image));
        problems.check(services.path("connectors").path("image").asText().matches("curlimages/curl:\\d[\\w.]*"),
                "connectors", "image must be a pinned curlimages/curl");
        services.fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            JsonNode service = entry.getValue();
            if (ONE_SHOT.contains(name)) {
                problems.check("no".equals(service.path("restart").asText()), name, "a one-shot container must not restart");
            } else {
                problems.check(service.path("healthcheck").path("test").size() > 0, name, "health check missing");
            }
            service.path("depends_on").fields().forEachRemaining(dependency -> {
                String condition = dependency.getValue().path("condition").asText();
                JsonNode target = services.path(dependency.getKey());
                problems.check(!target.isMissingNode(), name, "depends on unknown " + dependency.getKey());
                if (ONE_SHOT.contains(dependency.getKey())) {
                    problems.check(condition.equals("service_completed_successfully"), name,
                            dependency.getKey() + " must have completed successfully");
                } else {
                    problems.check(condition.equals("service_healthy") && target.has("healthcheck"), name,
                            dependency.getKey() + " must be healthy (condition service_healthy and a health check)");
                }
            });
        });
        // The order of architecture.md §9: infrastructure, topics, services (migrations create the
        // publications), then Connect, then the connector registration.
        requireDependencies("topics", "kafka");
        for (String app : Repo.APPS) {
            requireDependencies(app, "postgres", "kafka", "topics");
        }
        requireDependencies("gateway", Repo.SERVICES.stream().map(Repo::app).toArray(String[]::new));
        requireDependencies("connect", "kafka", "topics");
        requireDependencies("connect", Repo.SERVICES.stream().map(Repo::app).toArray(String[]::new));
        requireDependencies("connectors", "connect");
        acyclic();
        problems.assertNone("docker-compose.yml start order");
    }

    private void requireDependencies(String service, String... dependencies) {
        for (String dependency : dependencies) {
            problems.check(services.path(service).path("depends_on").has(dependency), service,
                    "must wait for " + dependency);
        }
    }

    private void acyclic() {
        Map<String, Set<String>> graph = new LinkedHashMap<>();
        services.fields().forEachRemaining(e -> {
            Set<String> edges = new HashSet<>();
            e.getValue().path("depends_on").fieldNames().forEachRemaining(edges::add);
            graph.put(e.getKey(), edges);
        });
        for (String start : graph.keySet()) {
            Deque<String> todo = new ArrayDeque<>(graph.get(start));
            Set<String> seen = new HashSet<>();
            while (!todo.isEmpty()) {
                String next = todo.pop();
                if (next.equals(start)) {
                    problems.add(start, "depends on itself through a cycle");
                    break;
                }
                if (seen.add(next)) {
                    todo.addAll(graph.getOrDefault(next, Set.of()));
                }
            }
        }
    }

    @Test
    void postgresRunsLogicalWalAndCreatesEveryDatabaseAndRole() {
        JsonNode postgres = services.path("postgres");
        String command = String.join(" ", texts(postgres.path("command")));
        for (String setting : List.of("wal_level=logical", "max_replication_slots=20", "max_wal_senders=20")) {
            problems.check(command.contains(setting), "postgres", "command must set " + setting);
        }
        Map<String, String> mounts = mounts(postgres);
        problems.check("./deploy/compose/init".equals(mounts.get("/docker-entrypoint-initdb.d")), "postgres",
                "init SQL must come from ./deploy/compose/init");
        Matcher hba = Pattern.compile("hba_file=(\\S+)").matcher(command);
        if (problems.check(hba.find(), "postgres", "hba_file not set") && problems.check(mounts.containsKey(hba.group(1)),
                "postgres", "hba_file " + hba.group(1) + " is not mounted")) {
            String rules = Repo.read(Repo.path(mounts.get(hba.group(1))));
            problems.check(rules.matches("(?s).*\\nhost\\s+replication\\s+all\\s+all\\s+scram-sha-256.*"), "pg_hba.conf",
                    "the relays need a replication line");
        }
        String sql = initSql();
        String text = sql.toLowerCase();
        Map<String, String> env = environment(postgres);
        Matcher getenv = Pattern.compile("\\\\getenv\\s+\\w+\\s+(\\w+)").matcher(sql);
        while (getenv.find()) {
            problems.check(env.containsKey(getenv.group(1)), "postgres", "init SQL reads " + getenv.group(1) + ", which is not set");
        }
        for (String app : Repo.APPS) {
            String db = Repo.database(app);
            problems.check(text.contains("create role " + db + "_owner login"), "init SQL", db + "_owner missing");
            problems.check(text.contains("create database " + db + " owner " + db + "_owner"), "init SQL", "database " + db + " missing");
            if (!app.equals("gateway")) {
                problems.check(text.contains("create role " + db + "_relay login replication"), "init SQL", db + "_relay missing");
                problems.check(text.contains("alter default privileges for role " + db + "_owner in schema public grant select on tables to "
                        + db + "_relay"), "init SQL", db + "_relay needs SELECT on the owner's tables");
            }
        }
        problems.assertNone("compose PostgreSQL");
    }

    @Test
    void applicationsGetTheirConfigurationAndSecretsOnlyThroughInterpolation() {
        for (String app : Repo.APPS) {
            JsonNode service = services.path(app);
            String db = Repo.database(app);
            int[] ports = DockerfileTest.PORTS.get(app);
            problems.check(("./" + app).equals(service.path("build").path("context").asText()), app, "build context must be ./" + app);
            String dockerfile = service.path("build").path("dockerfile").asText();
            problems.check(dockerfile.equals("src/main/docker/Dockerfile.jvm") && Files.isRegularFile(Repo.path(app).resolve(dockerfile)),
                    app, "dockerfile must be src/main/docker/Dockerfile.jvm");
            Map<String, String> env = environment(service);
            Map<String, String> wanted = new LinkedHashMap<>();
            wanted.put("QUARKUS_HTTP_PORT", String.valueOf(ports[0]));
            wanted.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(ports[1]));
            wanted.put("DB_REACTIVE_URL", "postgresql://postgres:5432/" + db);
            wanted.put("DB_JDBC_URL", "jdbc:postgresql://postgres:5432/" + db);
            wanted.put("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
            if (app.equals("gateway")) {
                for (String s : Repo.SERVICES) {
                    int port = DockerfileTest.PORTS.get(Repo.app(s))[0];
                    wanted.put(Repo.upper(s) + "_URL", "http://" + Repo.app(s) + ":" + port);
                }
            }
            wanted.forEach((key, value) -> problems.check(value.equals(env.get(key)), app, key + " must be " + value + ", is " + env.get(key)));
            List<String> secrets = app.equals("gateway")
                    ? List.of("DB_PASSWORD", "DB_MIGRATION_PASSWORD", "GATEWAY_TOKEN", "OPERATOR_SECRET", "API_KEY_PEPPER")
                    : List.of("DB_PASSWORD", "DB_MIGRATION_PASSWORD", "GATEWAY_TOKEN");
            for (String secret : secrets) {
                problems.check(env.containsKey(secret), app, secret + " missing");
            }
            problems.check(texts(service.path("ports")).containsAll(List.of(ports[0] + ":" + ports[0], ports[1] + ":" + ports[1])),
                    app, "must publish " + ports[0] + " and " + ports[1]);
            String health = String.join(" ", texts(service.path("healthcheck").path("test")));
            problems.check(health.contains("/" + ports[1]) && health.contains("/q/health/ready"), app,
                    "health check must ask /q/health/ready on the management port " + ports[1]);
        }
        services.fields().forEachRemaining(entry -> rawEnvironment(entry.getValue()).forEach((key, value) -> {
            if (key.matches(".*(PASSWORD|TOKEN|SECRET|PEPPER).*")) {
                problems.check(value.matches("\\$\\{[A-Z0-9_]+:-[^}]+}"), entry.getKey(),
                        key + " must be a ${VAR:-dev-default} interpolation, never a literal");
            }
        }));
        problems.assertNone("compose applications");
    }

    @Test
    void applicationsConnectAsTheirAppRoleAndMigrateAsTheOwner() {
        databaseRoles(services, initSql(), problems);
        problems.assertNone("compose database roles");
    }

    @Test
    void databaseRoleRulesCatchAnOwnerLoginASharedPasswordAMissingGrantAndAPrivilegedAppRole() {
        ObjectNode broken = services.deepCopy();
        ((ObjectNode) broken.path("segmentation-service").path("environment")).put("DB_USER", "segmentation_owner");
        ((ObjectNode) broken.path("health-service").path("environment")).put("DB_PASSWORD", "${HEALTH_DB_PASSWORD:-cs-dev}");
        ((ObjectNode) broken.path("gateway").path("environment")).remove("DB_MIGRATION_USER");
        String sql = initSql().replace("grant connect on database cadence to cadence_app;\n", "")
                + "alter role roadmap_app bypassrls;\n";
        Problems found = new Problems();
        databaseRoles(broken, sql, found);
        assertThat(found.items())
                .anyMatch(item -> item.startsWith("segmentation-service") && item.contains("DB_USER must be segmentation_app"))
                .anyMatch(item -> item.startsWith("health-service") && item.contains("DB_PASSWORD"))
                .anyMatch(item -> item.startsWith("gateway") && item.contains("DB_MIGRATION_USER must be gateway_owner"))
                .anyMatch(item -> item.contains("grant connect on database cadence to cadence_app"))
                .anyMatch(item -> item.contains("alter role roadmap_app bypassrls"));
    }

    /**
     * architecture.md §5 in Compose: each application connects as {@code <db>_app} and migrates as {@code <db>_owner},
     * each with the password its role is created with by the init SQL, from two different variables. The app role
     * gets a login and CONNECT on its database, nothing more: its table grants come from the service's own
     * migrations, and any other privilege (ownership, BYPASSRLS, GRANT ALL) would undo row-level security.
     */
    static void databaseRoles(JsonNode services, String sql, Problems problems) {
        Map<String, String> variables = new LinkedHashMap<>();
        Matcher getenv = Pattern.compile("\\\\getenv\\s+(\\w+)\\s+(\\w+)").matcher(sql);
        while (getenv.find()) {
            variables.put(getenv.group(1), getenv.group(2));
        }
        Map<String, String> passwordVariable = new LinkedHashMap<>();
        Matcher role = Pattern.compile("(?i)create role (\\w+) login(?: replication)? password :'(\\w+)'").matcher(sql);
        while (role.find()) {
            passwordVariable.put(role.group(1).toLowerCase(), variables.getOrDefault(role.group(2), "<no \\getenv>"));
        }
        JsonNode postgres = services.path("postgres");
        List<String> statements = sql.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("--")).toList();
        for (String app : Repo.APPS) {
            String db = Repo.database(app);
            String appRole = db + "_app";
            String owner = db + "_owner";
            JsonNode service = services.path(app);
            Map<String, String> env = environment(service);
            problems.check(appRole.equals(env.get("DB_USER")), app, "DB_USER must be " + appRole
                    + " (row-level security binds the app role, not the owner), is " + env.get("DB_USER"));
            problems.check(owner.equals(env.get("DB_MIGRATION_USER")), app, "DB_MIGRATION_USER must be " + owner
                    + " (Flyway), is " + env.get("DB_MIGRATION_USER"));
            for (String[] login : List.of(new String[] {"DB_PASSWORD", appRole}, new String[] {"DB_MIGRATION_PASSWORD", owner})) {
                String variable = passwordVariable.get(login[1]);
                if (problems.check(variable != null, "init SQL", "must create role " + login[1] + " with a password from \\getenv")) {
                    problems.check(raw(service, login[0]).equals(raw(postgres, variable)), app, login[0] + " must be the same interpolation as "
                            + "postgres' " + variable + ", which " + login[1] + " is created with; is " + raw(service, login[0]));
                }
            }
            problems.check(!raw(service, "DB_PASSWORD").equals(raw(service, "DB_MIGRATION_PASSWORD")), app,
                    "DB_PASSWORD and DB_MIGRATION_PASSWORD must come from separate variables (app and owner passwords)");
            String create = "create role " + appRole + " login password :'";
            String grant = "grant connect on database " + db + " to " + appRole + ";";
            int created = indexOf(statements, "create database " + db + " owner " + owner + ";");
            int granted = indexOf(statements, grant);
            problems.check(granted >= 0 && granted > created, "init SQL",
                    "'" + grant + "' must follow the creation of the database (it revokes CONNECT from public)");
            Pattern mentionsAppRole = Pattern.compile("(?i)\\b" + appRole + "\\b");
            for (String statement : statements) {
                if (mentionsAppRole.matcher(statement).find()) {
                    problems.check(statement.toLowerCase().startsWith(create) || statement.equalsIgnoreCase(grant), "init SQL",
                            "'" + statement + "': " + appRole + " gets a login and CONNECT only (DML comes from the migrations)");
                }
            }
        }
    }

    private static int indexOf(List<String> statements, String statement) {
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).equalsIgnoreCase(statement)) {
                return i;
            }
        }
        return -1;
    }

    /** deploy/compose/init/*.sql in the order the postgres image runs them. */
    static String initSql() {
        StringBuilder sql = new StringBuilder();
        try (var files = Files.list(Repo.path("deploy/compose/init"))) {
            files.filter(f -> f.toString().endsWith(".sql")).sorted().forEach(f -> sql.append(Repo.read(f)).append('\n'));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sql.toString();
    }

    @Test
    void connectResolvesEveryPlaceholderOfTheConnectorFiles() {
        JsonNode connect = services.path("connect");
        Map<String, String> env = environment(connect);
        problems.check("env".equals(env.get("CONNECT_CONFIG_PROVIDERS")), "connect", "CONNECT_CONFIG_PROVIDERS must be env");
        problems.check("org.apache.kafka.common.config.provider.EnvVarConfigProvider".equals(env.get("CONNECT_CONFIG_PROVIDERS_ENV_CLASS")),
                "connect", "CONNECT_CONFIG_PROVIDERS_ENV_CLASS must be EnvVarConfigProvider");
        for (String key : List.of("BOOTSTRAP_SERVERS", "GROUP_ID", "CONFIG_STORAGE_TOPIC", "OFFSET_STORAGE_TOPIC", "STATUS_STORAGE_TOPIC")) {
            problems.check(env.containsKey(key), "connect", key + " missing");
        }
        problems.check("postgres".equals(env.get("PG_HOST")) && "5432".equals(env.get("PG_PORT")), "connect", "PG_HOST/PG_PORT must be postgres:5432");
        Pattern placeholder = Pattern.compile("\\$\\{env:([A-Za-z0-9_]+)}");
        for (String service : Repo.SERVICES) {
            Matcher matcher = placeholder.matcher(Repo.read(Repo.path("deploy/debezium/" + service + ".json")));
            while (matcher.find()) {
                problems.check(env.containsKey(matcher.group(1)), "connect", "deploy/debezium/" + service + ".json needs "
                        + matcher.group(1) + " in the Connect environment");
            }
            String password = Repo.upper(service) + "_RELAY_PASSWORD";
            problems.check(raw(connect, password).equals(raw(services.path("postgres"), password)), "connect",
                    password + " must be the same interpolation as in postgres, which creates the role with it");
        }
        Map<String, String> mounts = mounts(services.path("connectors"));
        problems.check("./deploy/debezium".equals(mounts.get(environment(services.path("connectors")).get("CONNECTORS_DIR"))),
                "connectors", "must register the files of ./deploy/debezium");
        problems.check("http://connect:8083".equals(environment(services.path("connectors")).get("CONNECT_URL")), "connectors",
                "CONNECT_URL must be http://connect:8083");
        mounts.forEach((target, source) -> problems.check(Files.exists(Repo.path(source)), "connectors", source + " does not exist"));
        mounts(services.path("topics")).forEach((target, source) -> problems.check(Files.exists(Repo.path(source)), "topics",
                source + " does not exist"));
        problems.assertNone("compose relay");
    }

    private static List<String> texts(JsonNode node) {
        List<String> result = new java.util.ArrayList<>();
        node.forEach(n -> result.add(n.asText()));
        return result;
    }

    /** Volume target → source (relative sources only). */
    private static Map<String, String> mounts(JsonNode service) {
        Map<String, String> result = new LinkedHashMap<>();
        for (JsonNode volume : service.path("volumes")) {
            String[] parts = volume.asText().split(":");
            if (parts.length >= 2 && parts[0].startsWith("./")) {
                result.put(parts[1], parts[0]);
            }
        }
        return result;
    }

    private static Map<String, String> rawEnvironment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode node = service.path("environment");
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        } else {
            node.forEach(e -> {
                String[] kv = e.asText().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            });
        }
        return env;
    }

    private static String raw(JsonNode service, String key) {
        return rawEnvironment(service).getOrDefault(key, "<unset>");
    }

    /** The environment as Compose passes it when no variable is set in the shell: defaults applied. */
    static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        rawEnvironment(service).forEach((key, value) -> {
            Matcher matcher = INTERPOLATION.matcher(value);
            StringBuilder expanded = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(expanded, Matcher.quoteReplacement(matcher.group(3) == null ? "" : matcher.group(3)));
            }
            matcher.appendTail(expanded);
            env.put(key, expanded.toString());
        });
        return env;
    }

    static Path composeFile() {
        return Repo.path("docker-compose.yml");
    }
}
