package io.mspcs.cadence.service;

import io.mspcs.cadence.repository.ClientViewRepository;
import io.mspcs.cadence.repository.CtaCauseEntity;
import io.mspcs.cadence.repository.CtaCauseRepository;
import io.mspcs.cadence.repository.CtaEntity;
import io.mspcs.cadence.repository.CtaFilter;
import io.mspcs.cadence.repository.CtaRepository;
import io.mspcs.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Reads of CTAs for the REST API; every read is scoped by the caller's tenant. */
@ApplicationScoped
public class CtaQueryService {

    /** A CTA with its cause chain. */
    public record CtaWithCauses(CtaEntity cta, List<CtaCauseEntity> causes) {
    }

    private final CtaRepository ctas;
    private final CtaCauseRepository causes;
    private final ClientViewRepository clients;

    public CtaQueryService(CtaRepository ctas, CtaCauseRepository causes, ClientViewRepository clients) {
        this.ctas = ctas;
        this.causes = causes;
        this.clients = clients;
    }

    @WithTransaction
    public Uni<List<CtaEntity>> page(UUID tenantId, CtaFilter filter, UUID after, int limit) {
        return ctas.page(tenantId, filter, after, limit);
    }

    /** The CTAs of one client; a client this tenant has never heard of is 404, as any other tenant's id. */
    @WithTransaction
    public Uni<List<CtaEntity>> pageOfClient(UUID tenantId, CtaFilter filter, UUID after, int limit) {
        return clients.findClient(tenantId, filter.clientId())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Client " + filter.clientId()))
                .chain(() -> ctas.page(tenantId, filter, after, limit));
    }

    @WithTransaction
    public Uni<CtaWithCauses> get(UUID tenantId, UUID ctaId) {
        return ctas.findInTenant(tenantId, ctaId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("CTA " + ctaId))
                .chain(cta -> causes.chainOf(tenantId, cta.id).map(chain -> new CtaWithCauses(cta, chain)));
    }
}
