package io.mspcs.platformtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The local launcher's broker when no Kafka distribution is installed: the in-JVM KRaft broker as a process.
 * Writes its bootstrap address to {@code <run-dir>/kafka.bootstrap} once the topics exist.
 * Usage: {@code LocalKafkaMain --run-dir DIR [--partitions N]}
 */
public final class LocalKafkaMain {

    private LocalKafkaMain() {
    }

    public static void main(String[] args) throws Exception {
        Path runDir = Path.of(option(args, "--run-dir", "deploy/local/.run"));
        int partitions = Integer.parseInt(option(args, "--partitions", "3"));
        InJvmKafka kafka = InJvmKafka.start(partitions);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                kafka.close();
            } catch (Exception ignored) {
                // exiting anyway
            }
            stopped.countDown();
        }));
        Files.createDirectories(runDir);
        Path file = runDir.resolve("kafka.bootstrap");
        Path partial = runDir.resolve("kafka.bootstrap.tmp");
        Files.writeString(partial, kafka.bootstrapServers());
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.out.println("kafka started at " + kafka.bootstrapServers());
        stopped.await();
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
