package dev.cordon.service.error;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Walks a failure's cause chain, which Spring, Axon and Tomcat wrap in layers (and which may loop back on itself). */
final class Causes {

    private Causes() {
    }

    /** @return the first of {@code failure} and its causes that {@code test} accepts */
    static Optional<Throwable> first(Throwable failure, Predicate<Throwable> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (test.test(t)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
