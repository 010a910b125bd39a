package io.mspcs.cadence.repository;

import io.mspcs.cadence.domain.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "client_owner")
public class ClientOwnerEntity {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "client_id")
    public UUID clientId;
    @Enumerated(EnumType.STRING)
    public Role role;
    @Column(name = "member_id")
    public UUID memberId;
    @Column(name = "backup_member_id")
    public UUID backupMemberId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public static ClientOwnerEntity of(UUID tenantId, UUID clientId, Role role, UUID memberId, UUID backupMemberId,
                                       Instant at) {
        ClientOwnerEntity owner = new ClientOwnerEntity();
        owner.id = UUID.randomUUID();
        owner.tenantId = tenantId;
        owner.clientId = clientId;
        owner.role = role;
        owner.memberId = memberId;
        owner.backupMemberId = backupMemberId;
        owner.createdAt = at;
        owner.updatedAt = at;
        return owner;
    }
}
