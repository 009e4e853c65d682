package dev.cordon.benchmark.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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

/**
 * The standalone launcher as {@code ./cordon.sh run} starts it ({@code java -Xmx256m -XX:+UseSerialGC -jar
 * cordon.jar}), in a working directory of its own; stopped with SIGINT as Ctrl-C does, and killed by PID, children
 * first, if it does not stop.
 */
public final class StandaloneLauncher implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("Cordon is ready at (\\S+)");
    private static final Pattern TOKEN_URL = Pattern.compile("TOKEN=\\$\\(curl -s (\\S+/oauth2/v2\\.0/token) ");
    private static final Pattern CLIENT_ID = Pattern.compile("(?m)^client_id:\\s+(\\S+)$");
    private static final Pattern CLIENT_SECRET = Pattern.compile("(?m)^client_secret:\\s+(\\S+)$");

    private final Process process;
    private final Path jar;
    private final Path output;
    private final Path workingDirectory;

    private StandaloneLauncher(Process process, Path jar, Path output, Path workingDirectory) {
        this.process = process;
        this.jar = jar;
        this.output = output;
        this.workingDirectory = workingDirectory;
    }

    public static StandaloneLauncher start(Path jar, Path workingDirectory, Map<String, String> environment) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The launcher jar " + jar + " is missing; build it first"
                    + " (./cordon.sh bench does)");
        }
        Path output = workingDirectory.resolve("launcher.out");
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT", java(), "-Xmx256m",
                "-XX:+UseSerialGC", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("CORDON_PORT", Integer.toString(freePort()));
        try {
            return new StandaloneLauncher(builder.start(), jar, output, workingDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            String text = output();
            Matcher ready = READY.matcher(text);
            if (ready.find() && text.contains("Logs: ")) {
                return URI.create(ready.group(1));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The launcher exited with " + process.exitValue() + ":\n" + text);
            }
            sleep(250);
        }
        throw new IllegalStateException("The launcher was not ready within " + timeout + ":\n" + output());
    }

    /** The token endpoint the start message names. */
    public URI tokenUrl() {
        Matcher matcher = TOKEN_URL.matcher(output());
        if (!matcher.find()) {
            throw new IllegalStateException("No token URL in the start message:\n" + output());
        }
        return URI.create(matcher.group(1));
    }

    /**
     * A client of the built-in token service for the benchmark, made with {@code ./cordon.sh clients add}'s command
     * line: the quick-start client may not register devices, and the benchmark needs thousands of fresh ones.
     */
    public ClientSecret addClient(String name, String... permissions) {
        List<String> args = new ArrayList<>(List.of("clients", "add", name));
        args.addAll(List.of(permissions));
        List<ClientSecret> made = clients(args);
        if (made.size() != 1) {
            throw new IllegalStateException("clients add printed " + made.size() + " clients");
        }
        return made.get(0);
    }

    /** A device agent's client per machine ({@code clients add-agent MACHINE_ID...}, one start), in their order. */
    public List<ClientSecret> addAgents(List<String> machineIds) {
        List<String> args = new ArrayList<>(List.of("clients", "add-agent"));
        args.addAll(machineIds);
        List<ClientSecret> made = clients(args);
        if (made.size() != machineIds.size()) {
            throw new IllegalStateException("clients add-agent printed " + made.size() + " clients for "
                    + machineIds.size() + " machines");
        }
        return made;
    }

    /** The token service's command line on this launcher's identity directory: the clients it printed, in order. */
    private List<ClientSecret> clients(List<String> args) {
        Path tokenService = jar.resolveSibling("cordon").resolve("token-service.jar");
        List<String> command = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
                tokenService.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CORDON_IDENTITY_DIRECTORY", workingDirectory.resolve("data/identity").toString());
        try {
            Process cli = builder.start();
            String printed = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!cli.waitFor(5, TimeUnit.MINUTES) || cli.exitValue() != 0) {
                cli.destroyForcibly();
                throw new IllegalStateException(String.join(" ", args.subList(0, 2)) + " failed:\n" + printed);
            }
            List<ClientSecret> made = new ArrayList<>();
            Matcher id = CLIENT_ID.matcher(printed);
            Matcher secret = CLIENT_SECRET.matcher(printed);
            while (id.find()) {
                if (!secret.find()) {
                    throw new IllegalStateException("A client without its secret:\n" + printed);
                }
                made.add(new ClientSecret(id.group(1), secret.group(1)));
            }
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        if (process.isAlive()) {
            try {
                new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
                process.waitFor(60, TimeUnit.SECONDS);
            } catch (IOException e) {
                // Killed below.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record ClientSecret(String clientId, String clientSecret) {
    }
}
