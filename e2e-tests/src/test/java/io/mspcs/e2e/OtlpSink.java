package io.mspcs.e2e;

import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * A stand-in OpenTelemetry collector: accepts OTLP/HTTP protobuf exports on loopback and keeps the raw bodies, so a
 * test can ask whether a trace id was exported (protobuf carries it as its 16 raw bytes).
 */
final class OtlpSink implements AutoCloseable {

    private final HttpServer server;
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();

    private OtlpSink(HttpServer server) {
        this.server = server;
    }

    static OtlpSink start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            OtlpSink sink = new OtlpSink(server);
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                    body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
                }
                sink.bodies.add(body);
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse
                exchange.close();
            });
            server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "otlp-sink");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return sink;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    boolean received(String traceIdHex) {
        byte[] traceId = HexFormat.of().parseHex(traceIdHex);
        return bodies.stream().anyMatch(body -> contains(body, traceId));
    }

    private static boolean contains(byte[] body, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= body.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (body[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
