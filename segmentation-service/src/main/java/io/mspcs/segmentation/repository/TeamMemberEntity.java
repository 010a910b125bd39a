package io.mspcs.segmentation.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "team_member")
public class TeamMemberEntity {

    /** One role a member holds and the share of their time it takes. */
    public record RoleAllocation(String role, BigDecimal allocation) {
    }

    private static final TypeReference<List<RoleAllocation>> ROLES = new TypeReference<>() {
    };

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    public String name;
    public String email;
    public String source;
    @Column(name = "external_id")
    public String externalId;
    public String roles;
    @Column(name = "capacity_unit")
    public String capacityUnit;
    @Column(name = "hours_per_month")
    public BigDecimal hoursPerMonth;
    public String status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public List<RoleAllocation> roleList() {
        return JsonColumns.read(roles, ROLES);
    }

    public BigDecimal allocation(String role) {
        return roleList().stream().filter(r -> r.role().equals(role)).map(RoleAllocation::allocation).findFirst().orElse(null);
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
