package io.mspcs.segmentation.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import io.mspcs.segmentation.domain.ClientProfile;
import io.mspcs.segmentation.domain.ClientStatus;
import io.mspcs.segmentation.domain.Contact;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "client")
public class ClientEntity {

    private static final TypeReference<List<Contact>> CONTACTS = new TypeReference<>() {
    };

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    public String source;
    @Column(name = "external_id")
    public String externalId;
    public String name;
    @Enumerated(EnumType.STRING)
    public ClientStatus status;
    @Column(name = "mrr_amount")
    public BigDecimal mrrAmount;
    @Column(name = "mrr_currency")
    public String mrrCurrency;
    @Column(name = "contract_renewal_date")
    public LocalDate contractRenewalDate;
    @Column(name = "fiscal_year_end_month")
    public short fiscalYearEndMonth;
    public String industry;
    @Column(name = "employee_count")
    public Integer employeeCount;
    public String contacts;
    @Column(name = "source_updated_at")
    public Instant sourceUpdatedAt;
    @Column(name = "churned_at")
    public Instant churnedAt;
    @Column(name = "registered_at")
    public Instant registeredAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public List<Contact> contactList() {
        return contacts == null ? List.of() : JsonColumns.read(contacts, CONTACTS);
    }

    public ClientProfile profile() {
        return new ClientProfile(name, status, mrrAmount, mrrCurrency, contractRenewalDate, fiscalYearEndMonth,
                industry, employeeCount, contactList());
    }

    public void apply(ClientProfile profile, Instant at) {
        if (profile.status() == ClientStatus.CHURNED && status != ClientStatus.CHURNED) {
            churnedAt = at;
        } else if (profile.status() == ClientStatus.ACTIVE) {
            churnedAt = null;
        }
        name = profile.name();
        status = profile.status();
        mrrAmount = profile.mrrAmount();
        mrrCurrency = profile.mrrCurrency();
        contractRenewalDate = profile.contractRenewalDate();
        fiscalYearEndMonth = (short) profile.fiscalYearEndMonth();
        industry = profile.industry();
        employeeCount = profile.employeeCount();
        contacts = JsonColumns.write(profile.contacts());
        updatedAt = at;
    }

    public static ClientEntity register(UUID tenantId, String source, String externalId, ClientProfile profile, Instant at) {
        ClientEntity client = new ClientEntity();
        client.id = UUID.randomUUID();
        client.tenantId = tenantId;
        client.source = source;
        client.externalId = externalId;
        client.registeredAt = at;
        client.createdAt = at;
        client.apply(profile, at);
        return client;
    }
}
