package io.mspcs.roadmap.rest;

import io.mspcs.roadmap.domain.HealthLink;
import io.mspcs.roadmap.domain.OriginRefs;
import io.mspcs.roadmap.repository.InitiativeEntity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One initiative as the API shows it (roadmap.md §3.2), with every origin reference. */
public record InitiativeResponse(UUID id, UUID clientId, String title, String summary, String state, String lane,
                                 String origin, OriginRefs originRefs, boolean remediation, Short tier, String priority,
                                 String quarter, int position, List<HealthLink> healthLinks, Instant createdAt,
                                 Instant updatedAt, int version) {

    static InitiativeResponse of(InitiativeEntity initiative) {
        return new InitiativeResponse(initiative.id, initiative.clientId, initiative.title, initiative.summary,
                initiative.state.name(), initiative.lane, initiative.origin.name(), initiative.originRefs,
                initiative.remediation, initiative.tier, initiative.priority.name(), initiative.quarter,
                initiative.position, initiative.healthLinks(), initiative.createdAt, initiative.updatedAt,
                initiative.version);
    }
}
