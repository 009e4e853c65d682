package dev.cordon.standalone.watchdog;

import java.util.Optional;

/**
 * A Java agent for the launcher's children: when the launcher's process is gone - also after a kill -9, when it
 * could not stop them - the child exits, running its own shutdown hooks. Without it the services and the broker
 * would linger holding the data directory and their ports. Off unless the launcher attaches it; depends on
 * nothing but the JDK, so it fits any child's classpath.
 */
public final class ParentWatchdog {

    private ParentWatchdog() {
    }

    /** @param agentArgs the launcher's PID */
    public static void premain(String agentArgs) {
        long parent = Long.parseLong(agentArgs.trim());
        watch(parent, () -> {
            System.err.println("[cordon] the launcher (PID " + parent + ") is gone; exiting");
            System.exit(1);
        });
    }

    /** Runs {@code whenGone} once the process is gone (at once if it is already); the JDK polls for it. */
    static void watch(long pid, Runnable whenGone) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            runDetached(whenGone);
            return;
        }
        handle.get().onExit().thenRun(() -> runDetached(whenGone));
    }

    /** Not on the JDK's reaper thread or the agent's: System.exit waits for shutdown hooks that may need either. */
    private static void runDetached(Runnable action) {
        Thread thread = new Thread(action, "cordon-parent-watchdog");
        thread.setDaemon(false);
        thread.start();
    }
}
