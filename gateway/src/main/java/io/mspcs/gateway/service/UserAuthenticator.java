package io.mspcs.gateway.service;

import io.mspcs.gateway.domain.Principal;
import io.mspcs.gateway.repository.UserRepository;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Bearer tokens of front-end users (gateway.md §1.2). smallrye-jwt checks signature (RS256/ES256 only), issuer,
 * audience and exp/nbf with the configured skew; the identity (iss, sub) then finds the user row, whose tenant and
 * roles decide — never claims in the token. A {@code tid} claim, if present, must equal the user's tenant.
 */
@ApplicationScoped
public class UserAuthenticator {

    private static final Logger LOG = Logger.getLogger(UserAuthenticator.class);

    private final JWTParser parser;
    private final UserRepository users;

    public UserAuthenticator(JWTParser parser, UserRepository users) {
        this.parser = parser;
        this.users = users;
    }

    public Uni<Authentication> authenticate(String token) {
        // parsing may fetch the issuer's JWKS: off the event loop
        return Uni.createFrom().item(() -> parse(token)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(jwt -> jwt == null ? Uni.createFrom().item(Authentication.invalid("The bearer token is not valid"))
                        : users.findByIdentity(jwt.getIssuer(), jwt.getSubject()).map(user -> decide(jwt, user)));
    }

    private JsonWebToken parse(String token) {
        try {
            return parser.parse(token);
        } catch (ParseException | RuntimeException e) {
            // never the message: jose4j puts the token into it
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof org.jose4j.lang.UnresolvableKeyException) {
                LOG.warnf("bearer token refused: the verification key cannot be resolved: %s", cause.getMessage());
            } else {
                LOG.debugf("bearer token refused: %s", cause.getClass().getName());
            }
            return null;
        }
    }

    private static Authentication decide(JsonWebToken jwt, UserRepository.StoredUser user) {
        if (user == null) {
            return Authentication.refused("user-not-provisioned", "No user is provisioned for this identity");
        }
        Object tid = jwt.getClaim("tid");
        String tenant = tid instanceof jakarta.json.JsonString json ? json.getString() : tid == null ? null : String.valueOf(tid);
        if (tenant != null && !tenant.equals(user.tenantId().toString())) {
            return Authentication.invalid("The token's tenant does not match the user's");
        }
        if (!user.active()) {
            return Authentication.refused("user-inactive", "The user is deactivated");
        }
        return Authentication.of(Principal.user(user.tenantId(), user.id(), user.roles()));
    }
}
