package dev.cordon.standalone.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a child JVM: the launcher's own Java, the given options, and the parent watchdog. */
public final class JavaCommand {

    private JavaCommand() {
    }

    /**
     * @param watchdogAgent the agent that ends the child when the launcher is gone, even after a kill -9
     * @param tail          {@code -jar x.jar ...} or {@code -cp ... Main ...}
     */
    public static List<String> of(List<String> options, Path watchdogAgent, List<String> tail) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("-javaagent:" + watchdogAgent + "=" + ProcessHandle.current().pid());
        command.addAll(tail);
        return command;
    }
}
