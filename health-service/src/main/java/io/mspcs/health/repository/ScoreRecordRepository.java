package io.mspcs.health.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Score records. The recompute path reads and writes them with set-based native SQL and JSON text (health.md §8: a
 * batch of clients per statement): as managed entities, every JSON body would be deep-copied and re-serialised by
 * the ORM, which dominated re-scoring.
 */
@ApplicationScoped
public class ScoreRecordRepository implements PanacheRepositoryBase<ScoreRecordEntity, UUID> {

    /** The parts of a client's current record the next recompute compares with, as JSON text. */
    public record Previous(UUID id, String summary, String dimensions) {
    }

    /** A record to insert; {@code body} is any value the JSON mapper writes (the explanation). */
    public record NewRecord(UUID id, UUID tenantId, UUID clientId, Instant computedAt, String trigger, UUID modelId,
                            int modelVersion, int catalogVersion, String segmentUsed, BigDecimal composite,
                            String compositeColor, boolean compositeComplete, Instant dataAsOf, boolean modelChanged,
                            Object body) {
    }

    private static final String PREVIOUS = """
            select r.id, cast(r.body -> 'summary' as text), cast(r.body -> 'dimensions' as text)
            from score_record r
            where r.tenant_id = :tenant
              and r.id in (select cast(v as uuid) from jsonb_array_elements_text(cast(cast(:ids as text) as jsonb)) v)
            """;

    // seq (identity) follows the list order, so records written in one batch page in the order computed
    private static final String INSERT = """
            insert into score_record (id, tenant_id, client_id, computed_at, trigger, model_id, model_version,
                                      catalog_version, segment_used, composite, composite_color, composite_complete,
                                      data_as_of, model_changed, body, created_at, updated_at, version)
            select r.id, r.tenant_id, r.client_id, r.computed_at, r.trigger, r.model_id, r.model_version,
                   r.catalog_version, r.segment_used, r.composite, r.composite_color, r.composite_complete,
                   r.data_as_of, r.model_changed, r.body, r.computed_at, r.computed_at, 0
            from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                 as r(i int, id uuid, tenant_id uuid, client_id uuid, computed_at timestamptz, trigger text,
                      model_id uuid, model_version int, catalog_version int, segment_used text, composite numeric,
                      composite_color text, composite_complete boolean, data_as_of timestamptz, model_changed boolean,
                      body jsonb)
            order by r.i
            """;

    public Uni<List<Previous>> previousOf(UUID tenantId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String idArray = SqlJson.uuidArray(ids);
        return Panache.getSession().chain(session -> session.createNativeQuery(PREVIOUS, Object[].class)
                        .setParameter("tenant", tenantId)
                        .setParameter("ids", idArray)
                        .getResultList())
                .map(rows -> rows.stream().map(r -> new Previous((UUID) r[0], (String) r[1], (String) r[2])).toList());
    }

    /** Inserts the records in ONE statement, in list order, inside the caller's transaction. */
    public Uni<Void> insertAll(List<NewRecord> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String rows = rowsJson(records);
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter("rows", rows).executeUpdate()).replaceWithVoid();
    }

    private static String rowsJson(List<NewRecord> records) {
        return SqlJson.write(records.size() * 4096, json -> {
            json.writeStartArray();
            int i = 0;
            for (NewRecord r : records) {
                json.writeStartObject();
                json.writeNumberField("i", i++);
                SqlJson.field(json, "id", r.id());
                SqlJson.field(json, "tenant_id", r.tenantId());
                SqlJson.field(json, "client_id", r.clientId());
                SqlJson.field(json, "computed_at", r.computedAt());
                SqlJson.field(json, "trigger", r.trigger());
                SqlJson.field(json, "model_id", r.modelId());
                json.writeNumberField("model_version", r.modelVersion());
                json.writeNumberField("catalog_version", r.catalogVersion());
                SqlJson.field(json, "segment_used", r.segmentUsed());
                json.writeFieldName("composite");
                json.writeNumber(r.composite());
                SqlJson.field(json, "composite_color", r.compositeColor());
                json.writeBooleanField("composite_complete", r.compositeComplete());
                SqlJson.field(json, "data_as_of", r.dataAsOf());
                json.writeBooleanField("model_changed", r.modelChanged());
                json.writeObjectField("body", r.body());
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    public Uni<ScoreRecordEntity> byId(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** Newest first; {@code after} is the last record of the previous page (null for the first page). */
    public Uni<List<ScoreRecordEntity>> page(UUID tenantId, UUID clientId, Instant from, Instant to,
                                             ScoreRecordEntity after, int limit) {
        StringBuilder query = new StringBuilder("tenantId = :tenantId and clientId = :clientId");
        Parameters parameters = Parameters.with("tenantId", tenantId).and("clientId", clientId);
        if (from != null) {
            query.append(" and computedAt >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            query.append(" and computedAt < :to");
            parameters.and("to", to);
        }
        if (after != null) {
            query.append(" and seq < :afterSeq");
            parameters.and("afterSeq", after.seq);
        }
        return find(query.append(" order by seq desc").toString(), parameters).page(0, limit).list();
    }
}
