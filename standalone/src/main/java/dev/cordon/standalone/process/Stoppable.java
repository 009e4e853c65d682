package dev.cordon.standalone.process;

import java.time.Duration;

/** What the launcher stops when it stops: a child, or the supervisor that keeps one running. */
@FunctionalInterface
public interface Stoppable {

    /** SIGTERM and up to {@code timeout} to exit, then SIGKILL. */
    void stop(Duration timeout);
}
