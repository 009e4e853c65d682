package dev.cordon.standalone.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's protections against clients that hold it; the defaults and their environment variables are in
 * application.yml.
 *
 * @param maxBodySize       a larger request body is refused with 413; at most the services' own
 *                          {@code max-swallow-size} (Tomcat's 2 MB), so that a service's early 400 on an invalid
 *                          body always reaches the gateway instead of a reset connection
 * @param bodyTimeout       the whole request body must have arrived within this, else 408
 * @param perClientRequests requests one remote address may have in flight at once (bodies arriving, answers being
 *                          relayed, open change streams), beyond it 429
 * @param changeStreams     change streams ({@code /api/changes}, {@code /dashboard/api/changes}) open through the
 *                          gateway at once, beyond it 503; below the query side's own limit so that the gateway
 *                          refuses first, in one place
 * @param perClientConnections connections one remote address may have open at once, idle ones included; one more is
 *                          closed as it is accepted
 */
@ConfigurationProperties(prefix = "cordon.standalone.gateway")
public record GatewayProperties(DataSize maxBodySize, Duration bodyTimeout, int perClientRequests, int changeStreams,
        int perClientConnections) {

    public GatewayProperties {
        if (maxBodySize == null) {
            maxBodySize = DataSize.ofMegabytes(2);
        }
        if (bodyTimeout == null) {
            bodyTimeout = Duration.ofSeconds(30);
        }
        if (perClientRequests <= 0) {
            perClientRequests = 128;
        }
        if (changeStreams <= 0) {
            changeStreams = 256;
        }
        if (perClientConnections <= 0) {
            perClientConnections = 256;
        }
    }

    public static GatewayProperties defaults() {
        return new GatewayProperties(null, null, 0, 0, 0);
    }
}
