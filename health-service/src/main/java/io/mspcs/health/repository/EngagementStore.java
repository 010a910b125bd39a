package io.mspcs.health.repository;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.mspcs.contracts.EventCodec;
import io.mspcs.health.domain.HealthFacts;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The engagement read models (meetings, misses, proposal clocks): idempotent upserts keyed by the producer's ids,
 * and one set-based read per kind for a batch of clients.
 */
@ApplicationScoped
public class EngagementStore {

    public record Engagement(List<HealthFacts.HeldMeeting> meetings, List<HealthFacts.MissedMeeting> misses,
                             List<HealthFacts.Proposal> proposals) {
        static Engagement empty() {
            return new Engagement(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    private static final String IDS = "(select cast(v as uuid) from jsonb_array_elements_text(cast(cast(:ids as text) as jsonb)) v)";

    public Uni<Void> meetingHeld(UUID tenantId, UUID clientId, UUID meetingId, boolean strategic, String type,
                                 Instant heldAt, boolean onTime, boolean decisionMaker, boolean sponsor,
                                 Instant recapDueAt, int decisions, Instant now) {
        return update("""
                insert into engagement_meeting (id, tenant_id, client_id, meeting_id, strategic, meeting_type, held_at,
                    on_time, decision_maker_present, exec_sponsor_present, recap_due_at, recap_on_time, decisions,
                    created_at, updated_at, version)
                values (gen_random_uuid(), :tenant, :client, :meeting, :strategic, :type, :heldAt, :onTime, :dm,
                    :sponsor, :recapDueAt, null, :decisions, :now, :now, 0)
                on conflict (tenant_id, meeting_id) do nothing
                """, Map.of("tenant", tenantId, "client", clientId, "meeting", meetingId, "strategic", strategic,
                "type", type, "heldAt", odt(heldAt), "onTime", onTime, "dm", decisionMaker, "sponsor", sponsor,
                "decisions", decisions), Map.of("recapDueAt", recapDueAt == null ? "" : recapDueAt.toString()), now);
    }

    public Uni<Void> recapRecorded(UUID tenantId, UUID meetingId, boolean onTime, int decisions, Instant now) {
        return update("""
                update engagement_meeting set recap_on_time = :onTime, decisions = greatest(decisions, :decisions),
                    updated_at = :now, version = version + 1
                where tenant_id = :tenant and meeting_id = :meeting
                """, Map.of("tenant", tenantId, "meeting", meetingId, "onTime", onTime, "decisions", decisions),
                Map.of(), now);
    }

    public Uni<Void> meetingMissed(UUID tenantId, UUID clientId, UUID slotId, boolean strategic, Instant dueAt,
                                   String reason, Instant now) {
        return update("""
                insert into engagement_miss (id, tenant_id, client_id, cadence_slot_id, strategic, due_at, reason,
                    created_at, updated_at, version)
                values (gen_random_uuid(), :tenant, :client, :slot, :strategic, :dueAt, :reason, :now, :now, 0)
                on conflict (tenant_id, cadence_slot_id) do nothing
                """, Map.of("tenant", tenantId, "client", clientId, "slot", slotId, "strategic", strategic,
                "dueAt", odt(dueAt), "reason", reason), Map.of(), now);
    }

    /** The first decision wins: an earlier decidedAt replaces a later one, never the reverse. */
    public Uni<Void> proposalDecided(UUID tenantId, UUID clientId, UUID proposalId, Instant decidedAt, Instant now) {
        return update("""
                insert into proposal_clock as p (id, tenant_id, client_id, proposal_id, sent_at, decided_at, closed_at,
                    created_at, updated_at, version)
                values (gen_random_uuid(), :tenant, :client, :proposal, null, :decidedAt, null, :now, :now, 0)
                on conflict (tenant_id, proposal_id) do update
                    set decided_at = least(coalesce(p.decided_at, excluded.decided_at), excluded.decided_at),
                        updated_at = excluded.updated_at, version = p.version + 1
                """, Map.of("tenant", tenantId, "client", clientId, "proposal", proposalId, "decidedAt", odt(decidedAt)),
                Map.of(), now);
    }

    /** The clock starts at the first send: a re-sent version keeps the earlier sentAt. */
    public Uni<Void> proposalSent(UUID tenantId, UUID clientId, UUID proposalId, Instant sentAt, Instant now) {
        return update("""
                insert into proposal_clock as p (id, tenant_id, client_id, proposal_id, sent_at, decided_at, closed_at,
                    created_at, updated_at, version)
                values (gen_random_uuid(), :tenant, :client, :proposal, :sentAt, null, null, :now, :now, 0)
                on conflict (tenant_id, proposal_id) do update
                    set sent_at = least(coalesce(p.sent_at, excluded.sent_at), excluded.sent_at),
                        updated_at = excluded.updated_at, version = p.version + 1
                """, Map.of("tenant", tenantId, "client", clientId, "proposal", proposalId, "sentAt", odt(sentAt)),
                Map.of(), now);
    }

    /** Closed undecided: the first close counts (age at close). */
    public Uni<Void> proposalClosed(UUID tenantId, UUID clientId, UUID proposalId, Instant closedAt, Instant now) {
        return update("""
                insert into proposal_clock as p (id, tenant_id, client_id, proposal_id, sent_at, decided_at, closed_at,
                    created_at, updated_at, version)
                values (gen_random_uuid(), :tenant, :client, :proposal, null, null, :closedAt, :now, :now, 0)
                on conflict (tenant_id, proposal_id) do update
                    set closed_at = least(coalesce(p.closed_at, excluded.closed_at), excluded.closed_at),
                        updated_at = excluded.updated_at, version = p.version + 1
                """, Map.of("tenant", tenantId, "client", clientId, "proposal", proposalId, "closedAt", odt(closedAt)),
                Map.of(), now);
    }

    /** Marks the client for re-scoring; the update also holds its row until this transaction commits. */
    public Uni<Boolean> markDirty(UUID tenantId, UUID clientId, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update client_health set dirty_at = coalesce(dirty_at, :now)
                        where tenant_id = :tenant and client_id = :client and registered_at is not null
                        """).setParameter("now", odt(now)).setParameter("tenant", tenantId).setParameter("client", clientId)
                .executeUpdate()).map(count -> count > 0);
    }

    public Uni<Map<UUID, Engagement>> of(UUID tenantId, Collection<UUID> clientIds) {
        ArrayNode ids = EventCodec.mapper().createArrayNode();
        clientIds.forEach(id -> ids.add(id.toString()));
        String json = ids.toString();
        Map<UUID, Engagement> result = new HashMap<>();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select client_id, meeting_id, strategic, meeting_type, held_at, on_time, decision_maker_present,
                               exec_sponsor_present, recap_due_at, recap_on_time, decisions
                        from engagement_meeting where tenant_id = :tenant and client_id in """ + IDS, Object[].class)
                        .setParameter("tenant", tenantId).setParameter("ids", json).getResultList()
                        .invoke(rows -> rows.forEach(r -> result.computeIfAbsent((UUID) r[0], k -> Engagement.empty())
                                .meetings().add(new HealthFacts.HeldMeeting(r[1].toString(), (Boolean) r[2], (String) r[3],
                                        SqlJson.instant(r[4]), (Boolean) r[5], (Boolean) r[6], (Boolean) r[7], SqlJson.instant(r[8]),
                                        (Boolean) r[9], ((Number) r[10]).intValue()))))
                        .chain(() -> session.createNativeQuery("""
                                select client_id, cadence_slot_id, strategic, due_at, reason from engagement_miss
                                where tenant_id = :tenant and client_id in """ + IDS, Object[].class)
                                .setParameter("tenant", tenantId).setParameter("ids", json).getResultList())
                        .invoke(rows -> rows.forEach(r -> result.computeIfAbsent((UUID) r[0], k -> Engagement.empty())
                                .misses().add(new HealthFacts.MissedMeeting(r[1].toString(), (Boolean) r[2],
                                        SqlJson.instant(r[3]), (String) r[4]))))
                        .chain(() -> session.createNativeQuery("""
                                select client_id, proposal_id, sent_at, decided_at, closed_at from proposal_clock
                                where tenant_id = :tenant and sent_at is not null and client_id in """ + IDS, Object[].class)
                                .setParameter("tenant", tenantId).setParameter("ids", json).getResultList())
                        .invoke(rows -> rows.forEach(r -> result.computeIfAbsent((UUID) r[0], k -> Engagement.empty())
                                .proposals().add(new HealthFacts.Proposal(r[1].toString(), SqlJson.instant(r[2]), SqlJson.instant(r[3]),
                                        SqlJson.instant(r[4]))))))
                .replaceWith(result);
    }

    private Uni<Void> update(String sql, Map<String, Object> parameters, Map<String, String> optionalInstants,
                             Instant now) {
        String statement = sql;
        for (String name : optionalInstants.keySet()) {
            statement = statement.replace(":" + name, "cast(nullif(cast(:" + name + " as text), '') as timestamptz)");
        }
        String finalStatement = statement;
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(finalStatement);
            parameters.forEach(query::setParameter);
            optionalInstants.forEach(query::setParameter);
            query.setParameter("now", odt(now));
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    private static OffsetDateTime odt(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
