package dev.cordon.standalone.startup;

import java.nio.file.Path;

/** Cordon could not start; the message says what, the log (if any) says why. */
public class StartupFailedException extends RuntimeException {

    private final transient Path log;

    public StartupFailedException(String message, Path log) {
        super(log == null ? message : message + "; see " + log);
        this.log = log;
    }

    public Path log() {
        return log;
    }
}
