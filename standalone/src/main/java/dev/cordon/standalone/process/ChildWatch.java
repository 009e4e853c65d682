package dev.cordon.standalone.process;

import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child that dies on its own takes Cordon down with it: half an engine (say, commands accepted but never
 * published) would look healthy at the base URL while silently going wrong.
 */
public final class ChildWatch {

    private static final Logger log = LoggerFactory.getLogger(ChildWatch.class);

    private ChildWatch() {
    }

    /**
     * @param stopping       true once the launcher itself is stopping its children (their exit is expected then)
     * @param stopEverything what to do otherwise
     */
    public static void watch(ChildProcess child, BooleanSupplier stopping, Runnable stopEverything) {
        child.process().onExit().thenRun(() -> {
            if (stopping.getAsBoolean()) {
                return;
            }
            log.error("The {} exited unexpectedly (exit {}); see {}. Stopping Cordon.", child.name(),
                    child.exitValue(), child.log());
            stopEverything.run();
        });
    }
}
