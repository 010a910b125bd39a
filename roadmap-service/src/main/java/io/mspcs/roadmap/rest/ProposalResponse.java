package io.mspcs.roadmap.rest;

import io.mspcs.contracts.Money;
import io.mspcs.roadmap.domain.AgingBucket;
import io.mspcs.roadmap.repository.DecisionColumn;
import io.mspcs.roadmap.repository.OverrideColumn;
import io.mspcs.roadmap.repository.ProposalEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A proposal as the API shows it (roadmap.md §3.5); age and bucket are derived at read time. */
public record ProposalResponse(UUID id, UUID clientId, String title, int version, String status, String deliveryMode,
                               List<UUID> initiativeIds, Money oneTime, Money recurringMonthly, Money firstYearValue,
                               String channel, Instant sentAt, LocalDate validUntil, Long ageDays, String agingBucket,
                               String lastAgingBucketEmitted, String ownerMemberId, DecisionColumn decision,
                               Decline decline, Close close, List<OverrideColumn> overrides,
                               UUID supersedesProposalId, List<Map<String, Object>> warnings) {

    public record Decline(String reasonCode, String reasonText) {
    }

    public record Close(String closeReason, UUID supersededBy, Instant closedAt) {
    }

    /** @param bucketStarts the tenant policy's aging bucket starts */
    static ProposalResponse of(ProposalEntity proposal, Instant now, List<Map<String, Object>> warnings,
                               List<Integer> bucketStarts) {
        Long ageDays = proposal.sentAt == null ? null : AgingBucket.ageDays(proposal.sentAt, now);
        String currency = proposal.currency;
        return new ProposalResponse(proposal.id, proposal.clientId, proposal.title, proposal.proposalVersion,
                proposal.status.name(), proposal.deliveryMode, proposal.initiativeIds(),
                InitiativeResponse.money(proposal.oneTime, currency),
                InitiativeResponse.money(proposal.recurringMonthly, currency),
                InitiativeResponse.money(proposal.firstYearValue(), currency), proposal.channel, proposal.sentAt,
                proposal.validUntil, ageDays,
                ageDays == null || proposal.status != ProposalEntity.Status.SENT ? null
                        : AgingBucket.of(ageDays, bucketStarts).name(),
                proposal.lastAgingBucket == null ? null : proposal.lastAgingBucket.name(), proposal.ownerMemberId,
                proposal.decision,
                proposal.declineReasonCode == null ? null
                        : new Decline(proposal.declineReasonCode, proposal.declineReasonText),
                proposal.closeReason == null && proposal.supersededBy == null ? null
                        : new Close(proposal.closeReason, proposal.supersededBy, proposal.closedAt),
                proposal.overrides.items(), proposal.supersedesProposalId, warnings);
    }
}
