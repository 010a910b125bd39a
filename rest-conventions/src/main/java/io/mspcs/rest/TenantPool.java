package io.mspcs.rest;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.function.Function;

/**
 * Transactions on a plain reactive pool (no Hibernate session) under a {@link TenantScope}: the first statement
 * sets {@code app.tenant_id} / {@code app.all_tenants} transaction-locally for row-level security (gateway.md §2.2 #4).
 */
public final class TenantPool {

    private static final String SET_SCOPE =
            "select set_config('app.tenant_id', $1, true), set_config('app.all_tenants', $2, true)";

    private TenantPool() {
    }

    public static <T> Uni<T> inTransaction(Pool pool, TenantScope scope, Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(connection -> connection.preparedQuery(SET_SCOPE)
                .execute(Tuple.of(scope.tenantIdSetting(), scope.allTenantsSetting()))
                .chain(() -> work.apply(connection)));
    }
}
