package io.mspcs.cadence.domain;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OwnerResolverTest {

    private static final UUID DANA = UUID.fromString("d7e10000-0000-4000-8000-000000000001");
    private static final UUID BEN = UUID.fromString("d7e10000-0000-4000-8000-000000000002");
    private static final UUID VERA = UUID.fromString("d7e10000-0000-4000-8000-000000000003");
    private static final UUID AMY = UUID.fromString("d7e10000-0000-4000-8000-000000000004");
    private static final UUID TOM = UUID.fromString("d7e10000-0000-4000-8000-000000000005");

    private static Owners.Assignment owner(UUID member, UUID backup) {
        return new Owners.Assignment(member, backup);
    }

    @Test
    void takesTheRolesOwnerWithItsBackup() {
        Owners owners = new Owners(Map.of(Role.CSM, owner(DANA, BEN)));
        assertThat(OwnerResolver.resolve(Role.CSM, owners))
                .isEqualTo(new ResolvedOwner(Role.CSM, DANA, BEN, OwnerResolution.OWNER));
    }

    @Test
    void takesTheBackupWhenTheRoleHasNoOwner() {
        Owners owners = new Owners(Map.of(Role.VCIO, owner(null, VERA), Role.CSM, owner(DANA, null)));
        assertThat(OwnerResolver.resolve(Role.VCIO, owners))
                .isEqualTo(new ResolvedOwner(Role.VCIO, VERA, null, OwnerResolution.BACKUP));
    }

    @Test
    void fallsBackFromVcioToTheCsmKeepingTheRole() {
        Owners owners = new Owners(Map.of(Role.CSM, owner(DANA, BEN)));
        assertThat(OwnerResolver.resolve(Role.VCIO, owners))
                .isEqualTo(new ResolvedOwner(Role.VCIO, DANA, null, OwnerResolution.FALLBACK_ROLE));
    }

    @Test
    void fallsBackFromCsmToAmBeforeTam() {
        Owners both = new Owners(Map.of(Role.AM, owner(AMY, null), Role.TAM, owner(TOM, null)));
        assertThat(OwnerResolver.resolve(Role.CSM, both).memberId()).isEqualTo(AMY);
        Owners onlyTam = new Owners(Map.of(Role.TAM, owner(TOM, null)));
        assertThat(OwnerResolver.resolve(Role.CSM, onlyTam))
                .isEqualTo(new ResolvedOwner(Role.CSM, TOM, null, OwnerResolution.FALLBACK_ROLE));
    }

    @Test
    void fallsBackFromSdmToTamAndFromTamAndAmToCsm() {
        Owners owners = new Owners(Map.of(Role.TAM, owner(TOM, null), Role.CSM, owner(DANA, null)));
        assertThat(OwnerResolver.resolve(Role.SDM, owners).memberId()).isEqualTo(TOM);
        Owners csmOnly = new Owners(Map.of(Role.CSM, owner(DANA, null)));
        assertThat(OwnerResolver.resolve(Role.TAM, csmOnly).memberId()).isEqualTo(DANA);
        assertThat(OwnerResolver.resolve(Role.AM, csmOnly).memberId()).isEqualTo(DANA);
    }

    @Test
    void aFallbackRoleWithOnlyABackupDoesNotCount() {
        Owners owners = new Owners(Map.of(Role.CSM, owner(null, BEN)));
        assertThat(OwnerResolver.resolve(Role.VCIO, owners).resolution()).isEqualTo(OwnerResolution.UNASSIGNED);
    }

    @Test
    void leavesTheCtaUnassignedWhenNobodyFits() {
        assertThat(OwnerResolver.resolve(Role.VCIO, Owners.NONE))
                .isEqualTo(new ResolvedOwner(Role.VCIO, null, null, OwnerResolution.UNASSIGNED));
        Owners unassignedCsm = new Owners(Map.of(Role.CSM, owner(null, null)));
        assertThat(OwnerResolver.resolve(Role.CSM, unassignedCsm).resolution()).isEqualTo(OwnerResolution.UNASSIGNED);
    }

    @Test
    void sendsCsLeaderWorkToTheConfiguredLeaderOrNobody() {
        assertThat(OwnerResolver.resolve(Role.CS_LEADER, Owners.NONE, TOM))
                .isEqualTo(new ResolvedOwner(Role.CS_LEADER, TOM, null, OwnerResolution.OWNER));
        assertThat(OwnerResolver.resolve(Role.CS_LEADER, new Owners(Map.of(Role.CSM, owner(DANA, null)))).resolution())
                .isEqualTo(OwnerResolution.UNASSIGNED);
    }
}
