package dev.cordon.standalone.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every {@code cordon.standalone.*} setting; the defaults and their environment variables are in
 * application.yml.
 *
 * @param dataDir         where the database, the broker's log and the logs live (relative: to the working directory)
 * @param home            where the programs the launcher starts are; unset: {@code cordon/} next to its jar
 * @param database        an external database instead of the embedded one
 * @param kafka           an external broker instead of the child one
 * @param seedDemoDevices whether the command side registers the demo devices on start
 * @param agentSimulation whether a simulated device agent carries out the demo devices' actions
 * @param startupTimeout  how long each child may take to become ready
 * @param stopTimeout     how long each child may take to stop after SIGTERM before it is killed
 * @param javaOptions     JVM options of the two services
 * @param restart         how a child that died is started again
 * @param disk            the data directory's free space that Cordon needs
 * @param logs            how large the logs in data/logs may grow
 */
@ConfigurationProperties(prefix = "cordon.standalone")
public record StandaloneProperties(Path dataDir, Path home, Database database, Kafka kafka, boolean seedDemoDevices,
        boolean agentSimulation, Duration startupTimeout, Duration stopTimeout, List<String> javaOptions,
        Restart restart, Disk disk, Logs logs) {

    /**
     * @param initialDelay the wait before the first restart, doubled after each death that follows soon after
     * @param maxDelay     the longest wait
     * @param stableAfter  a child that ran this long without dying starts again from the initial delay
     */
    public record Restart(Duration initialDelay, Duration maxDelay, Duration stableAfter) {
    }

    /**
     * @param degradedBelow health says DEGRADED below this much free space in the data directory
     * @param downBelow     DOWN below this: commands are refused (503), a start fails, and no child is restarted
     * @param checkInterval how often the free space is looked at while Cordon runs
     */
    public record Disk(DataSize degradedBelow, DataSize downBelow, Duration checkInterval) {
    }

    /**
     * @param maxFileSize  each log file of a child (the services', the broker's) is rolled over at this size
     * @param totalSizeCap the rolled-over files of one child are deleted, oldest first, beyond this
     */
    public record Logs(DataSize maxFileSize, DataSize totalSizeCap) {
    }

    /**
     * @param url            a PostgreSQL server (any database on it) to use instead of the embedded H2 server
     * @param user           its user, allowed to create databases
     * @param password       its password
     * @param eventStoreName the command side's database (the event store)
     * @param queryName      the query side's database (the read models)
     */
    public record Database(String url, String user, String password, String eventStoreName, String queryName) {

        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * @param bootstrapServers a broker to use instead of starting one
     * @param javaOptions      JVM options of the broker the launcher starts
     * @param topic            the services' topic, the only one they may use on the broker the launcher starts
     * @param consumerGroup    the query side's consumer group, the only group it may use there
     */
    public record Kafka(String bootstrapServers, List<String> javaOptions, String topic, String consumerGroup) {

        public boolean external() {
            return bootstrapServers != null && !bootstrapServers.isBlank();
        }
    }
}
