package io.mspcs.roadmap.repository;

import io.mspcs.roadmap.domain.BudgetCalculator;
import io.mspcs.roadmap.domain.Quarter;
import io.mspcs.roadmap.domain.SpendType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A manual budget line (roadmap.md §3.4): a renewal, subscription or hardware cost with a sourceRef. */
@Entity
@Table(name = "budget_line")
public class BudgetLineEntity {

    public static final String RECURRING = "RECURRING";

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "budget_id")
    public UUID budgetId;
    @Column(name = "fiscal_year")
    public int fiscalYear;
    public String quarter;
    public String source;
    @Column(name = "source_ref")
    public String sourceRef;
    public String category;
    public String recurrence;
    public short months;
    public BigDecimal amount;
    public String currency;
    public String status;
    public String description;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public BudgetCalculator.ManualLine asManualLine() {
        return new BudgetCalculator.ManualLine(id, Quarter.parse(quarter), SpendType.valueOf(category),
                RECURRING.equals(recurrence), amount, BudgetCalculator.LineStatus.valueOf(status));
    }
}
