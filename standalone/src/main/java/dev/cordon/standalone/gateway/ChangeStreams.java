package dev.cordon.standalone.gateway;

import dev.cordon.service.routing.ApiVersions;
import java.util.concurrent.Semaphore;

/**
 * The change streams open through the gateway, bounded on their own: they last for hours, so without a bound of
 * their own a few hundred of them would take every slot the ordinary requests need.
 */
final class ChangeStreams {

    private final Semaphore open;

    ChangeStreams(int limit) {
        this.open = new Semaphore(limit);
    }

    /** The API's stream and the dashboard's, which the query side serves from the same feed. */
    static boolean isChangeStream(String method, String path) {
        return method.equals("GET")
                && (ApiVersions.unversioned(path).equals("/api/changes") || path.equals("/dashboard/api/changes"));
    }

    /** @return whether one more may open; if so, {@link #close} must follow once */
    boolean tryOpen() {
        return open.tryAcquire();
    }

    void close() {
        open.release();
    }
}
