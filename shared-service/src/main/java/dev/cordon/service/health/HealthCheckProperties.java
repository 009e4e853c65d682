package dev.cordon.service.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long health checks may take, the same on both sides; each application.yml maps the environment variables.
 *
 * @param checkTimeout how long a health request waits for a check that has not answered (the checks of one request
 *                     run side by side, so this bounds the whole answer); an unanswered check reports its
 *                     {@link UnansweredStatus} (a database: DOWN) and goes on in the background
 * @param cacheFor     how long a check's answer is reused, so that a burst of probes runs each check once
 */
@ConfigurationProperties("cordon.health")
public record HealthCheckProperties(@DefaultValue("600ms") Duration checkTimeout,
                                    @DefaultValue("1s") Duration cacheFor) {
}
