package dev.cordon.service.error;

import java.io.IOException;
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
        return Causes.first(failure, ClientsThatLeft::left).isPresent();
    }

    private static boolean left(Throwable t) {
        return TYPES.contains(t.getClass().getName()) || t instanceof IOException && t.getMessage() != null
                && (t.getMessage().contains("Broken pipe") || t.getMessage().contains("Connection reset by peer"));
    }
}
