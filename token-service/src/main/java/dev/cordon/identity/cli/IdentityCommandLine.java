package dev.cordon.identity.cli;

import dev.cordon.identity.store.ClientEntry;
import dev.cordon.identity.store.ClientRegistry;
import dev.cordon.identity.store.NewClient;
import dev.cordon.identity.store.SigningKeys;
import dev.cordon.service.security.Permission;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code clients add NAME PERMISSION... | add-agent MACHINE_ID... | list | remove NAME}, {@code users ...} (see
 * {@link UserCommands}) and {@code keys rotate}: the built-in token service's clients, users and keys, on its files,
 * whether or not it runs (it reads a change at its next request). The identity directory is
 * {@code CORDON_IDENTITY_DIRECTORY}, else {@code ./data/identity}.
 */
public final class IdentityCommandLine {

    private static final String USAGE = """
            usage: clients add NAME PERMISSION... [--groups G1,G2]
                                                      a client for a playbook or tool; prints its id and secret once;
                                                      with --groups, its tokens cover those device groups only
                   clients add-agent MACHINE_ID...    a device agent's client per machine, bound to it
                   clients list
                   clients remove NAME|CLIENT_ID      new tokens are refused at once; issued ones expire within
                                                      their lifetime (one hour by default)
                   keys rotate                        a new signing key; the old one stays valid until its tokens expire
            %s
            permissions: %s""";

    /** Not for users: the standalone launcher's start-up step (StandaloneSetup), which answers JSON. */
    static final String STANDALONE_SETUP = "standalone-setup";

    private IdentityCommandLine() {
    }

    public static boolean handles(String command) {
        return command.equals("clients") || command.equals("users") || command.equals("keys")
                || command.equals(STANDALONE_SETUP);
    }

    /** @return the exit code */
    public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, directory(), Duration.parse(System.getenv().getOrDefault("CORDON_IDENTITY_TOKEN_LIFETIME_ISO",
                "PT1H")), in, out, err);
    }

    public static int run(List<String> args, Path directory, Duration tokenLifetime, InputStream in, PrintStream out,
                          PrintStream err) {
        try {
            String area = args.isEmpty() ? "" : args.get(0);
            String command = args.size() < 2 ? "" : args.get(1);
            List<String> rest = args.size() < 3 ? List.of() : args.subList(2, args.size());
            if (area.equals(STANDALONE_SETUP)) {
                out.println(StandaloneSetup.run(directory, args.contains(StandaloneSetup.DEMO_ANALYST_OPTION)));
                return 0;
            }
            if (area.equals("users")) {
                return UserCommands.run(directory, command, rest, () -> stdinLine(in), out, err);
            }
            if (area.equals("keys") && command.equals("rotate") && rest.isEmpty()) {
                String kid = new SigningKeys(directory, Clock.systemUTC()).rotate(tokenLifetime);
                out.println("New signing key " + kid + "; tokens signed with the previous one stay valid until they"
                        + " expire (" + tokenLifetime + ").");
                return 0;
            }
            if (!area.equals("clients")) {
                return usage(err);
            }
            ClientRegistry clients = new ClientRegistry(directory, Clock.systemUTC());
            return switch (command) {
                case "add" -> add(clients, rest, out, err);
                case "add-agent" -> rest.isEmpty() ? usage(err) : addAgents(clients, rest, out);
                case "list" -> list(clients, out);
                case "remove" -> rest.size() == 1 ? remove(clients, rest.get(0), out, err) : usage(err);
                default -> usage(err);
            };
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private static int add(ClientRegistry clients, List<String> rest, PrintStream out, PrintStream err) {
        if (rest.size() < 2) {
            return usage(err);
        }
        List<String> permissions = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<String> names = new ArrayList<>(rest.subList(1, rest.size()));
        int option = names.indexOf("--groups");
        if (option >= 0) {
            if (option + 1 >= names.size()) {
                return usage(err);
            }
            groups.addAll(UserCommands.groups(names.get(option + 1)));
            names.remove(option + 1);
            names.remove(option);
        }
        if (names.isEmpty()) {
            return usage(err);
        }
        for (String name : names) {
            Permission permission = Permission.ofClaimValue(name).filter(p -> p != Permission.AGENT)
                    .orElseThrow(() -> new IllegalArgumentException("Unknown permission '" + name + "'; one of "
                            + applicationPermissions()));
            permissions.add(permission.claimValue());
        }
        return printed(clients.add(UUID.randomUUID().toString(), rest.get(0), permissions, groups, null), out);
    }

    /**
     * One agent's client per machine, each bound to it. Several at once, for a fleet's rollout (one start of this
     * command line instead of one per device): each block then begins with its machine id.
     */
    private static int addAgents(ClientRegistry clients, List<String> machineIds, PrintStream out) {
        // All or none: a machine named twice, or one that has its agent already, is refused before any is added.
        Set<String> named = new HashSet<>();
        for (String machineId : machineIds) {
            if (!named.add(machineId)) {
                throw new IllegalArgumentException("Machine '" + machineId + "' is named twice; no agent was added");
            }
            if (clients.byName("agent-" + machineId).isPresent()) {
                throw new IllegalArgumentException("A client named 'agent-" + machineId
                        + "' exists already; no agent was added");
            }
        }
        if (machineIds.size() == 1) {
            return printed(agent(clients, machineIds.get(0)), out);
        }
        for (String machineId : machineIds) {
            NewClient client = agent(clients, machineId);
            out.println("machine_id:    " + machineId);
            out.println("client_id:     " + client.entry().clientId());
            out.println("client_secret: " + client.clientSecret());
        }
        out.println("The secrets are shown this once and stored only as hashes: keep them now.");
        return 0;
    }

    private static NewClient agent(ClientRegistry clients, String machineId) {
        return clients.add("agent-" + machineId, List.of(Permission.AGENT.claimValue()), machineId);
    }

    private static int printed(NewClient client, PrintStream out) {
        out.println("client_id:     " + client.entry().clientId());
        out.println("client_secret: " + client.clientSecret());
        out.println("The secret is shown this once and stored only as a hash: keep it now.");
        return 0;
    }

    private static int list(ClientRegistry clients, PrintStream out) {
        for (ClientEntry client : clients.all()) {
            out.println(client.clientId() + "  " + client.name() + "  " + String.join(" ", client.permissions())
                    + (client.machineId() == null ? "" : "  machine " + client.machineId())
                    + (client.deviceGroups().isEmpty() ? "" : "  device groups " + String.join(", ",
                    client.deviceGroups()))
                    + "  created " + client.createdAt());
        }
        return 0;
    }

    private static int remove(ClientRegistry clients, String which, PrintStream out, PrintStream err) {
        if (!clients.remove(which)) {
            err.println("No client named or with id '" + which + "'");
            return 1;
        }
        out.println("Removed " + which + ": it gets no new token; a token it holds expires within its lifetime.");
        return 0;
    }

    private static int usage(PrintStream err) {
        err.println(usageText());
        return 2;
    }

    static String usageText() {
        return USAGE.formatted(UserCommands.USAGE.stripTrailing(), applicationPermissions());
    }

    private static String applicationPermissions() {
        return Arrays.stream(Permission.values()).filter(p -> p != Permission.AGENT).map(Permission::claimValue)
                .collect(Collectors.joining(" "));
    }

    /** The first line of standard input, without its line end: a password piped in, never echoed. */
    private static String stdinLine(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(4096);
            String text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            String line = end < 0 ? text : text.substring(0, end);
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the password from standard input", e);
        }
    }

    private static Path directory() {
        return Path.of(System.getenv().getOrDefault("CORDON_IDENTITY_DIRECTORY", "data/identity"));
    }
}
