package dev.cordon.standalone.kafka;

import dev.cordon.standalone.config.StandaloneProperties;
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
     * A broker that serves, at {@code bootstrapServers}, the services that log in with their {@code credentials}, and
     * how to start it again after it died.
     */
    public record Running(ChildProcess process, String bootstrapServers, BrokerCredentials credentials,
                          Launch launch) {
    }

    /**
     * The broker's command line: run again, it serves on the same ports from the same storage, with the same users
     * and grants (kept in its metadata), so the services reconnect by themselves.
     */
    public static final class Launch {

        private final String name;
        private final List<String> command;
        private final Path output;
        private final Path log;
        private final Duration timeout;
        private volatile long logOffset;

        /**
         * @param output where the JVM's stdout goes ({@link #outputBeside}); {@code log} is the broker's own log
         */
        public Launch(String name, List<String> command, Path output, Path log, Duration timeout) {
            this.name = name;
            this.command = command;
            this.output = output;
            this.log = log;
            this.timeout = timeout;
        }

        public ChildProcess start() {
            logOffset = sizeOf(log);
            return ChildProcess.start(name, command, Map.of(), output, log);
        }

        /** Until this start has logged that it serves. */
        public void awaitReady(ChildProcess broker) {
            KafkaBroker.awaitReady(broker, log, logOffset, timeout);
        }
    }

    /**
     * Starts the broker and waits until it serves.
     *
     * @param topic         the one topic the services may use
     * @param consumerGroup the query side's consumer group
     * @param logFile       the broker's log, rolled over within {@code logs}; its stdout goes to a .out file beside it
     * @param started       told of the process as soon as it exists, so that a stop during start-up finds it
     */
    public static Running start(Path libDir, Path watchdogAgent, List<String> javaOptions, Path dataDir,
            Path logFile, StandaloneProperties.Logs logs, Duration timeout, String topic, String consumerGroup,
            Consumer<ChildProcess> started) {
        Path output = outputBeside(logFile);
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
            format(classpath, properties, output, timeout);
        }
        List<String> options = new ArrayList<>(javaOptions);
        options.addAll(logOptions(log4j, logFile, logs));
        Launch launch = new Launch("Kafka broker", JavaCommand.of(options, watchdogAgent,
                List.of("-cp", classpath, "kafka.Kafka", properties.toString())), output, logFile, timeout);
        ChildProcess broker = launch.start();
        started.accept(broker);
        launch.awaitReady(broker);
        BrokerAccess.grant(config, topic, consumerGroup, timeout, logFile);
        return new Running(broker, config.bootstrapServers(), config.credentials(), launch);
    }

    /** The JVM's own output of a broker logging to {@code logFile}: kafka.log's is kafka.out. */
    public static Path outputBeside(Path logFile) {
        return logFile.resolveSibling(logFile.getFileName().toString().replaceFirst("\\.log$", "") + ".out");
    }

    /** The system properties the broker's log4j2.properties reads: its log file, rolled over within {@code logs}. */
    public static List<String> logOptions(Path log4jConfig, Path logFile, StandaloneProperties.Logs logs) {
        long fileSize = logs.maxFileSize().toBytes();
        // The rolled-over files (kafka.log.1, ...) within the total cap; at least one, so a rollover keeps the latest.
        return List.of("-Dlog4j2.configurationFile=" + log4jConfig, "-Dcordon.kafka.log=" + logFile,
                "-Dcordon.kafka.log.max-file-size=" + fileSize,
                "-Dcordon.kafka.log.max-files=" + Math.max(1, logs.totalSizeCap().toBytes() / fileSize));
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

    public static void awaitReady(ChildProcess broker, Path log, long logOffset, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!broker.isAlive()) {
                throw new StartupFailedException("The Kafka broker exited during start-up (exit "
                        + broker.exitValue() + ")", broker.log());
            }
            if (logContains(log, logOffset, READY)) {
                return;
            }
            sleep(100);
        }
        throw new StartupFailedException("The Kafka broker was not ready within " + timeout, broker.log());
    }

    /**
     * Only what this start wrote: the log is appended to, and an earlier start's line must not count. A log shorter
     * than the offset was rolled over since: all of it is this start's.
     */
    static boolean logContains(Path logFile, long fromOffset, String text) {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long from = file.length() < fromOffset ? 0 : fromOffset;
            if (file.length() == from) {
                return false;
            }
            file.seek(from);
            byte[] bytes = new byte[(int) Math.min(file.length() - from, 16 * 1024 * 1024)];
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
