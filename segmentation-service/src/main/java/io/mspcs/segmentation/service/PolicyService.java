package io.mspcs.segmentation.service;

import io.mspcs.outbox.EventContext;
import io.mspcs.rest.Problem;
import io.mspcs.rest.ProblemException;
import io.mspcs.segmentation.domain.SegmentEvaluator.Trigger;
import io.mspcs.segmentation.domain.SegmentationPolicy;
import io.mspcs.segmentation.repository.ClientRepository;
import io.mspcs.segmentation.repository.JsonColumns;
import io.mspcs.segmentation.repository.PolicyEntity;
import io.mspcs.segmentation.repository.PolicyRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** The tenant's versioned segmentation policy (segmentation.md §2.6). */
@ApplicationScoped
public class PolicyService {

    private final PolicyRepository policies;
    private final ClientRepository clients;
    private final SegmentService segments;
    private final CapacityService capacity;
    private final Clock clock;

    public PolicyService(PolicyRepository policies, ClientRepository clients, SegmentService segments,
                         CapacityService capacity, Clock clock) {
        this.policies = policies;
        this.clients = clients;
        this.segments = segments;
        this.capacity = capacity;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<SegmentationPolicy> active(UUID tenantId) {
        return policies.active(tenantId);
    }

    /**
     * Publishes version N+1 and re-evaluates every client with it (in the same transaction, so the new version and
     * its effects commit together). Identical content publishes nothing.
     */
    @WithTransaction
    public Uni<SegmentationPolicy> publish(UUID tenantId, SegmentationPolicy proposed, Integer ifMatch, String by,
                                           EventContext context) {
        List<Problem.FieldError> errors = proposed.violations().stream()
                .map(v -> new Problem.FieldError(v.field(), v.code())).toList();
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The policy is invalid", errors);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return policies.active(tenantId).chain(active -> {
            if (ifMatch != null && ifMatch != active.version()) {
                return Uni.createFrom().failure(new ProblemException(412, "policy-version-mismatch",
                        "Policy version mismatch", "The active version is " + active.version(), List.of()));
            }
            if (JsonColumns.sameContent(proposed.withVersion(active.version()), active)) {
                return Uni.createFrom().item(active);
            }
            Uni<Void> currencyCheck = proposed.currency().equals(active.currency()) ? Uni.createFrom().voidItem()
                    : clients.countInTenant(tenantId).chain(count -> count > 0
                    ? Uni.createFrom().failure(new ProblemException(409, "currency-locked", "Currency locked",
                    "The currency cannot change once clients exist", List.of()))
                    : Uni.createFrom().voidItem());
            SegmentationPolicy published = proposed.withVersion(active.version() + 1);
            PolicyEntity entity = new PolicyEntity();
            entity.id = UUID.randomUUID();
            entity.tenantId = tenantId;
            entity.policyVersion = published.version();
            entity.content = JsonColumns.write(published);
            entity.publishedBy = by;
            entity.createdAt = now;
            entity.updatedAt = now;
            return currencyCheck
                    .chain(() -> policies.persist(entity))
                    .chain(() -> segments.rebandTenant(tenantId, published, context, now))
                    .chain(() -> segments.reevaluateAll(tenantId, published, Trigger.POLICY, context, now))
                    // Capacity limits and account weights may have changed too.
                    .chain(() -> capacity.reconcile(tenantId, context, now))
                    .replaceWith(published);
        });
    }
}

