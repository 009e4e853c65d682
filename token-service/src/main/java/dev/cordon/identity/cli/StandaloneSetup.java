package dev.cordon.identity.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.identity.server.DashboardClient;
import dev.cordon.identity.store.ClientRegistry;
import dev.cordon.identity.store.NewClient;
import dev.cordon.identity.store.OwnerOnlyFiles;
import dev.cordon.identity.store.SigningKeys;
import dev.cordon.identity.store.TenantId;
import dev.cordon.identity.users.NewUser;
import dev.cordon.identity.users.UserRegistry;
import dev.cordon.service.security.CordonRole;
import dev.cordon.service.security.Permission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the standalone launcher needs before it starts the token service, as one JSON line: the tenant id, the signing
 * key made on first start, the quick-start client's id and secret on the very first start only (printed once to the
 * user, never again: a removed quick-start client is not made again), and a fresh secret for the launcher's own client,
 * which reads the device list it prints. The launcher's secret is replaced on every start and kept nowhere.
 * <p>
 * For sign-in: the dashboard's client, whose secret is made once and kept in the clear, owner-only, because the query
 * side is given it at every start; the administrator {@code admin} on the very first start, and with the demo devices
 * the demo analyst, each with a generated password shown once (like the quick-start client, neither is made again
 * once removed).
 */
final class StandaloneSetup {

    static final String QUICK_START = "Cordon quick start";
    static final String LAUNCHER = "Cordon launcher";
    static final String ADMIN = "admin";
    static final String DEMO_ANALYST = "analyst";
    static final String DEMO_ANALYST_OPTION = "--demo-analyst";
    static final String DASHBOARD_SECRET_FILE = "dashboard-client-secret";
    private static final String QUICK_START_MADE = "quick-start-client-made";
    private static final String ADMIN_MADE = "admin-user-made";
    private static final String DEMO_ANALYST_MADE = "demo-analyst-made";

    private StandaloneSetup() {
    }

    static String run(Path directory, boolean demoAnalyst) {
        Clock clock = Clock.systemUTC();
        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("tenant", TenantId.of(directory));
        new SigningKeys(directory, clock).signing();
        ClientRegistry clients = new ClientRegistry(directory, clock);
        Path marker = directory.resolve(QUICK_START_MADE);
        if (!Files.exists(marker)) {
            NewClient quickStart = clients.add(QUICK_START, List.of(Permission.MACHINE_ISOLATE.claimValue(),
                    Permission.MACHINE_READ_ALL.claimValue()), null);
            write(marker, quickStart.entry().clientId());
            credentials(json.putObject("quickStart"), quickStart);
        }
        clients.remove(LAUNCHER);
        credentials(json.putObject("launcher"), clients.add(LAUNCHER,
                List.of(Permission.MACHINE_READ_ALL.claimValue()), null));
        json.putObject("dashboard").put("clientId", DashboardClient.CLIENT_ID)
                .put("clientSecret", dashboardSecret(directory, clients));

        UserRegistry users = new UserRegistry(directory, clock);
        once(directory.resolve(ADMIN_MADE), () -> users.add(ADMIN, CordonRole.ADMINISTRATOR, List.of(), null),
                json.putObject("admin"));
        if (demoAnalyst) {
            once(directory.resolve(DEMO_ANALYST_MADE), () -> users.add(DEMO_ANALYST, CordonRole.RESPONDER,
                    List.of(), null), json.putObject("analyst"));
        }
        if (json.path("admin").isEmpty()) {
            json.remove("admin");
        }
        if (json.path("analyst").isEmpty()) {
            json.remove("analyst");
        }
        return json.toString();
    }

    /**
     * The dashboard client's secret, kept in the clear for the next start; made (with its client) when either is
     * missing, so removing the client with {@code clients remove cordon-dashboard} gives it a new secret.
     */
    private static String dashboardSecret(Path directory, ClientRegistry clients) {
        Path file = directory.resolve(DASHBOARD_SECRET_FILE);
        try {
            if (Files.exists(file) && clients.byClientId(DashboardClient.CLIENT_ID).isPresent()) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        clients.remove(DashboardClient.CLIENT_ID);
        String secret = clients.add(DashboardClient.CLIENT_ID, DashboardClient.NAME, List.of(), List.of(), null)
                .clientSecret();
        write(file, secret);
        return secret;
    }

    /** Adds a user unless it was made before (then it may have been removed on purpose), and says its password. */
    private static void once(Path marker, Supplier<NewUser> add, ObjectNode node) {
        if (Files.exists(marker)) {
            return;
        }
        NewUser user;
        try {
            user = add.get();
        } catch (IllegalArgumentException exists) {
            write(marker, "");
            return; // the operator made a user of that name first: its password is theirs
        }
        write(marker, user.entry().name());
        node.put("name", user.entry().name());
        node.put("role", user.entry().role().displayName());
        node.put("password", user.password());
    }

    private static void credentials(ObjectNode node, NewClient client) {
        node.put("clientId", client.entry().clientId());
        node.put("clientSecret", client.clientSecret());
    }

    private static void write(Path file, String content) {
        OwnerOnlyFiles.write(file, content.getBytes(StandardCharsets.UTF_8));
    }
}
