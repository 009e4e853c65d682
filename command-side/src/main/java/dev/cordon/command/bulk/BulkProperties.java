package dev.cordon.command.bulk;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cordon.bulk.*}; defaults with their environment variables in application.yml.
 *
 * @param dispatchThreads how many of a replica's target commands run at once, over all its bulks
 * @param lease           how long a replica's claim on a bulk lasts without progress; after it another replica (or
 *                        this one, restarted) resumes the dispatch
 * @param resumeInterval  how often a replica looks for bulks whose lease ran out
 */
@ConfigurationProperties(prefix = "cordon.bulk")
public record BulkProperties(int dispatchThreads, Duration lease, Duration resumeInterval) {

    public BulkProperties {
        if (dispatchThreads < 1) {
            throw new IllegalArgumentException("cordon.bulk.dispatch-threads must be at least 1, was "
                    + dispatchThreads);
        }
    }
}
