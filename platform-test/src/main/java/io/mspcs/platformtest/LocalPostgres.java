package io.mspcs.platformtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The private PostgreSQL cluster of {@code platform-test/bin/pg-cluster.sh} (port 55432 by default): started by CI
 * before Maven, or here when its port is closed, so {@code ./mvnw verify} works on a developer machine as well.
 */
public final class LocalPostgres implements PostgresEndpoint {

    static final String PASSWORD = "cs-dev";

    private final int port;
    private final Path script;
    private final Set<String> ensured = ConcurrentHashMap.newKeySet();

    private LocalPostgres(int port, Path script) {
        this.port = port;
        this.script = script;
    }

    public static LocalPostgres startIfNeeded() {
        int port = Integer.getInteger("cs.pg.port", 55432);
        LocalPostgres pg = new LocalPostgres(port, findScript());
        if (!isOpen(port)) {
            pg.run("start");
        }
        return pg;
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void ensureDatabase(String database, String service) {
        if (ensured.add(database)) {
            run("ensure-db", database, service);
        }
    }

    @Override
    public String user(String service) {
        return service + "_owner";
    }

    @Override
    public String appUser(String service) {
        return service + "_app";
    }

    @Override
    public String password() {
        return PASSWORD;
    }

    private void run(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("CS_PG_PORT", Integer.toString(port));
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("pg-cluster.sh " + String.join(" ", args) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Walks up from the working directory (a module) to the repository's copy of the script. */
    private static Path findScript() {
        String configured = System.getProperty("cs.pg.script");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("platform-test/bin/pg-cluster.sh");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("platform-test/bin/pg-cluster.sh not found above " + Path.of("").toAbsolutePath());
    }

    static boolean isOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
