package io.mspcs.gateway.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PermissionTableTest {

    @ParameterizedTest
    @CsvSource({
            "GET, /api/v1/clients, READ_CLIENTS",
            "GET, /api/v1/clients/c1/health, READ_HEALTH",
            "POST, /api/v1/clients/c1/health/what-if, READ_HEALTH",
            "GET, /api/v1/ctas, READ_CTAS",
            "GET, /api/v1/proposals, READ_ROADMAP",
            "GET, /api/v1/clients/c1/360, READ_CLIENTS",
            "GET, /api/v1/events/stream, READ_EVENTS",
            "POST, /api/v1/clients/bulk, WRITE_CLIENTS",
            "PATCH, /api/v1/clients/c1, WRITE_CLIENTS",
            "POST, /api/v1/signals/bulk, INGEST_SIGNALS",
            "PUT, /api/v1/clients/c1/segment/override, LEAD",
            "PUT, /api/v1/clients/c1/owners/CSM, LEAD",
            "POST, /api/v1/team-members, LEAD",
            "PUT, /api/v1/segmentation/policy, LEAD",
            "POST, /api/v1/segmentation/sweep, LEAD",
            "POST, /api/v1/proposals/aging-sweep, LEAD",
            "POST, /api/v1/health-models/3/publish, LEAD",
            "POST, /api/v1/dmi-catalog/draft/publish, LEAD",
            "PUT, /api/v1/cadence-policies/current, LEAD",
            "PUT, /api/v1/clients/c1/cadence/frequencies/QBR, LEAD",
            "PATCH, /api/v1/trigger-rules/r1, LEAD",
            "POST, /api/v1/playbooks, LEAD",
            "PUT, /api/v1/roadmap-policy, LEAD",
            "POST, /api/v1/assessments/templates, LEAD",
            "POST, /api/v1/clients/c1/health/gates/g1/override, LEAD",
            "POST, /api/v1/clients/c1/health/recompute, RECOMPUTE_HEALTH",
            "POST, /api/v1/ctas/x/close, WORK_CTAS",
            "PATCH, /api/v1/playbook-runs/r/tasks/t, WORK_CTAS",
            "POST, /api/v1/meetings/m/recap, WRITE_MEETINGS",
            "POST, /api/v1/clients/c1/meetings, WRITE_MEETINGS",
            "POST, /api/v1/clients/c1/health/observations, RECORD_OBSERVATIONS",
            "POST, /api/v1/clients/c1/negative-events, RECORD_OBSERVATIONS",
            "POST, /api/v1/clients/c1/dmi/coverage, MANUAL_DMI_COVERAGE",
            "POST, /api/v1/clients/c1/initiatives, WRITE_ROADMAP",
            "POST, /api/v1/initiatives/i/transitions, WRITE_ROADMAP",
            "PUT, /api/v1/clients/c1/budgets/2027/envelope, WRITE_ROADMAP",
            "POST, /api/v1/clients/c1/proposals, WORK_PROPOSALS",
            "POST, /api/v1/proposals/p/accept, WORK_PROPOSALS",
            "GET, /api/v1/webhooks/subscriptions, MANAGE_WEBHOOKS",
            "GET, /api/v1/admin/users, ADMINISTER",
            "GET, /api/v1/me, ANY_CALLER"
    })
    void mapsEachRouteToItsRowOfThePermissionTable(String method, String path, Permission expected) {
        assertThat(PermissionTable.required(method, path)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "WRITE_CLIENTS, AM, ALLOWED",
            "WRITE_CLIENTS, CSM, FORBIDDEN",
            "WRITE_CLIENTS, VIEWER, FORBIDDEN",
            "LEAD, CS_LEADER, ALLOWED",
            "LEAD, ADMIN, FORBIDDEN",
            "MANUAL_DMI_COVERAGE, AM, FORBIDDEN",
            "WORK_PROPOSALS, VCIO, ALLOWED",
            "WORK_PROPOSALS, TAM, FORBIDDEN",
            "READ_HEALTH, VIEWER, ALLOWED"
    })
    void usersPassWithOneMatchingRole(Permission permission, String role, Permission.Access expected) {
        Principal user = Principal.user(UUID.randomUUID(), UUID.randomUUID(), Set.of(role));
        assertThat(permission.decide(user)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "READ_CLIENTS, clients:read, ALLOWED",
            "READ_CLIENTS, signals:write, INSUFFICIENT_SCOPE",
            "INGEST_SIGNALS, signals:write, ALLOWED",
            "ADMINISTER, webhooks:manage, FORBIDDEN",
            "LEAD, clients:write, FORBIDDEN",
            "ANY_CALLER, health:read, ALLOWED"
    })
    void keysPassOnlyWithTheScopeAndNeverWhereNoScopeIsListed(Permission permission, String scope,
                                                              Permission.Access expected) {
        Principal key = Principal.integration(UUID.randomUUID(), UUID.randomUUID(), Set.of(scope), Set.of());
        assertThat(permission.decide(key)).isEqualTo(expected);
    }
}
