package io.mspcs.segmentation.rest;

import io.mspcs.contracts.Money;
import io.mspcs.segmentation.domain.Contact;
import io.mspcs.segmentation.domain.SegmentAssignment;
import io.mspcs.segmentation.messaging.OwnerEvents;
import io.mspcs.segmentation.repository.ClientEntity;
import io.mspcs.segmentation.repository.OwnerAssignmentEntity;
import io.mspcs.segmentation.service.ClientQueryService;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A client with its contacts, a segment summary and its owners. {@code clientId} repeats {@code id} for old callers. */
public record ClientView(UUID id, UUID clientId, String source, String externalId, String name, String status, Money mrr,
                         LocalDate contractRenewalDate, int fiscalYearEndMonth, String industry, Integer employeeCount,
                         List<Contact> contacts, Instant churnedAt, Instant sourceUpdatedAt, SegmentSummary segment,
                         Map<String, OwnerEvents.Owner> owners, Instant registeredAt, Instant updatedAt) {

    public record SegmentSummary(String segment, String basis, boolean provisional, String computedSegment,
                                 String goalLevel, String mrrBand, String tier, boolean overrideActive, boolean held) {
    }

    static ClientView of(ClientQueryService.ClientDetails details) {
        ClientEntity client = details.client();
        SegmentAssignment a = ClientQueryService.assignment(details);
        SegmentSummary summary = a == null ? null : new SegmentSummary(a.segment().name(), a.basis().name(),
                a.provisional(), a.computedSegment().name(), a.goalLevel(), a.mrrBand().name(),
                a.investment().tier().name(), a.override() != null, a.hold() != null);
        Map<io.mspcs.segmentation.domain.TeamRole, OwnerEvents.Owner> owners = new EnumMap<>(io.mspcs.segmentation.domain.TeamRole.class);
        for (OwnerAssignmentEntity o : details.owners()) {
            owners.put(io.mspcs.segmentation.domain.TeamRole.valueOf(o.role), new OwnerEvents.Owner(o.memberId, o.backupMemberId));
        }
        return new ClientView(client.id, client.id, client.source, client.externalId, client.name, client.status.name(),
                new Money(client.mrrAmount, client.mrrCurrency), client.contractRenewalDate, client.fiscalYearEndMonth,
                client.industry, client.employeeCount, client.contactList(), client.churnedAt, client.sourceUpdatedAt,
                summary, OwnerEvents.fullMap(owners), client.registeredAt, client.updatedAt);
    }
}
