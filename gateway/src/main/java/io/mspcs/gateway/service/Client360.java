package io.mspcs.gateway.service;

import io.mspcs.gateway.client.CircuitOpenException;
import io.mspcs.gateway.client.UpstreamForwarder;
import io.mspcs.gateway.domain.Permission;
import io.mspcs.gateway.domain.Principal;
import io.mspcs.gateway.domain.Upstream;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code GET /clients/{id}/360} (gateway.md §4): the owners are called in parallel, 800 ms each (so ≤ 1.5 s in all).
 * The client record is required — its 404 is the answer's 404, its failure a 503; any other section that fails is
 * null, with its status in {@code sections} and {@code partial: true}. A key sees only the sections its scopes allow.
 */
@ApplicationScoped
public class Client360 {

    static final Duration CALL_TIMEOUT = Duration.ofMillis(800);

    private final UpstreamForwarder upstreams;
    private final Clock clock;

    public Client360(UpstreamForwarder upstreams, Clock clock) {
        this.upstreams = upstreams;
        this.clock = clock;
    }

    /** How the 360 ended: the document, or the status of the required client call that decides the answer. */
    public record Outcome(int status, JsonObject document) {
    }

    private record Section(String name, Upstream owner, Permission permission, String path,
                           Function<Object, Object> extract) {
    }

    private record Result(String status, Object value, int httpStatus) {
    }

    public Uni<Outcome> assemble(UUID clientId, Principal principal, String correlationId) {
        String base = "/api/v1/clients/" + clientId;
        String now = clock.instant().toString();
        List<Section> sections = List.of(
                new Section("client", Upstream.SEGMENTATION, Permission.READ_CLIENTS, base, json -> json),
                new Section("segment", Upstream.SEGMENTATION, Permission.READ_CLIENTS, base + "/segment", json -> json),
                new Section("health", Upstream.HEALTH, Permission.READ_HEALTH, base + "/health", json -> json),
                new Section("openCtas", Upstream.CADENCE, Permission.READ_CTAS, base + "/ctas?limit=20", Client360::items),
                new Section("nextMeetings", Upstream.CADENCE, Permission.READ_CTAS,
                        base + "/meetings?status=SCHEDULED&limit=5&from=" + now, Client360::items),
                new Section("roadmapHead", Upstream.ROADMAP, Permission.READ_ROADMAP, base + "/roadmap",
                        Client360::roadmapHead),
                new Section("openProposals", Upstream.ROADMAP, Permission.READ_ROADMAP, base + "/proposals?status=SENT",
                        Client360::items));
        List<Uni<Result>> calls = sections.stream().map(section -> call(section, principal, correlationId)).toList();
        return Uni.combine().all().unis(calls).with(results -> {
            Map<String, Result> byName = new LinkedHashMap<>();
            for (int i = 0; i < sections.size(); i++) {
                byName.put(sections.get(i).name(), (Result) results.get(i));
            }
            return document(byName);
        });
    }

    private Outcome document(Map<String, Result> results) {
        Result client = results.get("client");
        if (client.httpStatus() == 404) {
            return new Outcome(404, null);
        }
        if (!client.status().equals("OK")) {
            return new Outcome(client.status().equals("FORBIDDEN") ? 403 : 503, null);
        }
        JsonObject document = new JsonObject();
        JsonObject statuses = new JsonObject();
        boolean partial = false;
        for (Map.Entry<String, Result> entry : results.entrySet()) {
            document.put(entry.getKey(), entry.getValue().value());
            statuses.put(entry.getKey(), new JsonObject().put("status", entry.getValue().status()));
            partial |= !entry.getValue().status().equals("OK");
        }
        return new Outcome(200, document.put("partial", partial).put("sections", statuses)
                .put("generatedAt", clock.instant().toString()));
    }

    private Uni<Result> call(Section section, Principal principal, String correlationId) {
        if (section.permission().decide(principal) != Permission.Access.ALLOWED) {
            return Uni.createFrom().item(new Result("FORBIDDEN", null, 403));
        }
        return Uni.createFrom().completionStage(() -> upstreams.get(section.owner(), section.path(), principal,
                        correlationId, CALL_TIMEOUT).toCompletionStage())
                .map(response -> answered(section, response))
                .onFailure().recoverWithItem(failure -> new Result(failed(failure), null, 0));
    }

    private static Result answered(Section section, HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status == 404) {
            // the owner has nothing yet (e.g. no health score): an empty section, not a failure
            return new Result("OK", null, 404);
        }
        if (status == 401 || status == 403) {
            return new Result("FORBIDDEN", null, status);
        }
        if (status >= 300) {
            return new Result("ERROR", null, status);
        }
        try {
            return new Result("OK", section.extract().apply(io.vertx.core.json.Json.decodeValue(response.body())), status);
        } catch (RuntimeException e) {
            return new Result("ERROR", null, status);
        }
    }

    private static String failed(Throwable failure) {
        if (UpstreamForwarder.isTimeout(failure)) {
            return "TIMEOUT";
        }
        return failure instanceof CircuitOpenException || failure instanceof ConnectException
                || failure.getCause() instanceof ConnectException ? "UNAVAILABLE" : "ERROR";
    }

    /**
     * The list sections read the owners' paged answers ({@code {items, nextCursor}}, README §4) and show their
     * {@code items} (the first page is enough for a summary); a bare array (an owner from before paging) is shown
     * as it is, and an answer without items as an empty list.
     */
    static Object items(Object json) {
        if (json instanceof JsonArray array) {
            return array;
        }
        Object items = json instanceof JsonObject page ? page.getValue("items") : null;
        return items instanceof JsonArray ? items : new JsonArray();
    }

    /** The first initiatives of the roadmap (roadmap-service's {@code head}) and whether proposals are blocked. */
    private static Object roadmapHead(Object json) {
        JsonObject roadmap = json instanceof JsonObject object ? object : new JsonObject();
        return new JsonObject().put("initiatives", roadmap.getValue("head", new JsonArray()))
                .put("proposalsBlocked", roadmap.getJsonObject("gates", new JsonObject()).getValue("proposalsBlocked"));
    }
}
