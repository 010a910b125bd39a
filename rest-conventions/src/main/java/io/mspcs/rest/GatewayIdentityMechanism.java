package io.mspcs.rest;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.Set;

/**
 * The gateway authenticated the caller (gateway.md §2.1); a service turns the forwarded principal, roles and key scopes
 * into its {@link SecurityIdentity} so that write endpoints enforce the role table again with {@code @RolesAllowed}.
 * The headers are trusted only when the shared gateway token is configured and presented; otherwise the caller stays
 * anonymous and role-guarded endpoints answer 401 — never trust identity headers an outside caller could have set.
 */
@ApplicationScoped
public class GatewayIdentityMechanism implements HttpAuthenticationMechanism {

    static final String SCOPES = "X-Scopes";

    private final Optional<GatewayToken> gatewayToken;

    public GatewayIdentityMechanism(@ConfigProperty(name = "cs.gateway-token") Optional<String> token) {
        this.gatewayToken = token.map(configured -> new GatewayToken(Optional.of(configured)));
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        var headers = context.request().headers();
        String principal = headers.get(CallerContextFilter.PRINCIPAL);
        String presented = headers.get(CallerContextFilter.GATEWAY_TOKEN);
        if (principal == null || gatewayToken.filter(token -> token.matches(presented)).isEmpty()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(principal))
                .addRoles(HeaderList.parse(headers.get(CallerContextFilter.ROLES)))
                .addRoles(HeaderList.parse(headers.get(SCOPES)))
                .build());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, null, null));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        // No identity provider: the identity is complete once the gateway token matches.
        return Set.of();
    }
}
