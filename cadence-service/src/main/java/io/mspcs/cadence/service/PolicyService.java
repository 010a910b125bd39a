package io.mspcs.cadence.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mspcs.cadence.domain.CadencePolicy;
import io.mspcs.cadence.repository.CadencePolicyEntity;
import io.mspcs.cadence.repository.CadencePolicyRepository;
import io.mspcs.contracts.EventCodec;
import io.mspcs.rest.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The tenant's cadence policy (cadence.md §2.1): version 1 is the defaults, stored the first time the tenant is
 * seen; {@code PUT} publishes N+1 unless the content is identical. Versions never change once stored.
 */
@ApplicationScoped
public class PolicyService {

    /** A policy with its version and the instant it was published (version 1: the tenant's first-seen time). */
    public record Versioned(int version, CadencePolicy policy, Instant publishedAt) {
    }

    private final CadencePolicyRepository policies;
    private final Clock clock;

    public PolicyService(CadencePolicyRepository policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    /** Reads only: a tenant without a stored policy runs on the unsaved defaults. */
    public Uni<Versioned> current(UUID tenantId) {
        return policies.current(tenantId).map(row -> row == null
                ? new Versioned(1, CadencePolicy.defaults(), clock.instant().truncatedTo(ChronoUnit.MILLIS))
                : versioned(row));
    }

    /** Inside a transaction: stores version 1 the first time, which also marks when the tenant was first seen. */
    public Uni<Versioned> ensure(UUID tenantId) {
        return policies.current(tenantId).chain(row -> row != null ? Uni.createFrom().item(versioned(row))
                : policies.persist(CadencePolicyEntity.of(tenantId, 1, write(CadencePolicy.defaults()), now()))
                        .map(PolicyService::versioned));
    }

    public Uni<List<Versioned>> all(UUID tenantId) {
        return ensure(tenantId).chain(() -> policies.all(tenantId))
                .map(rows -> rows.stream().map(PolicyService::versioned).toList());
    }

    public Uni<Versioned> version(UUID tenantId, int version) {
        return ensure(tenantId).chain(() -> policies.byVersion(tenantId, version))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Cadence policy version " + version))
                .map(PolicyService::versioned);
    }

    /** Identical content publishes nothing; {@code ifMatch}, when sent, must name the current version (412). */
    public Uni<Versioned> publish(UUID tenantId, CadencePolicy policy, Integer ifMatch) {
        return ensure(tenantId).chain(current -> {
            if (ifMatch != null && ifMatch != current.version()) {
                return Uni.createFrom().failure(new ProblemException(412, "version-mismatch", "Version mismatch",
                        "The current policy is version " + current.version(), List.of()));
            }
            String document = write(policy);
            if (document.equals(write(current.policy()))) {
                return Uni.createFrom().item(current);
            }
            return policies.persist(CadencePolicyEntity.of(tenantId, current.version() + 1, document, now()))
                    .map(PolicyService::versioned);
        });
    }

    static Versioned versioned(CadencePolicyEntity row) {
        try {
            return new Versioned(row.policyVersion, EventCodec.mapper().readValue(row.document, CadencePolicy.class),
                    row.publishedAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored cadence policy " + row.id + " is unreadable", e);
        }
    }

    static String write(CadencePolicy policy) {
        try {
            return EventCodec.mapper().writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
