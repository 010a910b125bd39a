package io.mspcs.gateway.rest;

import io.mspcs.gateway.domain.FeedEntry;
import io.mspcs.gateway.domain.FeedFilter;
import io.mspcs.gateway.domain.Principal;
import io.mspcs.gateway.domain.RequestPaths;
import io.mspcs.gateway.service.LiveFeed;
import io.mspcs.gateway.service.StreamTickets;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code GET /api/v1/events/stream} (Server-Sent Events) and {@code POST /api/v1/events/stream-tickets}
 * (gateway.md §5). A connection first gets {@code retry: 3000}, then the buffered events after its
 * {@code Last-Event-ID} (or {@code event: resync} when that id is gone), then live events and a ping every 15 s.
 */
@ApplicationScoped
public class LiveFeedEndpoints {

    static final String STREAM = "/api/v1/events/stream";
    static final String TICKETS = "/api/v1/events/stream-tickets";
    private static final long PING_MILLIS = 15_000;

    private final LiveFeed feed;
    private final StreamTickets tickets;
    private final Vertx vertx;

    public LiveFeedEndpoints(LiveFeed feed, StreamTickets tickets, Vertx vertx) {
        this.feed = feed;
        this.tickets = tickets;
        this.vertx = vertx;
    }

    boolean serves(String path) {
        return path.equals(STREAM) || path.equals(TICKETS);
    }

    void serve(RoutingContext context, Principal principal) {
        String path = context.request().path();
        HttpMethod method = context.request().method();
        if (path.equals(TICKETS) && method == HttpMethod.POST) {
            Json.send(context, 201, new JsonObject().put("ticket", tickets.issue(principal))
                    .put("expiresIn", StreamTickets.LIFETIME.toSeconds()));
        } else if (path.equals(STREAM) && method == HttpMethod.GET) {
            stream(context, principal);
        } else {
            ProblemResponses.send(context, 404, "not-found", "Not found", "No such resource");
        }
    }

    private void stream(RoutingContext context, Principal principal) {
        Set<String> clientIds = list(context.request().getParam("clientId"));
        List<String> types = List.copyOf(list(context.request().getParam("types")));
        if (clientIds.size() > FeedFilter.MAX_CLIENT_IDS || !clientIds.stream().allMatch(RequestPaths::isUuid)) {
            ProblemResponses.invalid(context, "clientId", "invalid", "clientId lists at most 50 client UUIDs");
            return;
        }
        String lastEventId = Optional.ofNullable(context.request().getHeader("Last-Event-ID"))
                .orElse(context.request().getParam("lastEventId"));
        if (lastEventId != null && !RequestPaths.isUuid(lastEventId)) {
            ProblemResponses.invalid(context, "Last-Event-ID", "not-a-uuid", "Event ids are UUIDs");
            return;
        }
        FeedFilter filter = new FeedFilter(principal.tenantId(), clientIds, types, principal.hasRole("ADMIN"));
        HttpServerResponse response = context.response();
        LiveFeed.Subscription subscription = new LiveFeed.Subscription(principal.principalId(), filter,
                entry -> send(response, entry));
        if (!feed.open(subscription)) {
            context.response().putHeader("Retry-After", "5");
            ProblemResponses.send(context, 429, "rate-limited", "Too many streams",
                    "At most 5 live streams per user or key and 200 per tenant");
            return;
        }
        long ping = vertx.setPeriodic(PING_MILLIS, id -> {
            if (!response.closed()) {
                response.write(": ping\n\n");
            }
        });
        response.closeHandler(ignored -> {
            feed.close(subscription);
            vertx.cancelTimer(ping);
        });
        response.setChunked(true).setStatusCode(200).putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache").putHeader("X-Accel-Buffering", "no");
        response.write("retry: 3000\n\n");
        if (lastEventId != null) {
            feed.after(UUID.fromString(lastEventId), filter).ifPresentOrElse(
                    missed -> missed.forEach(entry -> send(response, entry)),
                    () -> response.write("event: resync\ndata: {}\n\n"));
        }
    }

    /** A connection too far behind gets {@code resync} and is closed rather than buffered without end. */
    private static void send(HttpServerResponse response, FeedEntry entry) {
        if (response.closed() || response.ended()) {
            return;
        }
        if (response.writeQueueFull()) {
            response.end("event: resync\ndata: {}\n\n");
            return;
        }
        response.write("id: " + entry.id() + "\nevent: " + entry.type() + "\ndata: " + entry.envelopeJson() + "\n\n");
    }

    private static Set<String> list(String value) {
        Set<String> items = new LinkedHashSet<>();
        if (value != null) {
            Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(items::add);
        }
        return items;
    }
}
