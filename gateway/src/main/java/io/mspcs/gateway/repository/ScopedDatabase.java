package io.mspcs.gateway.repository;

import io.mspcs.rest.TenantPool;
import io.mspcs.rest.TenantScope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;
import java.util.function.Function;

/**
 * The gateway's one way to its database (gateway.md §2.2 #4): every statement runs in a transaction that first
 * tells row-level security whose rows it may touch. The gateway knows the tenant from the authenticated caller (or
 * from the row that named it), never from CallerContextFilter, so the tenant is always passed explicitly.
 */
@ApplicationScoped
public class ScopedDatabase {

    private final Pool pool;

    public ScopedDatabase(Pool pool) {
        this.pool = pool;
    }

    /** Work on one tenant's rows only. */
    public <T> Uni<T> inTenant(UUID tenantId, Function<SqlConnection, Uni<T>> work) {
        return TenantPool.inTransaction(pool, TenantScope.tenant(tenantId), work);
    }

    /**
     * Work that has to see every tenant's rows: lookups before the tenant is known, workers finding due rows and
     * retention batches. {@code purpose} names it, so each use says why it may cross tenants.
     */
    public <T> Uni<T> acrossTenants(String purpose, Function<SqlConnection, Uni<T>> work) {
        return TenantPool.inTransaction(pool, TenantScope.allTenants(purpose), work);
    }
}
