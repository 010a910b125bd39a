package io.mspcs.roadmap.rest;

import io.mspcs.contracts.Money;
import io.mspcs.roadmap.domain.HealthLink;
import io.mspcs.roadmap.domain.OriginRefs;
import io.mspcs.roadmap.domain.PreApproval;
import io.mspcs.roadmap.repository.InitiativeEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One initiative as the API shows it (roadmap.md §3.2), with every origin reference. */
public record InitiativeResponse(UUID id, UUID clientId, String title, String summary, String state, String lane,
                                 String origin, OriginRefs originRefs, boolean remediation, Short tier, String priority,
                                 String quarter, int position, List<HealthLink> healthLinks, EstimateView estimate,
                                 boolean bigRock, PreApproval preApproval, String deliveryOwnerMemberId,
                                 LocalDate completedOn, Money actualCost, String closeReason, String closeNote,
                                 UUID openProposalId, Boolean creditEligible, boolean adoptionMoveFailed,
                                 Instant createdAt, Instant updatedAt, int version) {

    public record EstimateView(Money oneTime, String spendType, Money recurringMonthly, String recurringStartMonth,
                               Short recurringTermMonths) {
    }

    static InitiativeResponse of(InitiativeEntity initiative) {
        String currency = initiative.currency;
        EstimateView estimate = initiative.estimate().isEmpty() ? null : new EstimateView(
                money(initiative.oneTime, currency), initiative.spendType == null ? null : initiative.spendType.name(),
                money(initiative.recurringMonthly, currency), initiative.recurringStartMonth,
                initiative.recurringTermMonths);
        return new InitiativeResponse(initiative.id, initiative.clientId, initiative.title, initiative.summary,
                initiative.state.name(), initiative.lane, initiative.origin.name(), initiative.originRefs,
                initiative.remediation, initiative.tier, initiative.priority.name(), initiative.quarter,
                initiative.position, initiative.healthLinks(), estimate, initiative.bigRock, initiative.preApproval,
                initiative.deliveryOwnerMemberId, initiative.completedOn, money(initiative.actualCost, currency),
                initiative.closeReason, initiative.closeNote, initiative.openProposalId, initiative.creditEligible,
                initiative.adoptionMoveFailed, initiative.createdAt, initiative.updatedAt, initiative.version);
    }

    static Money money(BigDecimal amount, String currency) {
        return amount == null || currency == null ? null : new Money(amount.setScale(2), currency);
    }
}
