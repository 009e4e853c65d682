package dev.cordon.service.error;

import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a client that went away (a closed change stream, a caller that gave up) from a failure: writing to it fails
 * with a broken pipe or a reset, which Tomcat and Spring wrap (ClientAbortException, AsyncRequestNotUsableException).
 * Logged as ERROR with a stack trace, every dashboard tab closed filled the log. Types are matched by name: Tomcat is
 * an optional dependency of this module.
 */
final class ClientsThatLeft {

    private static final Set<String> TYPES = Set.of(
            "org.apache.catalina.connector.ClientAbortException",
            "org.springframework.web.context.request.async.AsyncRequestNotUsableException");

    private ClientsThatLeft() {
    }

    static boolean isOne(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (TYPES.contains(t.getClass().getName())) {
                return true;
            }
            if (t instanceof IOException && t.getMessage() != null
                    && (t.getMessage().contains("Broken pipe") || t.getMessage().contains("Connection reset by peer"))) {
                return true;
            }
        }
        return false;
    }
}
