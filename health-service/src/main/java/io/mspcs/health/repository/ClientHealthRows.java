package io.mspcs.health.repository;

import io.mspcs.health.domain.ClientStatus;
import io.mspcs.health.domain.Color;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The recompute path's access to {@code client_health}: locks a batch of rows with one native statement into
 * unmanaged {@link ClientHealthEntity} values and writes back the changed ones with one statement (health.md §8).
 * Managed, every row was hydrated, snapshotted, dirty-checked and updated one statement at a time by the ORM.
 * The version is checked and bumped exactly as {@code @Version} would.
 */
@ApplicationScoped
public class ClientHealthRows {

    // a fixed (client id) order, so two batches never deadlock
    private static final String LOCK = """
            select c.id, c.tenant_id, c.client_id, c.source, c.external_id, c.name, c.status, c.registered_at,
                   c.segment, c.segment_provisional, c.segment_at, c.dmi_complete, c.dirty_at, c.current_score_id,
                   c.composite, c.composite_color, c.tier1_color, c.cycle_period, c.next_review_at, c.scored_at,
                   c.data_as_of, c.created_at, c.updated_at, c.version
            from client_health c
            where c.tenant_id = :tenant
              and c.client_id in (select cast(v as uuid) from jsonb_array_elements_text(cast(cast(:ids as text) as jsonb)) v)
            order by c.client_id
            for update
            """;

    private static final String UPDATE = """
            update client_health c
            set dirty_at = u.dirty_at, dmi_complete = u.dmi_complete, current_score_id = u.current_score_id,
                composite = u.composite, composite_color = u.composite_color, tier1_color = u.tier1_color,
                cycle_period = u.cycle_period, next_review_at = u.next_review_at, scored_at = u.scored_at,
                data_as_of = u.data_as_of, updated_at = u.updated_at, version = c.version + 1
            from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                 as u(id uuid, version int, dirty_at timestamptz, dmi_complete boolean, current_score_id uuid,
                      composite numeric, composite_color text, tier1_color text, cycle_period text,
                      next_review_at timestamptz, scored_at timestamptz, data_as_of timestamptz, updated_at timestamptz)
            where c.id = u.id and c.version = u.version
            """;

    /** The columns a recompute may change, to write back only the rows it changed. */
    public record State(Instant dirtyAt, boolean dmiComplete, UUID currentScoreId, BigDecimal composite,
                        Color compositeColor, Color tier1Color, String cyclePeriod, Instant nextReviewAt,
                        Instant scoredAt, Instant dataAsOf, Instant updatedAt) {

        public static State of(ClientHealthEntity c) {
            return new State(c.dirtyAt, c.dmiComplete, c.currentScoreId, c.composite, c.compositeColor, c.tier1Color,
                    c.cyclePeriod, c.nextReviewAt, c.scoredAt, c.dataAsOf, c.updatedAt);
        }

        boolean sameAs(State other) {
            // a numeric is equal whatever its scale (as the ORM compares it)
            boolean sameComposite = composite == null ? other.composite == null
                    : other.composite != null && composite.compareTo(other.composite) == 0;
            return sameComposite && dmiComplete == other.dmiComplete && Objects.equals(dirtyAt, other.dirtyAt)
                    && Objects.equals(currentScoreId, other.currentScoreId) && compositeColor == other.compositeColor
                    && tier1Color == other.tier1Color && Objects.equals(cyclePeriod, other.cyclePeriod)
                    && Objects.equals(nextReviewAt, other.nextReviewAt) && Objects.equals(scoredAt, other.scoredAt)
                    && Objects.equals(dataAsOf, other.dataAsOf) && Objects.equals(updatedAt, other.updatedAt);
        }
    }

    /** Locks the clients' rows (in the caller's transaction) and returns them as unmanaged values. */
    public Uni<List<ClientHealthEntity>> lock(UUID tenantId, Collection<UUID> clientIds) {
        String ids = SqlJson.uuidArray(clientIds);
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCK, Object[].class)
                        .setParameter("tenant", tenantId)
                        .setParameter("ids", ids)
                        .getResultList())
                .map(rows -> rows.stream().map(ClientHealthRows::client).toList());
    }

    /**
     * Writes the clients whose state differs from {@code before} (same order) in ONE statement and bumps their
     * version, in memory too; a row changed meanwhile fails the batch, as an optimistic lock would.
     */
    public Uni<Void> update(List<ClientHealthEntity> clients, List<State> before) {
        List<ClientHealthEntity> changed = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            if (!State.of(clients.get(i)).sameAs(before.get(i))) {
                changed.add(clients.get(i));
            }
        }
        if (changed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String rows = SqlJson.write(changed.size() * 512, json -> {
            json.writeStartArray();
            for (ClientHealthEntity c : changed) {
                json.writeStartObject();
                SqlJson.field(json, "id", c.id);
                json.writeNumberField("version", c.version);
                SqlJson.field(json, "dirty_at", c.dirtyAt);
                json.writeBooleanField("dmi_complete", c.dmiComplete);
                SqlJson.field(json, "current_score_id", c.currentScoreId);
                json.writeFieldName("composite");
                if (c.composite == null) {
                    json.writeNull();
                } else {
                    json.writeNumber(c.composite);
                }
                SqlJson.field(json, "composite_color", c.compositeColor);
                SqlJson.field(json, "tier1_color", c.tier1Color);
                SqlJson.field(json, "cycle_period", c.cyclePeriod);
                SqlJson.field(json, "next_review_at", c.nextReviewAt);
                SqlJson.field(json, "scored_at", c.scoredAt);
                SqlJson.field(json, "data_as_of", c.dataAsOf);
                SqlJson.field(json, "updated_at", c.updatedAt);
                json.writeEndObject();
            }
            json.writeEndArray();
        });
        return Panache.getSession().chain(session -> session.createNativeQuery(UPDATE)
                        .setParameter("rows", rows).executeUpdate())
                .invoke(count -> {
                    if (count != changed.size()) {
                        throw new IllegalStateException("client_health rows changed during a recompute: expected "
                                + changed.size() + " updates, got " + count);
                    }
                    changed.forEach(c -> c.version++);
                }).replaceWithVoid();
    }

    private static ClientHealthEntity client(Object[] r) {
        ClientHealthEntity c = new ClientHealthEntity();
        c.id = (UUID) r[0];
        c.tenantId = (UUID) r[1];
        c.clientId = (UUID) r[2];
        c.source = (String) r[3];
        c.externalId = (String) r[4];
        c.name = (String) r[5];
        c.status = r[6] == null ? null : ClientStatus.valueOf((String) r[6]);
        c.registeredAt = SqlJson.instant(r[7]);
        c.segment = (String) r[8];
        c.segmentProvisional = (Boolean) r[9];
        c.segmentAt = SqlJson.instant(r[10]);
        c.dmiComplete = (Boolean) r[11];
        c.dirtyAt = SqlJson.instant(r[12]);
        c.currentScoreId = (UUID) r[13];
        c.composite = (BigDecimal) r[14];
        c.compositeColor = r[15] == null ? null : Color.valueOf((String) r[15]);
        c.tier1Color = r[16] == null ? null : Color.valueOf((String) r[16]);
        c.cyclePeriod = r[17] == null ? null : r[17].toString();
        c.nextReviewAt = SqlJson.instant(r[18]);
        c.scoredAt = SqlJson.instant(r[19]);
        c.dataAsOf = SqlJson.instant(r[20]);
        c.createdAt = SqlJson.instant(r[21]);
        c.updatedAt = SqlJson.instant(r[22]);
        c.version = ((Number) r[23]).intValue();
        return c;
    }
}
