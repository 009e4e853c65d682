package dev.cordon.identity.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.identity.store.ClientRegistry;
import dev.cordon.identity.store.NewClient;
import dev.cordon.identity.store.OwnerOnlyFiles;
import dev.cordon.identity.store.SigningKeys;
import dev.cordon.identity.store.TenantId;
import dev.cordon.service.security.Permission;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * What the standalone launcher needs before it starts the token service, as one JSON line: the tenant id, the signing
 * key made on first start, the quick-start client's id and secret on the very first start only (printed once to the
 * user, never again: a removed quick-start client is not made again), and a fresh secret for the launcher's own client,
 * which reads the device list it prints. The launcher's secret is replaced on every start and kept nowhere.
 */
final class StandaloneSetup {

    static final String QUICK_START = "Cordon quick start";
    static final String LAUNCHER = "Cordon launcher";
    private static final String QUICK_START_MADE = "quick-start-client-made";

    private StandaloneSetup() {
    }

    static String run(Path directory) {
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
        return json.toString();
    }

    private static void credentials(ObjectNode node, NewClient client) {
        node.put("clientId", client.entry().clientId());
        node.put("clientSecret", client.clientSecret());
    }

    private static void write(Path file, String content) {
        OwnerOnlyFiles.write(file, content.getBytes(StandardCharsets.UTF_8));
    }
}
