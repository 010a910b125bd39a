package io.mspcs.gateway.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

/** Tenants and API keys in the gateway's own database, through the reactive client (two small tables). */
@ApplicationScoped
public class ApiKeyRepository {

    private final Pool pool;

    public ApiKeyRepository(Pool pool) {
        this.pool = pool;
    }

    public record StoredKey(UUID id, UUID tenantId, byte[] hash, Set<String> scopes, Instant expiresAt, Instant revokedAt) {
    }

    public Uni<StoredKey> findByPrefix(String prefix) {
        return pool.preparedQuery("select id, tenant_id, hash, scopes, expires_at, revoked_at from api_key where prefix = $1")
                .execute(Tuple.of(prefix))
                .map(rows -> rows.size() == 0 ? null : toKey(rows.iterator().next()));
    }

    public Uni<Void> insertTenant(SqlClient tx, UUID tenantId, String name, Instant at) {
        return tx.preparedQuery("insert into tenant (id, name, created_at, updated_at, version) values ($1, $2, $3, $3, 0)")
                .execute(Tuple.of(tenantId, name, utc(at))).replaceWithVoid();
    }

    public Uni<Void> insertKey(SqlClient tx, UUID keyId, UUID tenantId, String name, String prefix, byte[] hash,
                               Set<String> scopes, Instant expiresAt, Instant at) {
        return tx.preparedQuery("""
                        insert into api_key (id, tenant_id, name, prefix, hash, scopes, expires_at, created_at, updated_at, version)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $8, 0)""")
                .execute(Tuple.tuple().addUUID(keyId).addUUID(tenantId).addString(name).addString(prefix)
                        .addBuffer(io.vertx.mutiny.core.buffer.Buffer.buffer(hash))
                        .addArrayOfString(scopes.toArray(String[]::new)).addOffsetDateTime(utc(expiresAt))
                        .addOffsetDateTime(utc(at)))
                .replaceWithVoid();
    }

    public Pool pool() {
        return pool;
    }

    private static StoredKey toKey(Row row) {
        OffsetDateTime revoked = row.getOffsetDateTime("revoked_at");
        return new StoredKey(row.getUUID("id"), row.getUUID("tenant_id"), row.getBuffer("hash").getBytes(),
                Set.copyOf(Arrays.asList(row.getArrayOfStrings("scopes"))), row.getOffsetDateTime("expires_at").toInstant(),
                revoked == null ? null : revoked.toInstant());
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
