package io.mspcs.health.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Set-based SQL for bulk ingest (health.md §8: 5,000 items in one transaction): every step is ONE statement whose
 * rows travel as a JSON array expanded by {@code jsonb_to_recordset}, instead of one ORM round trip per item.
 */
@ApplicationScoped
public class SignalStore {

    /** A signal row to upsert; {@code index} is the item's position in the batch. */
    public record Row(int index, UUID id, UUID clientId, String type, String externalId, String insightCode,
                      Instant eventTime, Instant observedAt, Map<String, Object> values) {
    }

    /** What the upsert did to one item: written (created or updated) or not, and what stood before. */
    public record Outcome(int index, UUID writtenId, UUID previousId, boolean stale) {
    }

    public record CoverageRow(UUID clientId, String insightCode, BigDecimal coverage, Integer numerator,
                              Integer denominator, Instant observedAt) {
    }

    public record ClientKey(UUID clientId, String source, String externalId) {
    }

    // Retention (health.md §8): a signal goes once both its event time and its observation are past the cutoff, so
    // no window (the longest reads 400 days of event time) loses a fact it still counts.
    private static final String DELETE_EXPIRED = """
            delete from signal where id in (
                select id from signal where event_time < :cutoff and observed_at < :cutoff limit :limit)
            """;

    // "old" reads the rows as they were before this statement (one snapshot); the upsert only replaces an equal or
    // older observation whose content differs, so re-sends and stale copies write nothing.
    private static final String UPSERT = """
            with input as (
                select * from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                    as r(idx int, id uuid, client_id uuid, type text, external_id text, insight_code text,
                         event_time timestamptz, observed_at timestamptz, vals jsonb)
            ), old as (
                -- one unique-index probe per item: cost stays flat however many signals the tenant has
                select s.id, s.type, s.external_id, s.observed_at
                from input i cross join lateral (
                    select x.id, x.type, x.external_id, x.observed_at from signal x
                    where x.tenant_id = :tenant and x.source = :source and x.type = i.type
                      and x.external_id = i.external_id) s
            ), up as (
                insert into signal as s (id, tenant_id, client_id, source, external_id, type, insight_code, event_time,
                                         observed_at, received_at, vals, batch_id, created_at, updated_at, version)
                select i.id, :tenant, i.client_id, :source, i.external_id, i.type, i.insight_code, i.event_time,
                       i.observed_at, :received, i.vals, :batch, :now, :now, 0
                from input i
                on conflict (tenant_id, source, type, external_id) do update
                    set client_id = excluded.client_id, insight_code = excluded.insight_code,
                        event_time = excluded.event_time, observed_at = excluded.observed_at,
                        received_at = excluded.received_at, vals = excluded.vals, batch_id = excluded.batch_id,
                        updated_at = excluded.updated_at, version = s.version + 1
                    where s.observed_at <= excluded.observed_at
                      and (s.vals, s.observed_at, s.client_id) is distinct from (excluded.vals, excluded.observed_at, excluded.client_id)
                returning s.id, s.type, s.external_id
            )
            select i.idx, up.id as written_id, old.id as previous_id, coalesce(old.observed_at > i.observed_at, false) as stale
            from input i
                left join up on up.type = i.type and up.external_id = i.external_id
                left join old on old.type = i.type and old.external_id = i.external_id
            order by i.idx
            """;

    private static final String UPSERT_COVERAGE = """
            insert into dmi_coverage as c (id, tenant_id, client_id, insight_code, coverage, numerator, denominator,
                                           observed_at, received_at, source, note, created_at, updated_at, version)
            select gen_random_uuid(), :tenant, r.client_id, r.insight_code, r.coverage, r.numerator, r.denominator,
                   r.observed_at, :received, :source, null, :now, :now, 0
            from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                 as r(client_id uuid, insight_code text, coverage numeric, numerator int, denominator int,
                      observed_at timestamptz)
            on conflict (tenant_id, client_id, insight_code) do update
                set coverage = excluded.coverage, numerator = excluded.numerator, denominator = excluded.denominator,
                    observed_at = excluded.observed_at, received_at = excluded.received_at, source = excluded.source,
                    note = null, updated_at = excluded.updated_at, version = c.version + 1
                where c.observed_at <= excluded.observed_at
            returning c.client_id, c.insight_code
            """;

    private static final String CLIENTS = """
            select c.client_id, c.source, c.external_id from client_health c
            where c.tenant_id = :tenant and c.registered_at is not null
              and (c.client_id in (select cast(v as uuid) from jsonb_array_elements_text(cast(cast(:ids as text) as jsonb)) v)
                   or (c.source, c.external_id) in (select r.source, r.external_id
                        from jsonb_to_recordset(cast(cast(:refs as text) as jsonb)) as r(source text, external_id text)))
            """;

    private static final String MARK_DIRTY = """
            update client_health set dirty_at = coalesce(dirty_at, :now)
            where tenant_id = :tenant
              and client_id in (select cast(v as uuid) from jsonb_array_elements_text(cast(cast(:ids as text) as jsonb)) v)
            """;

    public Uni<List<ClientKey>> registeredClients(UUID tenantId, Collection<UUID> ids, Collection<String[]> refs) {
        String idArray = SqlJson.uuidArray(ids);
        String refArray = SqlJson.write(refs.size() * 64 + 2, out -> {
            out.writeStartArray();
            for (String[] ref : refs) {
                out.writeStartObject();
                out.writeStringField("source", ref[0]);
                out.writeStringField("external_id", ref[1]);
                out.writeEndObject();
            }
            out.writeEndArray();
        });
        return Panache.getSession().chain(session -> session.createNativeQuery(CLIENTS, Object[].class)
                        .setParameter("tenant", tenantId)
                        .setParameter("ids", idArray)
                        .setParameter("refs", refArray)
                        .getResultList())
                .map(rows -> rows.stream().map(r -> new ClientKey((UUID) r[0], (String) r[1], (String) r[2])).toList());
    }

    public Uni<List<Outcome>> upsert(UUID tenantId, String source, UUID batchId, Instant receivedAt, Instant now,
                                     List<Row> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String json = SqlJson.write(rows.size() * 320, out -> {
            out.writeStartArray();
            for (Row row : rows) {
                out.writeStartObject();
                out.writeNumberField("idx", row.index());
                SqlJson.field(out, "id", row.id());
                SqlJson.field(out, "client_id", row.clientId());
                SqlJson.field(out, "type", row.type());
                SqlJson.field(out, "external_id", row.externalId());
                SqlJson.field(out, "insight_code", row.insightCode());
                SqlJson.field(out, "event_time", row.eventTime());
                SqlJson.field(out, "observed_at", row.observedAt());
                out.writeObjectField("vals", row.values());
                out.writeEndObject();
            }
            out.writeEndArray();
        });
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT, Object[].class)
                        .setParameter("rows", json)
                        .setParameter("tenant", tenantId)
                        .setParameter("source", source)
                        .setParameter("received", receivedAt.atOffset(ZoneOffset.UTC))
                        .setParameter("batch", batchId)
                        .setParameter("now", now.atOffset(ZoneOffset.UTC))
                        .getResultList())
                .map(result -> {
                    List<Outcome> outcomes = new ArrayList<>(result.size());
                    for (Object[] r : result) {
                        outcomes.add(new Outcome(((Number) r[0]).intValue(), (UUID) r[1], (UUID) r[2],
                                Boolean.TRUE.equals(r[3])));
                    }
                    return outcomes;
                });
    }

    /** Rows must be unique per (client, insight); returns the (client, insight) pairs whose current value changed. */
    public Uni<List<String>> upsertCoverage(UUID tenantId, String source, Instant receivedAt, Instant now,
                                            Collection<CoverageRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String json = SqlJson.write(rows.size() * 160, out -> {
            out.writeStartArray();
            for (CoverageRow row : rows) {
                out.writeStartObject();
                SqlJson.field(out, "client_id", row.clientId());
                SqlJson.field(out, "insight_code", row.insightCode());
                out.writeFieldName("coverage");
                out.writeNumber(row.coverage());
                out.writeObjectField("numerator", row.numerator());
                out.writeObjectField("denominator", row.denominator());
                SqlJson.field(out, "observed_at", row.observedAt());
                out.writeEndObject();
            }
            out.writeEndArray();
        });
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT_COVERAGE, Object[].class)
                        .setParameter("rows", json)
                        .setParameter("tenant", tenantId)
                        .setParameter("source", source)
                        .setParameter("received", receivedAt.atOffset(ZoneOffset.UTC))
                        .setParameter("now", now.atOffset(ZoneOffset.UTC))
                        .getResultList())
                .map(result -> result.stream().map(r -> r[0] + "/" + r[1]).toList());
    }

    public Uni<Void> markDirty(UUID tenantId, Collection<UUID> clientIds, Instant now) {
        if (clientIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String ids = SqlJson.uuidArray(clientIds);
        return Panache.getSession().chain(session -> session.createNativeQuery(MARK_DIRTY)
                .setParameter("ids", ids)
                .setParameter("tenant", tenantId)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .executeUpdate()).replaceWithVoid();
    }

    /** Deletes up to {@code limit} signals of every tenant older than {@code cutoff}: one statement. */
    public Uni<Integer> deleteOlderThan(Instant cutoff, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(DELETE_EXPIRED)
                .setParameter("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                .setParameter("limit", limit)
                .executeUpdate());
    }
}
