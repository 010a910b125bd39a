package io.mspcs.gateway.rest;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A local webhook receiver on the one target the test profile exempts from the URL checks (127.0.0.1:38417). Each
 * test uses its own path, scripts the answers (default 200) and reads what arrived.
 */
final class WebhookReceiver {

    static final int PORT = 38417;
    private static WebhookReceiver shared;

    record Answer(int status, String retryAfter) {
    }

    record Received(String path, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, BlockingQueue<Received>> received = new ConcurrentHashMap<>();

    static synchronized WebhookReceiver shared() {
        if (shared == null) {
            shared = new WebhookReceiver();
        }
        return shared;
    }

    private WebhookReceiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                Map<String, String> headers = new ConcurrentHashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                queue(path).add(new Received(path, headers, body));
                Answer answer = scripts.getOrDefault(path, new ConcurrentLinkedDeque<>()).poll();
                if (answer == null) {
                    answer = new Answer(200, null);
                }
                if (answer.retryAfter() != null) {
                    exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
                }
                byte[] reply = ("answer " + answer.status()).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.status(), reply.length);
                exchange.getResponseBody().write(reply);
                exchange.close();
            });
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + PORT + path;
    }

    /** The next answers for this path, in order; afterwards 200. */
    void script(String path, Answer... answers) {
        scripts.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).addAll(List.of(answers));
    }

    /** Keeps answering this status on the path. */
    void always(String path, int status) {
        Deque<Answer> many = new ConcurrentLinkedDeque<>();
        for (int i = 0; i < 100; i++) {
            many.add(new Answer(status, null));
        }
        scripts.put(path, many);
    }

    Received next(String path, Duration within) throws InterruptedException {
        return queue(path).poll(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    List<Received> drained(String path) {
        List<Received> all = new ArrayList<>();
        queue(path).drainTo(all);
        return all;
    }

    private BlockingQueue<Received> queue(String path) {
        return received.computeIfAbsent(path, p -> new LinkedBlockingQueue<>());
    }
}
