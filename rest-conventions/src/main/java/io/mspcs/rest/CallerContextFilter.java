package io.mspcs.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
    private final GatewayToken gatewayToken;

    public CallerContextFilter(CallerContext caller, @ConfigProperty(name = "cs.gateway-token") Optional<String> token) {
        this.caller = caller;
        this.gatewayToken = new GatewayToken(token);
    }

    @ServerRequestFilter(preMatching = true)
    public void establish(ContainerRequestContext request) {
        String correlationId = CorrelationId.keepOrCreate(request.getHeaderString(CorrelationId.HEADER));
        request.setProperty(CorrelationId.HEADER, correlationId);
        MDC.put("correlationId", correlationId);
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        if (!gatewayToken.matches(request.getHeaderString(GATEWAY_TOKEN))) {
            throw unauthenticated("The request did not come through the gateway");
        }
        UUID tenantId = parseTenant(request.getHeaderString(TENANT));
        caller.set(tenantId, request.getHeaderString(PRINCIPAL), HeaderList.parse(request.getHeaderString(ROLES)), correlationId);
        TenantScope.tenant(tenantId).enter();
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

    private static ProblemException unauthenticated(String detail) {
        return new ProblemException(401, "unauthenticated", "Authentication required", detail, List.of());
    }
}
