package io.mspcs.gateway.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.mspcs.contracts.EventCodec;
import io.mspcs.gateway.client.CircuitOpenException;
import io.mspcs.gateway.client.UpstreamForwarder;
import io.mspcs.gateway.config.GatewayConfig;
import io.mspcs.gateway.domain.CallbackFacts;
import io.mspcs.gateway.domain.CallbackRetrySchedule;
import io.mspcs.gateway.domain.CallbackTranslation;
import io.mspcs.gateway.domain.ConnectionSource;
import io.mspcs.gateway.domain.Principal;
import io.mspcs.gateway.repository.IntegrationRepository;
import io.mspcs.gateway.repository.IntegrationRepository.ClaimedCallback;
import io.mspcs.gateway.repository.IntegrationRepository.Outcome;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Forwards stored PSA callbacks (gateway.md §9.2): each is translated into its upstream call and posted through the
 * normal upstream client as the connection's tenant, stamped with the time it arrived ({@code X-Received-At}). A
 * service that is down, slow or answering 5xx/408/429 is tried again for 24 h; a refusal (4xx, or the item
 * {@code REJECTED}) is final. Every outcome is kept on the callback row for {@code …/callbacks}.
 */
@ApplicationScoped
public class CallbackWorker {

    /** Callbacks finished by {@code source} and {@code outcome}: delivered, rejected or skipped. */
    public static final String PROCESSED_METRIC = "cs_inbound_callbacks_processed";
    /** Failed forwarding attempts by {@code source} and {@code outcome}: retry (tried again later) or given_up. */
    public static final String FAILED_METRIC = "cs_inbound_callbacks_failed";
    private static final Logger LOG = Logger.getLogger(CallbackWorker.class);
    /** Longer than the bulk timeout (60 s): a claimed row is not taken again while its call may still run. */
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Set<String> FORWARDED_SCOPES = Set.of("clients:write", "signals:write");

    private final Vertx vertx;
    private final IntegrationRepository repository;
    private final UpstreamForwarder upstreams;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final GatewayConfig.Integrations config;
    private final AtomicBoolean polling = new AtomicBoolean();
    private long timer = -1;

    public CallbackWorker(Vertx vertx, IntegrationRepository repository, UpstreamForwarder upstreams,
                          MeterRegistry metrics, Clock clock, GatewayConfig config) {
        this.vertx = vertx;
        this.repository = repository;
        this.upstreams = upstreams;
        this.metrics = metrics;
        this.clock = clock;
        this.config = config.integrations();
    }

    void start(@Observes StartupEvent started) {
        timer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> poll());
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** One poll at a time per instance; replicas share the rows through {@code FOR UPDATE SKIP LOCKED}. */
    void poll() {
        if (!polling.compareAndSet(false, true)) {
            return;
        }
        repository.claimDue(clock.instant(), LEASE, config.batchSize())
                .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().voidItem()
                        : Uni.join().all(claimed.stream().map(this::forward).toList()).andCollectFailures().replaceWithVoid())
                .subscribe().with(done -> polling.set(false), failure -> {
                    polling.set(false);
                    LOG.warnf("callback poll failed: %s", failure.getMessage());
                });
    }

    private Uni<Void> forward(ClaimedCallback callback) {
        ConnectionSource source = ConnectionSource.parse(callback.source()).orElseThrow();
        byte[] body = callback.body().getBytes(StandardCharsets.UTF_8);
        CallbackFacts facts = CallbackFacts.of(source, CallbackIntake.withEntity(CallbackIntake.parse(body).orElseThrow()));
        CallbackTranslation.Outcome translated = CallbackTranslation.translate(source, callback.sourceName(), facts,
                callback.receivedAt().toString());
        if (translated instanceof CallbackTranslation.Skip skip) {
            return record(callback, new Outcome(IntegrationRepository.SKIPPED, null, null, null, skip.reason(), null));
        }
        var call = (CallbackTranslation.Forward) translated;
        String target = call.service().name().toLowerCase(Locale.ROOT) + " " + call.path();
        Principal principal = new Principal(callback.tenantId(), callback.connectionId().toString(), Principal.INTEGRATION,
                FORWARDED_SCOPES, Set.of(Principal.INTEGRATION), Set.of());
        String json;
        try {
            json = EventCodec.mapper().writeValueAsString(call.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("maps of JSON values always serialise", e);
        }
        return Uni.createFrom().completionStage(() -> upstreams.post(call.service(), call.path(), json, principal,
                        callback.id().toString(), callback.receivedAt()).toCompletionStage())
                .map(response -> answered(callback, target, response))
                .onFailure().recoverWithItem(failure -> retryOrGiveUp(callback, target, null, describe(failure), null))
                .chain(outcome -> record(callback, outcome))
                .onFailure().invoke(failure -> LOG.errorf(failure, "callback %s not recorded", callback.id()));
    }

    private Uni<Void> record(ClaimedCallback callback, Outcome outcome) {
        boolean failed = outcome.status().equals(IntegrationRepository.PENDING)
                || outcome.status().equals(IntegrationRepository.GIVEN_UP);
        String kind = outcome.status().equals(IntegrationRepository.PENDING) ? "retry"
                : outcome.status().toLowerCase(Locale.ROOT);
        metrics.counter(failed ? FAILED_METRIC : PROCESSED_METRIC,
                List.of(Tag.of("source", callback.source()), Tag.of("outcome", kind))).increment();
        return repository.record(callback.tenantId(), callback.id(), outcome, clock.instant());
    }

    private Outcome answered(ClaimedCallback callback, String target, HttpResponse<Buffer> response) {
        int status = response.statusCode();
        String excerpt = response.bodyAsString();
        if (status >= 200 && status < 300) {
            boolean rejected = itemRejected(excerpt);
            return new Outcome(rejected ? IntegrationRepository.REJECTED : IntegrationRepository.DELIVERED, null, target,
                    status, rejected ? "the service rejected the item" : null, excerpt);
        }
        if (status >= 500 || status == 408 || status == 429) {
            return retryOrGiveUp(callback, target, status, "HTTP " + status, excerpt);
        }
        return new Outcome(IntegrationRepository.REJECTED, null, target, status, "HTTP " + status, excerpt);
    }

    private Outcome retryOrGiveUp(ClaimedCallback callback, String target, Integer status, String error, String excerpt) {
        Instant now = clock.instant();
        return CallbackRetrySchedule.next(callback.attempts() + 1, callback.receivedAt(), now)
                .map(next -> new Outcome(IntegrationRepository.PENDING, next, target, status, error, excerpt))
                .orElseGet(() -> new Outcome(IntegrationRepository.GIVEN_UP, null, target, status, error, excerpt));
    }

    /** A bulk answer is 200 even when its one item was refused: that refusal is final, not worth a retry. */
    private static boolean itemRejected(String body) {
        try {
            JsonArray items = new JsonObject(body).getJsonArray("items");
            return items != null && !items.isEmpty() && items.getValue(0) instanceof JsonObject item
                    && "REJECTED".equals(item.getString("status"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String describe(Throwable failure) {
        if (failure instanceof CircuitOpenException) {
            return "circuit open";
        }
        return UpstreamForwarder.isTimeout(failure) ? "timeout"
                : failure instanceof java.net.ConnectException ? "connection refused" : failure.getClass().getSimpleName();
    }
}
