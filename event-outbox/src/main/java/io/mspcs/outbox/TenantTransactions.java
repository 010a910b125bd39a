package io.mspcs.outbox;

import io.mspcs.rest.TenantScope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Transactions that carry the unit of work's {@link TenantScope} into PostgreSQL (gateway.md §2.2 #4): the first
 * statement of each transaction sets {@code app.tenant_id} (or {@code app.all_tenants}) transaction-locally, which
 * the {@code tenant_isolation} row-level-security policy reads. Annotated {@code @WithTransaction} methods get this
 * from {@link TenantScopeInterceptor}; code that opens a transaction itself uses {@link #inTransaction}.
 */
public final class TenantTransactions {

    private static final String APPLIED_KEY = TenantTransactions.class.getName() + ".applied";
    private static final String SET_SCOPE =
            "select set_config('app.tenant_id', ?1, true), set_config('app.all_tenants', ?2, true)";

    private TenantTransactions() {
    }

    /** A transaction (or the one already open on this context) under the current scope. */
    public static <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return Panache.withTransaction(() -> applyScope().chain(work::get));
    }

    /** Enters {@code scope} for the rest of this unit of work, then runs {@code work} in a transaction under it. */
    public static <T> Uni<T> inTransaction(TenantScope scope, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            scope.enter();
            return inTransaction(work);
        });
    }

    /**
     * Sets the scope on the current transaction once: nested {@code @WithTransaction} calls join the outer
     * transaction and skip the round trip unless the scope changed. Without a scope nothing is set, so RLS shows
     * no tenant rows and the omission fails loudly instead of leaking.
     */
    static Uni<Void> applyScope() {
        Optional<TenantScope> current = TenantScope.current();
        if (current.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        TenantScope scope = current.get();
        return Panache.getSession().chain(session -> {
            Mutiny.Transaction transaction = session.currentTransaction();
            Context context = Vertx.currentContext();
            Applied applied = context.getLocal(APPLIED_KEY);
            if (applied != null && applied.transaction() == transaction && applied.scope().equals(scope)) {
                return Uni.createFrom().voidItem();
            }
            context.putLocal(APPLIED_KEY, new Applied(transaction, scope));
            return session.createNativeQuery(SET_SCOPE)
                    .setParameter(1, scope.tenantIdSetting())
                    .setParameter(2, scope.allTenantsSetting())
                    .getSingleResult()
                    .replaceWithVoid();
        });
    }

    private record Applied(Mutiny.Transaction transaction, TenantScope scope) {
    }
}
