package io.mspcs.rest;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scope of a unit of work lives on its duplicated Vert.x context only (gateway.md §2.2 #4). */
class TenantScopeTest {

    @Test
    void aTenantScopeNamesItsTenantAndACrossTenantScopeNone() {
        UUID tenant = UUID.randomUUID();

        assertThat(TenantScope.tenant(tenant).tenant()).contains(tenant);
        assertThat(TenantScope.allTenants("nightly sweep").tenant()).isEmpty();
    }

    @Test
    void aScopeBecomesTheTwoSettingsThePolicyReads() {
        UUID tenant = UUID.randomUUID();

        assertThat(TenantScope.tenant(tenant).tenantIdSetting()).isEqualTo(tenant.toString());
        assertThat(TenantScope.tenant(tenant).allTenantsSetting()).isEqualTo("off");
        assertThat(TenantScope.allTenants("nightly sweep").tenantIdSetting()).isEmpty();
        assertThat(TenantScope.allTenants("nightly sweep").allTenantsSetting()).isEqualTo("on");
    }

    @Test
    void outsideAUnitOfWorkThereIsNoScopeAndNoneCanBeEntered() {
        assertThat(TenantScope.current()).isEmpty();
        assertThatThrownBy(() -> TenantScope.tenant(UUID.randomUUID()).enter())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aScopeStaysWithItsDuplicatedContextAndNeverReachesTheSharedOne() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            UUID tenant = UUID.randomUUID();
            CompletableFuture<List<Object>> seen = new CompletableFuture<>();
            Context root = vertx.getOrCreateContext();
            Context duplicated = VertxContext.createNewDuplicatedContext(root);
            duplicated.runOnContext(ignored -> {
                try {
                    TenantScope.tenant(tenant).enter();
                } catch (RuntimeException e) {
                    seen.completeExceptionally(e);
                }
                root.runOnContext(alsoIgnored -> {
                    try {
                        assertThatThrownBy(() -> TenantScope.allTenants("leak").enter())
                                .isInstanceOf(IllegalStateException.class);
                        seen.complete(List.of(TenantScope.current(), duplicated.<TenantScope>getLocal(TenantScope.CONTEXT_KEY)));
                    } catch (Throwable e) {
                        seen.completeExceptionally(e);
                    }
                });
            });

            assertThat(seen.get(5, TimeUnit.SECONDS)).isEqualTo(List.of(Optional.empty(), TenantScope.tenant(tenant)));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
    }
}
