package dev.cordon.query.changes;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The change feed ({@code GET /api/changes}); application.yml maps the environment variables onto these defaults.
 *
 * @param heartbeat      how often an idle stream gets a comment line: keeps proxies from closing it, and a write
 *                       to a client that went away fails, which removes it
 * @param maxSubscribers open streams per instance; beyond, a new one is answered 503 ServiceUnavailable
 */
@ConfigurationProperties("cordon.query.changes")
public record ChangesProperties(
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("500") int maxSubscribers) {
}
