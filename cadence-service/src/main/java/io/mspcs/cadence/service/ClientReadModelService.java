package io.mspcs.cadence.service;

import io.mspcs.cadence.domain.Owners;
import io.mspcs.cadence.messaging.SegmentationReaders.ClientRegistered;
import io.mspcs.cadence.messaging.SegmentationReaders.OwnerAssigned;
import io.mspcs.cadence.messaging.SegmentationReaders.SegmentAssigned;
import io.mspcs.cadence.messaging.SegmentationReaders.SegmentChanged;
import io.mspcs.cadence.repository.ClientOwnerRepository;
import io.mspcs.cadence.repository.ClientViewEntity;
import io.mspcs.cadence.repository.ClientViewRepository;
import io.mspcs.contracts.EventEnvelope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Keeps cadence's read model of segmentation's clients (cadence.md §7.2). Every part moves only on a newer fact
 * (§7.3 rule 4): registry facts and segments by event {@code time}, owners by {@code assignedAt}. Handlers run
 * inside the consumer's transaction.
 */
@ApplicationScoped
public class ClientReadModelService {

    private final ClientViewRepository clients;
    private final ClientOwnerRepository owners;
    private final CtaService ctas;
    private final CadenceService cadence;
    private final ClientRuleService rules;
    private final Clock clock;

    public ClientReadModelService(ClientViewRepository clients, ClientOwnerRepository owners, CtaService ctas,
                                  CadenceService cadence, ClientRuleService rules, Clock clock) {
        this.rules = rules;
        this.cadence = cadence;
        this.clients = clients;
        this.owners = owners;
        this.ctas = ctas;
        this.clock = clock;
    }

    public Uni<Void> onClientRegistered(EventEnvelope event) {
        ClientRegistered data = ClientRegistered.read(event);
        return clients.findOrStub(event.tenantId(), data.clientId(), now()).chain(client -> {
            if (!isNewer(event.time(), client.registryTime)) {
                return Uni.createFrom().voidItem();
            }
            applyRegistry(client, data, event.time());
            return cadence.syncLines(event.tenantId(), client, event.time())
                    .chain(() -> rules.onRegistered(event, client));
        });
    }

    /** The registry facts again, newer only; a churn and any date change reach the rules. */
    public Uni<Void> onClientUpdated(EventEnvelope event) {
        ClientRegistered data = ClientRegistered.read(event);
        return clients.findOrStub(event.tenantId(), data.clientId(), now()).chain(client -> {
            if (!isNewer(event.time(), client.registryTime)) {
                return Uni.createFrom().voidItem(); // STALE: an older update after a newer fact
            }
            boolean churnedNow = !client.churned() && "CHURNED".equals(data.status());
            applyRegistry(client, data, event.time());
            return cadence.syncLines(event.tenantId(), client, event.time())
                    .chain(() -> rules.onUpdated(event, client, churnedNow));
        });
    }

    private void applyRegistry(ClientViewEntity client, ClientRegistered data, Instant time) {
        client.name = data.name();
        client.status = data.status();
        client.registeredAt = data.registeredAt();
        client.contractRenewalDate = data.contractRenewalDate();
        client.fiscalYearEndMonth = data.fiscalYearEndMonth();
        client.registryTime = time;
        client.updatedAt = now();
    }

    public Uni<Void> onSegmentAssigned(EventEnvelope event) {
        SegmentAssigned data = SegmentAssigned.read(event);
        return applySegment(event, data.clientId(), data.segment(), data.mrrBand(), null);
    }

    public Uni<Void> onSegmentChanged(EventEnvelope event) {
        SegmentChanged data = SegmentChanged.read(event);
        return applySegment(event, data.clientId(), data.to(), data.mrrBand(), data);
    }

    /** A newer owner map replaces the old one and re-resolves the owners of the client's open CTAs. */
    public Uni<Void> onOwnerAssigned(EventEnvelope event) {
        OwnerAssigned data = OwnerAssigned.read(event);
        Owners map = data.toOwners();
        return clients.findOrStub(event.tenantId(), data.clientId(), now()).chain(client -> {
            if (!isNewer(data.assignedAt(), client.ownersAssignedAt)) {
                return Uni.createFrom().voidItem();
            }
            client.ownersAssignedAt = data.assignedAt();
            client.updatedAt = now();
            return owners.replace(event.tenantId(), data.clientId(), map, now())
                    .chain(() -> ctas.reassignOpenCtas(event, data.clientId(), map));
        });
    }

    /** {@code changed} is the {@code SegmentChanged} (null for the first assignment, which fires no T-SEG). */
    private Uni<Void> applySegment(EventEnvelope event, UUID clientId, String segment, String mrrBand,
                                   SegmentChanged changed) {
        return clients.findOrStub(event.tenantId(), clientId, now()).chain(client -> {
            if (!isNewer(event.time(), client.segmentTime)) {
                return Uni.createFrom().voidItem();
            }
            client.segment = segment;
            client.mrrBand = mrrBand;
            client.segmentTime = event.time();
            client.updatedAt = now();
            // Lines follow the segment once the registry has told us the client exists (§7.3 rule 5: stubs wait).
            return cadence.syncLines(event.tenantId(), client, event.time()).chain(() -> changed == null
                    ? Uni.createFrom().voidItem() : rules.onSegmentChanged(event, client, changed.from(), changed.to()));
        });
    }

    private static boolean isNewer(Instant candidate, Instant applied) {
        return applied == null || candidate.isAfter(applied);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
