package io.mspcs.segmentation.rest;

import io.mspcs.contracts.Money;
import io.mspcs.segmentation.repository.ClientEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record ClientView(UUID clientId, String source, String externalId, String name, String status, Money mrr,
                         LocalDate contractRenewalDate, int fiscalYearEndMonth, String industry, Integer employeeCount,
                         Instant registeredAt, Instant updatedAt) {

    static ClientView of(ClientEntity client) {
        return new ClientView(client.id, client.source, client.externalId, client.name, client.status.name(),
                new Money(client.mrrAmount, client.mrrCurrency), client.contractRenewalDate, client.fiscalYearEndMonth,
                client.industry, client.employeeCount, client.registeredAt, client.updatedAt);
    }
}
