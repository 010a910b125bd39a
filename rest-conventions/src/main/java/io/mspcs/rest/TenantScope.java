package io.mspcs.rest;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Whose rows the database work of the current request, consumed event or job may touch (gateway.md §2.2 #4).
 * <p>
 * Held on the Vert.x duplicated context of that unit of work, so it follows the work across threads and ends with
 * it; each transaction then hands it to PostgreSQL's row-level security ({@code app.tenant_id}). Work that has no
 * scope sees no tenant rows at all. {@link #allTenants(String)} is the explicit, named exception for sweeps and
 * lookups that span tenants by design (the policy admits them when {@code app.all_tenants} is on).
 */
public sealed interface TenantScope {

    /** The rows of one tenant. */
    record OneTenant(UUID tenantId) implements TenantScope {
        public OneTenant {
            Objects.requireNonNull(tenantId, "tenantId");
        }
    }

    /** Every tenant's rows, for the named cross-tenant work only. */
    record AllTenants(String purpose) implements TenantScope {
        public AllTenants {
            Objects.requireNonNull(purpose, "purpose");
        }
    }

    String CONTEXT_KEY = TenantScope.class.getName();

    static TenantScope tenant(UUID tenantId) {
        return new OneTenant(tenantId);
    }

    static TenantScope allTenants(String purpose) {
        return new AllTenants(purpose);
    }

    /** The tenant id for {@code app.tenant_id}, or empty for a cross-tenant scope. */
    default Optional<UUID> tenant() {
        return this instanceof OneTenant one ? Optional.of(one.tenantId()) : Optional.empty();
    }

    /** The value of {@code app.tenant_id} for this scope (empty text: no tenant). */
    default String tenantIdSetting() {
        return tenant().map(UUID::toString).orElse("");
    }

    /** The value of {@code app.all_tenants} for this scope, which the policy admits every row under. */
    default String allTenantsSetting() {
        return tenant().isPresent() ? "off" : "on";
    }

    /**
     * Makes this the scope of the unit of work running on the current duplicated context. A root (event-loop)
     * context is shared by every request on its thread, so putting a scope there would leak it: refused.
     */
    default void enter() {
        currentDuplicatedContext().putLocal(CONTEXT_KEY, this);
    }

    static Optional<TenantScope> current() {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return Optional.empty();
        }
        return Optional.ofNullable(context.getLocal(CONTEXT_KEY));
    }

    private static Context currentDuplicatedContext() {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            throw new IllegalStateException("a tenant scope needs the duplicated Vert.x context of a request, event or job");
        }
        return context;
    }
}
