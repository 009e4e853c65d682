package dev.cordon.standalone.run;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The launcher as a user starts it: {@code java -jar cordon.jar} in a working directory, nothing else. */
public final class LauncherProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("Cordon is ready at (\\S+)");
    /** "Dashboard sign-in (shown once): user admin (Administrator), password ..." and the demo analyst's line. */
    private static final Pattern SIGN_IN = Pattern.compile(
            "(?m)^[A-Za-z -]+ \\(shown once\\): user (\\S+) \\([A-Za-z]+\\), password (\\S+)$");
    private static final Pattern PASSWORD = Pattern.compile("(?m)^Password \\(shown once\\): (\\S+)$");
    /**
     * As {@code cordon.sh run} does: a build started in the background (as CI may) passes SIGINT down ignored,
     * and the launcher, like any JVM, could then not be stopped with it; a terminal never starts it so.
     */
    private static final List<String> RESTORE_SIGINT = restoreSigint();

    private final Process process;
    private final Path output;
    private final Instant started;
    private final Path workingDirectory;

    private LauncherProcess(Process process, Path output, Instant started, Path workingDirectory) {
        this.process = process;
        this.output = output;
        this.started = started;
        this.workingDirectory = workingDirectory;
    }

    public static LauncherProcess start(Path workingDirectory, Map<String, String> environment, String outputName) {
        String jar = System.getProperty("cordon.standalone.jar");
        if (jar == null || !new File(jar).isFile()) {
            throw new IllegalStateException("The launcher jar was not found (" + jar + "); run mvn verify");
        }
        Path output = workingDirectory.resolve(outputName);
        List<String> command = new ArrayList<>(RESTORE_SIGINT);
        // The JVM options cordon.sh run starts it with (the serial GC), and C1 only: the launcher's own work is its
        // start-up and proxying a test's few requests, so the C2 compiler would only take CPU from its services.
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        try {
            Instant started = Instant.now();
            return new LauncherProcess(builder.start(), output, started, workingDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> restoreSigint() {
        try {
            Process probe = new ProcessBuilder("env", "--default-signal=INT", "true").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor() == 0 ? List.of("env", "--default-signal=INT") : List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    public long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** @return how long the start took, until the ready message */
    public Duration awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            String text = output();
            if (READY.matcher(text).find() && text.contains("Logs: ")) {
                return Duration.between(started, Instant.now());
            }
            if (!process.isAlive()) {
                throw new AssertionError("The launcher exited with " + process.exitValue() + ":\n" + text);
            }
            sleep(200);
        }
        throw new AssertionError("The launcher was not ready within " + timeout + ":\n" + output());
    }

    void awaitOutput(String text, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!output().contains(text)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("No \"" + text + "\" from the launcher:\n" + output());
            }
            sleep(100);
        }
    }

    public URI baseUrl() {
        Matcher matcher = READY.matcher(output());
        if (!matcher.find()) {
            throw new AssertionError("No ready message:\n" + output());
        }
        return URI.create(matcher.group(1));
    }

    /** The lines of the ready message that start with {@code curl}, in order. */
    List<String> curlExamples() {
        List<String> examples = new ArrayList<>();
        for (String line : output().split("\n")) {
            if (line.trim().startsWith("curl ")) {
                examples.add(line.trim());
            }
        }
        return examples;
    }

    /** The start message's line that fetches a token into $TOKEN, for the curl examples after it. */
    String tokenCommand() {
        for (String line : output().split("\n")) {
            if (line.trim().startsWith("TOKEN=")) {
                return line.trim();
            }
        }
        throw new AssertionError("No TOKEN= line in the start message:\n" + output());
    }

    /** A token for the quick-start client, fetched by running the start message's TOKEN= line in a shell. */
    public String fetchToken() {
        try {
            Process shell = new ProcessBuilder("sh", "-c", tokenCommand() + " && printf %s \"$TOKEN\"")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String token = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (shell.waitFor() != 0 || token.isBlank()) {
                throw new AssertionError("The start message's TOKEN= line fetched no token: " + token);
            }
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The password the start message showed (once) for a user the setup made: {@code admin} or {@code analyst}. */
    public String userPassword(String name) {
        Matcher matcher = SIGN_IN.matcher(output());
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return matcher.group(2);
            }
        }
        throw new AssertionError("No sign-in line for " + name + " in the start message:\n" + output());
    }

    /**
     * {@code users add NAME --role ROLE [options]} on this launcher's data directory, as {@code ./cordon.sh users add}
     * runs it (the running token service reads the change at the next sign-in).
     *
     * @return the generated password it printed
     */
    public String addUser(String name, String role, String... options) {
        List<String> args = new ArrayList<>(List.of("users", "add", name, "--role", role));
        args.addAll(List.of(options));
        String printed = identityCommand(args);
        Matcher password = PASSWORD.matcher(printed);
        if (!password.find()) {
            throw new AssertionError("users add printed no password:\n" + printed);
        }
        return password.group(1);
    }

    /** The token service's command line ({@code clients ...}, {@code users ...}) on this launcher's data directory. */
    public String identityCommand(List<String> args) {
        Path tokenService = Path.of(System.getProperty("cordon.standalone.jar")).resolveSibling("cordon")
                .resolve("token-service.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", tokenService.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("CORDON_IDENTITY_DIRECTORY", workingDirectory.resolve("data").resolve("identity")
                .toString());
        try {
            Process cli = builder.start();
            String printed = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!cli.waitFor(60, TimeUnit.SECONDS) || cli.exitValue() != 0) {
                cli.destroyForcibly();
                throw new AssertionError(String.join(" ", args) + " failed:\n" + printed);
            }
            return printed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Every process the launcher started and that still runs (the broker, both services, ...). */
    public List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    /** What Ctrl-C does. Process.destroy() would send SIGTERM. */
    public void interrupt() {
        signal("-INT");
    }

    void kill() {
        signal("-KILL");
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new AssertionError("kill " + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** Whatever happened in the test, nothing it started stays behind: killed by PID, children first. */
    @Override
    public void close() {
        for (ProcessHandle child : descendants()) {
            child.destroyForcibly();
        }
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
