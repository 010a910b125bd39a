package io.mspcs.gateway.service;

import io.mspcs.gateway.config.GatewayConfig;
import io.mspcs.gateway.repository.ApiKeyRepository;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/**
 * The development issuer (gateway.md §1.2, profiles dev and test only): provisions the user in the tenant (creating a
 * dev tenant if needed) and signs an RS256 access token with the key pair of {@code deploy/local/dev-jwt/}.
 */
@ApplicationScoped
public class DevTokenIssuer {

    public static final String AUDIENCE = "cs-platform";
    static final long LIFETIME_SECONDS = 900;

    private final UserAdministration users;
    private final ApiKeyRepository tenants;
    private final GatewayConfig config;
    private final Clock clock;

    public DevTokenIssuer(UserAdministration users, ApiKeyRepository tenants, GatewayConfig config, Clock clock) {
        this.users = users;
        this.tenants = tenants;
        this.config = config;
        this.clock = clock;
    }

    public record IssuedToken(String accessToken, long expiresIn, UUID userId) {
    }

    /** Null when the e-mail is already a user of another tenant. */
    public Uni<IssuedToken> issue(String email, UUID tenantId, Set<String> roles) {
        String issuer = config.devIssuer().issuer();
        return tenants.ensureTenant(tenantId, "Dev tenant", clock.instant())
                .chain(() -> users.provision(tenantId, issuer, email, email, roles))
                .chain(user -> user == null ? Uni.createFrom().nullItem()
                        // token times come from the real clock: the token is checked against it, not the business clock
                        : Uni.createFrom().item(() -> new IssuedToken(Jwt.issuer(issuer).subject(email).audience(AUDIENCE)
                                .upn(email).claim("email", email).claim("tid", tenantId.toString())
                                .expiresIn(LIFETIME_SECONDS).sign(), LIFETIME_SECONDS, user.id()))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }
}
