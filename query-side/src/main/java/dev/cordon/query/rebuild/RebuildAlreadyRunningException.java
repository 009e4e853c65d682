package dev.cordon.query.rebuild;

/** One rebuild at a time: a second one is refused while the first runs. */
public class RebuildAlreadyRunningException extends RuntimeException {

    private final RebuildStatus running;

    public RebuildAlreadyRunningException(RebuildStatus running) {
        super("Read-model rebuild " + running.id() + " is " + running.phase().value() + "; one rebuild runs at a time");
        this.running = running;
    }

    public RebuildStatus running() {
        return running;
    }
}
