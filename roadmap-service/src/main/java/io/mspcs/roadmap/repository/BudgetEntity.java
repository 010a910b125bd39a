package io.mspcs.roadmap.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One budget per client and fiscal year; {@code budgetVersion} grows by one per changed save. */
@Entity
@Table(name = "budget")
public class BudgetEntity {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "fiscal_year")
    public int fiscalYear;
    public String currency;
    @Column(name = "budget_version")
    public int budgetVersion;
    @JdbcTypeCode(SqlTypes.JSON)
    public EnvelopeColumn envelope;
    @JdbcTypeCode(SqlTypes.JSON)
    public FiguresColumn figures;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public static BudgetEntity shell(UUID tenantId, UUID clientId, int fiscalYear, String currency, Instant now) {
        BudgetEntity budget = new BudgetEntity();
        budget.id = UUID.randomUUID();
        budget.tenantId = tenantId;
        budget.clientId = clientId;
        budget.fiscalYear = fiscalYear;
        budget.currency = currency;
        budget.budgetVersion = 0;
        budget.createdAt = now;
        budget.updatedAt = now;
        return budget;
    }
}
