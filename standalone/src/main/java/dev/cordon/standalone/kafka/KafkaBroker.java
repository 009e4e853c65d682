package dev.cordon.standalone.kafka;

import dev.cordon.standalone.files.OwnerOnly;
import dev.cordon.standalone.process.ChildProcess;
import dev.cordon.standalone.process.FreePorts;
import dev.cordon.standalone.process.JavaCommand;
import dev.cordon.standalone.startup.StartupFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A real single-node Kafka broker (KRaft, Kafka 4.4) as a child process, from the jars the build put next to the
 * launcher. Its storage under {@code data/kafka} is formatted once and kept, with the topic and the query side's
 * committed offsets, across restarts.
 */
public final class KafkaBroker {

    static final String READY = "Kafka Server started";

    private KafkaBroker() {
    }

    /**
     * A broker that serves, at {@code bootstrapServers}, the services that log in with their {@code credentials}.
     */
    public record Running(ChildProcess process, String bootstrapServers, BrokerCredentials credentials) {
    }

    /**
     * Starts the broker and waits until it serves.
     *
     * @param topic         the one topic the services may use
     * @param consumerGroup the query side's consumer group
     * @param started       told of the process as soon as it exists, so that a stop during start-up finds it
     */
    public static Running start(Path libDir, Path watchdogAgent, List<String> javaOptions, Path dataDir,
            Path logFile, Duration timeout, String topic, String consumerGroup, Consumer<ChildProcess> started) {
        Path home = dataDir.resolve("kafka");
        Path properties = home.resolve("server.properties");
        Path log4j = home.resolve("log4j2.properties");
        BrokerConfig config;
        try {
            OwnerOnly.directory(home);
            int brokerPort = FreePorts.next();
            int internalPort = FreePorts.nextExcept(brokerPort);
            config = new BrokerConfig(brokerPort, internalPort, FreePorts.nextExcept(brokerPort, internalPort),
                    home.resolve("data"), BrokerCredentials.of(home));
            // Written by the launcher, whose umask is the user's: its owner's only before the admin password is in.
            for (Path written : List.of(properties, log4j)) {
                OwnerOnly.narrow(written);
            }
            Files.writeString(properties, config.serverProperties());
            try (InputStream in = KafkaBroker.class.getResourceAsStream("/kafka/log4j2.properties")) {
                Files.write(log4j, in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String classpath = libDir.resolve("*").toString();
        if (!Files.exists(config.logDirs().resolve("meta.properties"))) {
            format(classpath, properties, logFile, timeout);
        }
        long logOffset = sizeOf(logFile);
        List<String> options = new ArrayList<>(javaOptions);
        options.add("-Dlog4j2.configurationFile=" + log4j);
        ChildProcess broker = ChildProcess.start("Kafka broker", JavaCommand.of(options, watchdogAgent,
                List.of("-cp", classpath, "kafka.Kafka", properties.toString())), Map.of(), logFile);
        started.accept(broker);
        awaitReady(broker, logOffset, timeout);
        BrokerAccess.grant(config, topic, consumerGroup, timeout, logFile);
        return new Running(broker, config.bootstrapServers(), config.credentials());
    }

    /** Once per data directory: the cluster id is written into the storage, which the broker then checks. */
    private static void format(String classpath, Path properties, Path logFile, Duration timeout) {
        format(classpath, properties, clusterId(), logFile, timeout);
    }

    /** @param clusterId the same for every node of one cluster */
    public static void format(String classpath, Path properties, String clusterId, Path logFile, Duration timeout) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classpath, "kafka.tools.StorageTool", "format",
                "-t", clusterId, "-c", properties.toString());
        ChildProcess format = ChildProcess.start("Kafka storage format", command, Map.of(), logFile);
        try {
            if (!format.process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                format.stop(Duration.ZERO);
                throw new StartupFailedException("Formatting the Kafka storage did not finish", logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            format.stop(Duration.ZERO);
            throw new StartupFailedException("Interrupted while formatting the Kafka storage", logFile);
        }
        if (format.exitValue() != 0) {
            throw new StartupFailedException("Formatting the Kafka storage failed (exit " + format.exitValue() + ")",
                    logFile);
        }
    }

    /** Kafka's own format: 16 random bytes, URL-safe base64; never starting with '-', which would read as an option. */
    public static String clusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    public static void awaitReady(ChildProcess broker, long logOffset, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!broker.isAlive()) {
                throw new StartupFailedException("The Kafka broker exited during start-up (exit "
                        + broker.exitValue() + ")", broker.log());
            }
            if (logContains(broker.log(), logOffset, READY)) {
                return;
            }
            sleep(100);
        }
        throw new StartupFailedException("The Kafka broker was not ready within " + timeout, broker.log());
    }

    /** Only what this start wrote: the log is appended to, and an earlier start's line must not count. */
    static boolean logContains(Path logFile, long fromOffset, String text) {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            if (file.length() <= fromOffset) {
                return false;
            }
            file.seek(fromOffset);
            byte[] bytes = new byte[(int) Math.min(file.length() - fromOffset, 16 * 1024 * 1024)];
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    public static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailedException("Interrupted while waiting for the Kafka broker", null);
        }
    }
}
