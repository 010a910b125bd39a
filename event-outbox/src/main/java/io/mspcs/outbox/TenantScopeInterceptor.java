package io.mspcs.outbox;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Runs inside Panache's {@code @WithTransaction} interceptor (priority 200), so the transaction is open when the
 * tenant scope is set on it and every statement of the method runs under row-level security.
 */
@WithTransaction
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 201)
public class TenantScopeInterceptor {

    @AroundInvoke
    Object applyScopeFirst(InvocationContext invocation) throws Exception {
        if (!Uni.class.isAssignableFrom(invocation.getMethod().getReturnType())) {
            return invocation.proceed();
        }
        return TenantTransactions.applyScope().chain(() -> proceed(invocation));
    }

    private static Uni<?> proceed(InvocationContext invocation) {
        try {
            return (Uni<?>) invocation.proceed();
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
    }
}
