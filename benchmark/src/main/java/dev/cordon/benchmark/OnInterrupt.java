package dev.cordon.benchmark;

/**
 * Clean-up for Ctrl-C, which ends the JVM without running {@code finally} blocks: a shutdown hook while open, removed
 * again on close, when the ordinary clean-up has run.
 */
final class OnInterrupt implements AutoCloseable {

    private final Thread hook;

    OnInterrupt(Runnable cleanUp) {
        hook = new Thread(cleanUp, "benchmark-clean-up");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Shutting down already: the hook runs.
        }
    }
}
