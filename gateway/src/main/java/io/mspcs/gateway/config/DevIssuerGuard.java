package io.mspcs.gateway.config;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** gateway.md §1.2: a production gateway that would mint its own tokens refuses to start. */
@ApplicationScoped
public class DevIssuerGuard {

    void check(@Observes StartupEvent startup, GatewayConfig config) {
        refuseInProduction(ConfigUtils.getProfiles().contains("prod"), config.devIssuer().enabled());
    }

    static void refuseInProduction(boolean production, boolean devIssuerEnabled) {
        if (production && devIssuerEnabled) {
            throw new IllegalStateException("gateway.dev-issuer.enabled=true is not allowed in the prod profile");
        }
    }
}
