package io.mspcs.cadence.support;

import io.mspcs.rest.TenantPool;
import io.mspcs.rest.TenantScope;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.util.UUID;

/** An ACTIVE client in the read model, as segmentation's events would have left it, written under its tenant. */
public final class ClientViewRows {

    private ClientViewRows() {
    }

    /** {@code segment} may be null (a client not yet segmented). */
    public static void insert(Pool pool, UUID tenant, UUID client, String segment) {
        TenantPool.inTransaction(pool, TenantScope.tenant(tenant), conn -> conn.preparedQuery(
                        "insert into client_view (id, tenant_id, client_id, status, segment, created_at, updated_at, "
                                + "version) values ($1, $2, $3, 'ACTIVE', $4, now(), now(), 0)")
                        .execute(Tuple.of(UUID.randomUUID(), tenant, client, segment)))
                .await().atMost(Duration.ofSeconds(10));
    }
}
