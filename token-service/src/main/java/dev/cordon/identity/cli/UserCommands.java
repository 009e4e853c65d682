package dev.cordon.identity.cli;

import dev.cordon.identity.users.NewUser;
import dev.cordon.identity.users.UserEntry;
import dev.cordon.identity.users.UserRegistry;
import dev.cordon.service.security.CordonRole;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code users add NAME --role ROLE [--groups G1,G2] [--password-stdin] | list | remove NAME}: the people who sign in
 * to the dashboard. What {@code add} prints is parsed by the launcher's tests; keep its two lines as they are.
 */
final class UserCommands {

    static final String USAGE = """
                   users add NAME --role ROLE [--groups G1,G2] [--password-stdin]
                                                      a person who signs in to the dashboard; without --password-stdin
                                                      a strong password is generated and shown once
                   users list
                   users remove NAME                  cannot sign in from now on; its tokens expire within 10 minutes
            roles: %s""".formatted(Arrays.stream(CordonRole.values()).map(CordonRole::displayName)
            .collect(Collectors.joining(" ")));

    private UserCommands() {
    }

    static int run(Path directory, String command, List<String> rest, Supplier<String> stdin, PrintStream out,
                   PrintStream err) {
        UserRegistry users = new UserRegistry(directory, Clock.systemUTC());
        return switch (command) {
            case "add" -> add(users, rest, stdin, out, err);
            case "list" -> rest.isEmpty() ? list(users, out) : usage(err);
            case "remove" -> rest.size() == 1 ? remove(users, rest.get(0), out, err) : usage(err);
            default -> usage(err);
        };
    }

    private static int add(UserRegistry users, List<String> rest, Supplier<String> stdin, PrintStream out,
                           PrintStream err) {
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            return usage(err);
        }
        String name = rest.get(0);
        CordonRole role = null;
        List<String> groups = List.of();
        boolean passwordStdin = false;
        for (int i = 1; i < rest.size(); i++) {
            String option = rest.get(i);
            boolean hasValue = i + 1 < rest.size();
            switch (option) {
                case "--role" -> {
                    if (!hasValue) {
                        return usage(err);
                    }
                    String value = rest.get(++i);
                    role = Arrays.stream(CordonRole.values()).filter(r -> r.displayName().equalsIgnoreCase(value))
                            .findFirst().orElseThrow(() -> new IllegalArgumentException("Unknown role '" + value
                                    + "'; one of Viewer, Responder, Administrator"));
                }
                case "--groups" -> {
                    if (!hasValue) {
                        return usage(err);
                    }
                    groups = groups(rest.get(++i));
                }
                case "--password-stdin" -> passwordStdin = true;
                default -> {
                    return usage(err);
                }
            }
        }
        if (role == null) {
            err.println("Say which role: --role Viewer|Responder|Administrator");
            return 2;
        }
        NewUser user = users.add(name, role, groups, passwordStdin ? stdin.get() : null);
        out.println(added(user.entry()));
        if (user.password() != null) {
            out.println("Password (shown once): " + user.password());
        }
        return 0;
    }

    /** "User NAME added: role Responder, device groups Servers." */
    static String added(UserEntry user) {
        return "User " + user.name() + " added: role " + user.role().displayName() + ", " + user.groupsText() + ".";
    }

    private static int list(UserRegistry users, PrintStream out) {
        for (UserEntry user : users.all()) {
            out.println(user.name() + "  " + user.role().displayName() + "  " + user.groupsText() + "  created "
                    + user.createdAt());
        }
        return 0;
    }

    private static int remove(UserRegistry users, String name, PrintStream out, PrintStream err) {
        if (!users.remove(name)) {
            err.println("No user named '" + name + "'");
            return 1;
        }
        out.println("Removed user " + name + ": it cannot sign in from now on; a token it holds expires within its"
                + " lifetime (10 minutes).");
        return 0;
    }

    /** A comma-separated list of device group names. */
    static List<String> groups(String commaSeparated) {
        List<String> groups = new ArrayList<>();
        for (String group : commaSeparated.split(",", -1)) {
            if (group.isBlank()) {
                throw new IllegalArgumentException("A device group name is empty in '" + commaSeparated + "'");
            }
            groups.add(group.trim());
        }
        return groups;
    }

    private static int usage(PrintStream err) {
        err.println(IdentityCommandLine.usageText());
        return 2;
    }
}
