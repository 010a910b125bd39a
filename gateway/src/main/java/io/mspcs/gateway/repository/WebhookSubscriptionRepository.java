package io.mspcs.gateway.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.mspcs.gateway.repository.ApiKeyRepository.instant;
import static io.mspcs.gateway.repository.ApiKeyRepository.utc;

/** Webhook subscriptions of a tenant; every query names the tenant and runs under it. */
@ApplicationScoped
public class WebhookSubscriptionRepository {

    private static final String COLUMNS = "id, tenant_id, url, types, client_ids, description, active, status, "
            + "secret_ciphertext, created_at";

    private final ScopedDatabase db;

    public WebhookSubscriptionRepository(ScopedDatabase db) {
        this.db = db;
    }

    public record StoredSubscription(UUID id, UUID tenantId, String url, List<String> types, List<String> clientIds,
                                     String description, boolean active, String status, byte[] secretCiphertext,
                                     Instant createdAt) {
    }

    public Uni<Integer> count(UUID tenantId) {
        return db.inTenant(tenantId, c -> c
                .preparedQuery("select count(*) from webhook_subscription where tenant_id = $1")
                .execute(Tuple.of(tenantId)).map(rows -> rows.iterator().next().getInteger(0)));
    }

    public Uni<Void> insert(StoredSubscription s, Instant at) {
        return db.inTenant(s.tenantId(), c -> c.preparedQuery("""
                        insert into webhook_subscription (id, tenant_id, url, types, client_ids, description, active, status,
                                                          secret_ciphertext, created_at, updated_at, version)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, 0)""")
                .execute(Tuple.tuple().addUUID(s.id()).addUUID(s.tenantId()).addString(s.url())
                        .addArrayOfString(s.types().toArray(String[]::new))
                        .addArrayOfString(s.clientIds().toArray(String[]::new)).addString(s.description())
                        .addBoolean(s.active()).addString(s.status()).addBuffer(Buffer.buffer(s.secretCiphertext()))
                        .addOffsetDateTime(utc(at)))
                .replaceWithVoid());
    }

    public Uni<List<StoredSubscription>> list(UUID tenantId) {
        return db.inTenant(tenantId, c -> c
                .preparedQuery("select " + COLUMNS + " from webhook_subscription where tenant_id = $1 order by created_at, id")
                .execute(Tuple.of(tenantId)).map(rows -> {
                    List<StoredSubscription> list = new ArrayList<>();
                    rows.forEach(row -> list.add(toSubscription(row)));
                    return list;
                }));
    }

    public Uni<StoredSubscription> find(UUID tenantId, UUID id) {
        return db.inTenant(tenantId, c -> c
                .preparedQuery("select " + COLUMNS + " from webhook_subscription where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tenantId, id))
                .map(rows -> rows.size() == 0 ? null : toSubscription(rows.iterator().next())));
    }

    public Uni<List<StoredSubscription>> listActive(UUID tenantId) {
        return db.inTenant(tenantId, c -> c
                .preparedQuery("select " + COLUMNS + " from webhook_subscription where tenant_id = $1 and active")
                .execute(Tuple.of(tenantId)).map(rows -> {
                    List<StoredSubscription> list = new ArrayList<>();
                    rows.forEach(row -> list.add(toSubscription(row)));
                    return list;
                }));
    }

    /** Saves the editable fields; re-activation also clears the failing streak. */
    public Uni<Boolean> update(StoredSubscription s, Instant at) {
        return db.inTenant(s.tenantId(), c -> c.preparedQuery("""
                        update webhook_subscription set url = $3, types = $4, client_ids = $5, description = $6, active = $7,
                               status = $8, failing_since = case when $7 then null else failing_since end,
                               updated_at = $9, version = version + 1
                        where tenant_id = $1 and id = $2""")
                .execute(Tuple.tuple().addUUID(s.tenantId()).addUUID(s.id()).addString(s.url())
                        .addArrayOfString(s.types().toArray(String[]::new))
                        .addArrayOfString(s.clientIds().toArray(String[]::new)).addString(s.description())
                        .addBoolean(s.active()).addString(s.status()).addOffsetDateTime(utc(at)))
                .map(rows -> rows.rowCount() > 0));
    }

    /** The new secret signs from now on; the old one keeps signing beside it until {@code previousUntil}. */
    public Uni<Boolean> rotateSecret(UUID tenantId, UUID id, byte[] newSecret, Instant previousUntil, Instant at) {
        return db.inTenant(tenantId, c -> c.preparedQuery("""
                        update webhook_subscription set previous_secret_ciphertext = secret_ciphertext,
                               previous_secret_until = $4, secret_ciphertext = $3, updated_at = $5, version = version + 1
                        where tenant_id = $1 and id = $2""")
                .execute(Tuple.tuple().addUUID(tenantId).addUUID(id).addBuffer(Buffer.buffer(newSecret))
                        .addOffsetDateTime(utc(previousUntil)).addOffsetDateTime(utc(at)))
                .map(rows -> rows.rowCount() > 0));
    }

    public Uni<Boolean> delete(UUID tenantId, UUID id) {
        return db.inTenant(tenantId, c -> c
                .preparedQuery("delete from webhook_subscription where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tenantId, id)).map(rows -> rows.rowCount() > 0));
    }

    private static StoredSubscription toSubscription(Row row) {
        return new StoredSubscription(row.getUUID("id"), row.getUUID("tenant_id"), row.getString("url"),
                Arrays.asList(row.getArrayOfStrings("types")), Arrays.asList(row.getArrayOfStrings("client_ids")),
                row.getString("description"), row.getBoolean("active"), row.getString("status"),
                row.getBuffer("secret_ciphertext").getBytes(), instant(row, "created_at"));
    }
}
