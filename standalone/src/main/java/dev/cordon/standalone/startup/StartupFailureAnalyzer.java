package dev.cordon.standalone.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A failed start is reported as what failed and which log to read, not as a stack trace. */
class StartupFailureAnalyzer extends AbstractFailureAnalyzer<StartupFailedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupFailedException cause) {
        String action = cause.log() != null
                ? "Read " + cause.log() + ". Everything the launcher had started has been stopped."
                : "Everything the launcher had started has been stopped.";
        return new FailureAnalysis(cause.getMessage(), action, cause);
    }
}
