package io.mspcs.health.service;

import io.mspcs.health.domain.DmiCatalog;
import io.mspcs.health.domain.ItemProblem;
import io.mspcs.health.domain.ParsedSignal;
import io.mspcs.health.domain.SignalParser;
import io.mspcs.health.domain.SignalType;
import io.mspcs.health.messaging.SignalEvents;
import io.mspcs.health.repository.BatchOutbox;
import io.mspcs.health.repository.SignalStore;
import io.mspcs.outbox.EventContext;
import io.mspcs.outbox.TenantTransactions;
import io.mspcs.rest.Problem;
import io.mspcs.rest.ProblemException;
import io.mspcs.rest.TenantScope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Bulk signal ingest (health.md §4, §8): validates every item on its own, then stores the good ones in one
 * transaction of a few set-based statements — signals, current coverage, dirty marks and the SignalsIngested /
 * ComplaintLogged outbox rows. Scoring happens after the commit, coalesced per client (the recompute queue).
 */
@ApplicationScoped
public class SignalIngestService {

    public static final int MAX_ITEMS = 5_000;
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9-]{1,40}");

    private final SignalStore store;
    private final BatchOutbox outbox;
    private final DmiCatalogService catalogs;
    private final RecomputeQueue recomputes;
    private final Clock clock;

    public SignalIngestService(SignalStore store, BatchOutbox outbox, DmiCatalogService catalogs,
                               RecomputeQueue recomputes, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.catalogs = catalogs;
        this.recomputes = recomputes;
        this.clock = clock;
    }

    /** @param receivedAt the gateway's X-Received-At, else null (own clock) */
    public Uni<IngestReport> ingest(String source, List<?> items, Instant receivedAt, EventContext context) {
        checkBatch(source, items);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant received = receivedAt == null ? now : receivedAt.truncatedTo(ChronoUnit.MILLIS);
        Map<Integer, ItemProblem> problems = new HashMap<>();
        List<ParsedSignal> parsed = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            SignalParser.Result result = SignalParser.parse(i, items.get(i), received);
            if (result.problem() != null) {
                problems.put(i, result.problem());
            } else {
                parsed.add(result.signal());
            }
        }
        UUID batchId = UUID.randomUUID();
        return TenantTransactions.inTransaction(TenantScope.tenant(context.tenantId()),
                        () -> store(context.tenantId(), source, batchId, parsed, problems, items, received, now, context))
                .invoke(stored -> recomputes.schedule(context.tenantId(), stored.dirty(), "SIGNALS", context))
                .map(Stored::report);
    }

    private record Stored(IngestReport report, Set<UUID> dirty) {
    }

    private Uni<Stored> store(UUID tenantId, String source, UUID batchId, List<ParsedSignal> parsed,
                              Map<Integer, ItemProblem> problems, List<?> items, Instant received, Instant now,
                              EventContext context) {
        Set<UUID> ids = new HashSet<>();
        Set<String> refKeys = new HashSet<>();
        List<String[]> refs = new ArrayList<>();
        for (ParsedSignal signal : parsed) {
            if (signal.clientId() != null) {
                ids.add(signal.clientId());
            } else if (refKeys.add(signal.clientSource() + "\u0000" + signal.clientExternalId())) {
                refs.add(new String[] {signal.clientSource(), signal.clientExternalId()});
            }
        }
        // raw clientIds of rejected items, so SignalsIngested.rejected counts the items resolved to each client
        for (Integer index : problems.keySet()) {
            UUID raw = rawClientId(items.get(index));
            if (raw != null) {
                ids.add(raw);
            }
        }
        boolean needsCatalog = parsed.stream().anyMatch(s -> s.type() == SignalType.INSIGHT_COVERAGE);
        Uni<DmiCatalog> catalog = needsCatalog ? catalogs.active(tenantId) : Uni.createFrom().nullItem();
        return store.registeredClients(tenantId, ids, refs).chain(keys -> catalog.chain(active -> {
            Set<UUID> known = new HashSet<>();
            Map<String, UUID> byRef = new HashMap<>();
            for (SignalStore.ClientKey key : keys) {
                known.add(key.clientId());
                if (key.source() != null && key.externalId() != null) {
                    byRef.put(key.source() + "\u0000" + key.externalId(), key.clientId());
                }
            }
            Map<Integer, UUID> clientOf = new HashMap<>();
            List<ParsedSignal> accepted = new ArrayList<>();
            for (ParsedSignal signal : parsed) {
                UUID client = signal.clientId() != null ? (known.contains(signal.clientId()) ? signal.clientId() : null)
                        : byRef.get(signal.clientSource() + "\u0000" + signal.clientExternalId());
                if (client == null) {
                    problems.put(signal.index(), ItemProblem.clientNotFound(signal.index(),
                            signal.clientId() != null ? "clientId" : "client"));
                } else if (signal.type() == SignalType.INSIGHT_COVERAGE && active.activeInsight(signal.insightCode()).isEmpty()) {
                    problems.put(signal.index(), ItemProblem.unknownInsight(signal.index()));
                    clientOf.put(signal.index(), client);
                } else {
                    clientOf.put(signal.index(), client);
                    accepted.add(signal);
                }
            }
            for (Integer index : problems.keySet()) {
                UUID raw = rawClientId(items.get(index));
                if (raw != null && known.contains(raw)) {
                    clientOf.putIfAbsent(index, raw);
                }
            }
            List<SignalStore.Row> rows = accepted.stream().map(s -> new SignalStore.Row(s.index(), UUID.randomUUID(),
                    clientOf.get(s.index()), s.type().name(), s.externalId(), s.insightCode(), s.eventTime(),
                    s.observedAt(), s.values())).toList();
            return store.upsert(tenantId, source, batchId, received, now, rows)
                    .chain(outcomes -> afterUpsert(tenantId, source, batchId, accepted, rows, outcomes, problems,
                            clientOf, items.size(), received, now, context));
        }));
    }

    private Uni<Stored> afterUpsert(UUID tenantId, String source, UUID batchId, List<ParsedSignal> accepted,
                                    List<SignalStore.Row> rows, List<SignalStore.Outcome> outcomes,
                                    Map<Integer, ItemProblem> problems, Map<Integer, UUID> clientOf, int received,
                                    Instant receivedAt, Instant now, EventContext context) {
        Map<Integer, SignalStore.Outcome> byIndex = new HashMap<>();
        outcomes.forEach(o -> byIndex.put(o.index(), o));
        Map<Integer, ParsedSignal> signalOf = new HashMap<>();
        accepted.forEach(s -> signalOf.put(s.index(), s));
        Map<Integer, UUID> newIds = new HashMap<>();
        rows.forEach(r -> newIds.put(r.index(), r.id()));

        // the newest written coverage per (client, insight) becomes the current value unless a newer one is stored
        Map<String, ParsedSignal> coverageWinners = new LinkedHashMap<>();
        for (ParsedSignal signal : accepted) {
            SignalStore.Outcome outcome = byIndex.get(signal.index());
            if (outcome != null && outcome.writtenId() != null && signal.coverage() != null && signal.insightCode() != null) {
                String key = clientOf.get(signal.index()) + "/" + signal.insightCode();
                ParsedSignal best = coverageWinners.get(key);
                if (best == null || !signal.observedAt().isBefore(best.observedAt())) {
                    coverageWinners.put(key, signal);
                }
            }
        }
        List<SignalStore.CoverageRow> coverageRows = coverageWinners.values().stream()
                .map(s -> new SignalStore.CoverageRow(clientOf.get(s.index()), s.insightCode(), s.coverage(),
                        s.numerator(), s.denominator(), s.observedAt())).toList();
        return store.upsertCoverage(tenantId, source, receivedAt, now, coverageRows).chain(changed -> {
            Set<String> changedKeys = new HashSet<>(changed);
            List<IngestReport.Item> items = new ArrayList<>();
            int created = 0;
            int updated = 0;
            int unchanged = 0;
            Map<UUID, ClientBatch> perClient = new LinkedHashMap<>();
            List<BatchOutbox.Pending> complaints = new ArrayList<>();
            for (int index = 0; index < received; index++) {
                UUID client = clientOf.get(index);
                ItemProblem problem = problems.get(index);
                if (problem != null) {
                    items.add(new IngestReport.Item(index, IngestReport.Status.REJECTED, null, client, null, null, problem));
                    if (client != null) {
                        perClient.computeIfAbsent(client, c -> new ClientBatch()).rejected++;
                    }
                    continue;
                }
                ParsedSignal signal = signalOf.get(index);
                SignalStore.Outcome outcome = byIndex.get(index);
                ClientBatch batch = perClient.computeIfAbsent(client, c -> new ClientBatch());
                batch.accept(signal, receivedAt);
                IngestReport.Status status;
                UUID signalId;
                if (outcome.writtenId() == null) {
                    status = IngestReport.Status.UNCHANGED;
                    signalId = outcome.previousId();
                    unchanged++;
                } else if (outcome.previousId() == null) {
                    status = IngestReport.Status.CREATED;
                    signalId = outcome.writtenId();
                    created++;
                    batch.written(signal);
                    if (signal.type() == SignalType.COMPLAINT) {
                        complaints.add(new BatchOutbox.Pending(SignalEvents.complaint(client.toString(),
                                signalId.toString(), source, (String) signal.values().get("rootCause"),
                                (String) signal.values().get("summary"), signal.observedAt()), context));
                    }
                } else {
                    status = IngestReport.Status.UPDATED;
                    signalId = outcome.writtenId();
                    updated++;
                    batch.written(signal);
                }
                Boolean current = null;
                if (signal.type().state() && outcome.writtenId() != null) {
                    current = signal.insightCode() == null || signal.coverage() == null
                            || (coverageWinners.get(client + "/" + signal.insightCode()) == signal
                            && changedKeys.contains(client + "/" + signal.insightCode()));
                }
                items.add(new IngestReport.Item(index, status, signalId, client, current,
                        outcome.stale() ? Boolean.TRUE : null, null));
            }
            List<BatchOutbox.Pending> events = new ArrayList<>();
            Set<UUID> dirty = new LinkedHashSet<>();
            perClient.forEach((client, batch) -> {
                if (!batch.kinds.isEmpty()) {
                    dirty.add(client);
                    events.add(new BatchOutbox.Pending(SignalEvents.ingested(client.toString(), batchId.toString(),
                            source, List.copyOf(batch.kinds), batch.accepted, batch.rejected, batch.observedFrom,
                            batch.observedTo, batch.maxAgeSeconds), context));
                }
            });
            events.addAll(complaints);
            IngestReport report = new IngestReport(batchId, received, created, updated, unchanged,
                    received - created - updated - unchanged, items);
            return store.markDirty(tenantId, dirty, now)
                    .chain(() -> outbox.append(events))
                    .replaceWith(new Stored(report, dirty));
        });
    }

    /** One client's share of the batch, for its SignalsIngested. */
    private static final class ClientBatch {
        final Set<String> kinds = new TreeSet<>();
        int accepted;
        int rejected;
        Instant observedFrom;
        Instant observedTo;
        long maxAgeSeconds;

        void accept(ParsedSignal signal, Instant receivedAt) {
            accepted++;
            observedFrom = observedFrom == null || signal.observedAt().isBefore(observedFrom) ? signal.observedAt() : observedFrom;
            observedTo = observedTo == null || signal.observedAt().isAfter(observedTo) ? signal.observedAt() : observedTo;
            maxAgeSeconds = Math.max(maxAgeSeconds, Math.max(0, Duration.between(signal.observedAt(), receivedAt).toSeconds()));
        }

        void written(ParsedSignal signal) {
            kinds.add(signal.type().kind());
        }
    }

    private static void checkBatch(String source, List<?> items) {
        if (source == null || !SOURCE.matcher(source).matches()) {
            throw ProblemException.invalid("source", source == null ? "required" : "pattern",
                    "source must match [a-z0-9-]{1,40}");
        }
        if (items == null || items.isEmpty()) {
            throw ProblemException.invalid("items", "required", "items must hold at least one signal");
        }
        if (items.size() > MAX_ITEMS) {
            throw new ProblemException(400, "bulk-limit-exceeded", "Bulk limit exceeded",
                    items.size() + " items; at most " + MAX_ITEMS + " per call",
                    List.of(new Problem.FieldError("items", "max")));
        }
        Map<String, Integer> seen = new HashMap<>();
        List<Problem.FieldError> duplicates = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Map<?, ?> item && item.get("type") instanceof String type
                    && item.get("externalId") instanceof String externalId) {
                Integer first = seen.putIfAbsent(type + "\u0000" + externalId, i);
                if (first != null) {
                    duplicates.add(new Problem.FieldError("items[" + i + "].externalId", "duplicate"));
                }
            }
        }
        if (!duplicates.isEmpty()) {
            throw new ProblemException(400, "duplicate-in-batch", "Duplicate in batch",
                    "The same (type, externalId) appears more than once", duplicates);
        }
    }

    private static UUID rawClientId(Object item) {
        if (item instanceof Map<?, ?> map && map.get("clientId") instanceof String id) {
            try {
                return UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
