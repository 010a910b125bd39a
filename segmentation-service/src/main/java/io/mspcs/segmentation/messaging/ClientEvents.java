package io.mspcs.segmentation.messaging;

import io.mspcs.contracts.EventTypes;
import io.mspcs.contracts.Money;
import io.mspcs.outbox.OutgoingEvent;
import io.mspcs.segmentation.domain.ClientProfile;
import io.mspcs.segmentation.repository.ClientEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds the registry events (events.md §4.1); the payload records are this producer's own. */
public final class ClientEvents {

    private ClientEvents() {
    }

    record ClientSnapshot(String clientId, String source, String externalId, String name, String status, Money mrr,
                          LocalDate contractRenewalDate, int fiscalYearEndMonth, String industry, Integer employeeCount,
                          List<Object> contacts, Instant registeredAt) {
    }

    record ClientChanged(String clientId, Map<String, Map<String, Object>> changes, String source, String externalId,
                         String name, String status, Money mrr, LocalDate contractRenewalDate, int fiscalYearEndMonth,
                         String industry, Integer employeeCount, List<Object> contacts, Instant registeredAt) {
    }

    /** Contacts leave without e-mail or phone (events.md §3). */
    record ContactSummary(UUID id, String name, List<String> roles, String relationshipOwnerRole) {
    }

    private static List<Object> contacts(ClientEntity client) {
        return client.contactList().stream()
                .map(c -> (Object) new ContactSummary(c.id(), c.name(), c.roles(), c.relationshipOwnerRole())).toList();
    }

    public static OutgoingEvent registered(ClientEntity client) {
        return new OutgoingEvent(EventTypes.CLIENT_REGISTERED, client.id.toString(), "Client", client.id.toString(),
                new ClientSnapshot(client.id.toString(), client.source, client.externalId, client.name,
                        client.status.name(), new Money(client.mrrAmount, client.mrrCurrency), client.contractRenewalDate,
                        client.fiscalYearEndMonth, client.industry, client.employeeCount, contacts(client), client.registeredAt));
    }

    public static OutgoingEvent updated(ClientEntity client, Map<String, ClientProfile.FieldChange> changes) {
        Map<String, Map<String, Object>> wireChanges = new LinkedHashMap<>();
        changes.forEach((field, change) -> {
            Map<String, Object> fromTo = new LinkedHashMap<>();
            fromTo.put("from", wire(change.from()));
            fromTo.put("to", wire(change.to()));
            wireChanges.put(field, fromTo);
        });
        return new OutgoingEvent(EventTypes.CLIENT_UPDATED, client.id.toString(), "Client", client.id.toString(),
                new ClientChanged(client.id.toString(), wireChanges, client.source, client.externalId, client.name,
                        client.status.name(), new Money(client.mrrAmount, client.mrrCurrency), client.contractRenewalDate,
                        client.fiscalYearEndMonth, client.industry, client.employeeCount, contacts(client), client.registeredAt));
    }

    private static Object wire(Object value) {
        return value instanceof ClientProfile.Money money ? new Money(money.amount(), money.currency()) : value;
    }
}
