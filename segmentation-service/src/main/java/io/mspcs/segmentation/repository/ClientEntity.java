package io.mspcs.segmentation.repository;

import io.mspcs.segmentation.domain.ClientProfile;
import io.mspcs.segmentation.domain.ClientStatus;
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
import java.util.UUID;

@Entity
@Table(name = "client")
public class ClientEntity {

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
    @Column(name = "registered_at")
    public Instant registeredAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public ClientProfile profile() {
        return new ClientProfile(name, status, mrrAmount, mrrCurrency, contractRenewalDate, fiscalYearEndMonth,
                industry, employeeCount);
    }

    public void apply(ClientProfile profile, Instant at) {
        name = profile.name();
        status = profile.status();
        mrrAmount = profile.mrrAmount();
        mrrCurrency = profile.mrrCurrency();
        contractRenewalDate = profile.contractRenewalDate();
        fiscalYearEndMonth = (short) profile.fiscalYearEndMonth();
        industry = profile.industry();
        employeeCount = profile.employeeCount();
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
