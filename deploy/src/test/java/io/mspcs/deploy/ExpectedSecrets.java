package io.mspcs.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The Secrets the platform reads, with their keys. Production creates them before the first
 * apply (deploy/README.md lists the same names; a test keeps the two in step); the dev overlay
 * generates placeholders for all of them except the ingress certificate.
 */
final class ExpectedSecrets {

    static final Map<String, Set<String>> ALL = all();
    /** Not generated in dev either: issued by cert-manager or the platform team. */
    static final Set<String> EXTERNAL_IN_DEV = Set.of("cs-gateway-tls");

    private ExpectedSecrets() {
    }

    /** The password of {@code <db>_app}, which the application connects as (DB_PASSWORD). */
    static String appDatabaseSecret(String app) {
        return "cs-" + Repo.database(app) + "-db-app";
    }

    /** The password of {@code <db>_owner}, which Flyway migrates as (DB_MIGRATION_PASSWORD). */
    static String ownerDatabaseSecret(String app) {
        return "cs-" + Repo.database(app) + "-db-owner";
    }

    private static Map<String, Set<String>> all() {
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        secrets.put("cs-gateway-token", Set.of("token"));
        secrets.put("cs-gateway-secrets", Set.of("operator-secret", "api-key-pepper", "webhook-secret-key"));
        for (String app : Repo.APPS) {
            secrets.put(appDatabaseSecret(app), Set.of("password"));
            secrets.put(ownerDatabaseSecret(app), Set.of("password"));
        }
        secrets.put("cs-relay-credentials", Set.of("segmentation-password", "health-password", "cadence-password",
                "roadmap-password"));
        secrets.put("cs-registry-push", Set.of(".dockerconfigjson"));
        secrets.put("cs-gateway-tls", Set.of("tls.crt", "tls.key"));
        return Map.copyOf(secrets);
    }
}
