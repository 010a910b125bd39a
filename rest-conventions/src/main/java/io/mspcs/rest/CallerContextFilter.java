package io.mspcs.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Services trust only the gateway: an API request must carry the shared {@code X-Gateway-Token} and the tenant
 * the gateway derived from the credential ({@code X-Tenant-Id}); anything else is 401 and touches nothing.
 */
public class CallerContextFilter {

    static final String TENANT = "X-Tenant-Id";
    static final String PRINCIPAL = "X-Principal-Id";
    static final String ROLES = "X-Roles";
    static final String GATEWAY_TOKEN = "X-Gateway-Token";

    private final CallerContext caller;
    private final byte[] gatewayToken;

    public CallerContextFilter(CallerContext caller, @ConfigProperty(name = "cs.gateway-token") Optional<String> token) {
        this.caller = caller;
        this.gatewayToken = token.map(t -> t.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    @ServerRequestFilter(preMatching = true)
    public void establish(ContainerRequestContext request) {
        String correlationId = CorrelationId.keepOrCreate(request.getHeaderString(CorrelationId.HEADER));
        request.setProperty(CorrelationId.HEADER, correlationId);
        MDC.put("correlationId", correlationId);
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        if (gatewayToken != null && !MessageDigest.isEqual(gatewayToken, bytes(request.getHeaderString(GATEWAY_TOKEN)))) {
            throw unauthenticated("The request did not come through the gateway");
        }
        UUID tenantId = parseTenant(request.getHeaderString(TENANT));
        caller.set(tenantId, request.getHeaderString(PRINCIPAL), roles(request.getHeaderString(ROLES)), correlationId);
        MDC.put("tenantId", tenantId.toString());
    }

    @ServerResponseFilter
    public void echoCorrelationId(ContainerRequestContext request, ContainerResponseContext response) {
        Object correlationId = request.getProperty(CorrelationId.HEADER);
        if (correlationId != null) {
            response.getHeaders().putSingle(CorrelationId.HEADER, correlationId);
        }
    }

    private static UUID parseTenant(String header) {
        if (header == null) {
            throw unauthenticated("No tenant was established for the request");
        }
        try {
            return UUID.fromString(header);
        } catch (IllegalArgumentException e) {
            throw unauthenticated("The tenant of the request is not valid");
        }
    }

    private static Set<String> roles(String header) {
        return header == null ? Set.of()
                : Arrays.stream(header.split(",")).map(String::trim).filter(r -> !r.isEmpty()).collect(Collectors.toSet());
    }

    private static byte[] bytes(String value) {
        return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    }

    private static ProblemException unauthenticated(String detail) {
        return new ProblemException(401, "unauthenticated", "Authentication required", detail, List.of());
    }
}
