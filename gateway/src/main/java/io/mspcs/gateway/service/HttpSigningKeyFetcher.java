package io.mspcs.gateway.service;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;

/**
 * Fetches ConnectWise signing keys over HTTP: a plain GET of the key URL, no redirects (the host was checked, a
 * redirect could lead anywhere), 5 s at most; the answer is {@code {"signing_key": "…"}}.
 */
@ApplicationScoped
public class HttpSigningKeyFetcher implements SigningKeyFetcher {

    private final WebClient client;

    public HttpSigningKeyFetcher(Vertx vertx) {
        this.client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false).setConnectTimeout(5_000));
    }

    @Override
    public Uni<String> fetch(URI keyUrl) {
        return Uni.createFrom().completionStage(() -> client.getAbs(keyUrl.toString()).timeout(5_000)
                        .putHeader("Accept", "application/json").send().toCompletionStage())
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("the key URL answered " + response.statusCode());
                    }
                    JsonObject body = response.bodyAsJsonObject();
                    String key = body == null ? null : body.getString("signing_key");
                    if (key == null || key.isBlank()) {
                        throw new IllegalStateException("the key URL gave no signing_key");
                    }
                    return key;
                });
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
