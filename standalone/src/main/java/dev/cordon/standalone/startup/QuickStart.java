package dev.cordon.standalone.startup;

import dev.cordon.standalone.identity.ClientCredentials;
import dev.cordon.standalone.identity.IdentitySetup;
import dev.cordon.standalone.identity.UserCredentials;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The message a user sees once Cordon is ready: where it is, what is in it, where to sign in to the dashboard and (on
 * the first start only) with which passwords, the quick-start client's credentials (first start only: the secret is
 * shown once), how to fetch a token with them, and three calls to try with it.
 */
public final class QuickStart {

    static final String PLACEHOLDER_ID = "<machine-id>";

    private QuickStart() {
    }

    static final String SECRET_PLACEHOLDER = "<client-secret>";
    static final String CLIENT_PLACEHOLDER = "<client-id>";

    public static String text(String baseUrl, IdentitySetup identity, List<DemoDevice> devices, boolean agentSimulation,
            Path dataDir, Path logDir, Duration startedIn) {
        StringBuilder text = new StringBuilder();
        text.append('\n')
                .append("Cordon is ready at ").append(baseUrl)
                .append(String.format(Locale.ROOT, "  (started in %.1f s; Ctrl-C stops everything)%n%n",
                        startedIn.toMillis() / 1000.0));
        if (devices.isEmpty()) {
            text.append("No devices are registered yet (register one with PUT ").append(baseUrl)
                    .append("/api/machines/{id}).\n\n");
        } else {
            text.append(agentSimulation ? "Devices (a simulated agent carries out their actions):\n" : "Devices:\n");
            for (DemoDevice device : devices) {
                text.append(String.format(Locale.ROOT, "  %-40s  %-30s  %s%n", device.id(), device.name(),
                        device.osPlatform()));
            }
            text.append('\n');
        }
        String id = example(devices);
        ClientCredentials client = identity.quickStart();
        if (client != null) {
            text.append("A client for playbooks and scripts (Machine.Isolate, Machine.Read.All); the secret is shown")
                    .append(" this once, keep it now:\n")
                    .append("  client_id:     ").append(client.clientId()).append('\n')
                    .append("  client_secret: ").append(client.clientSecret()).append("\n\n");
        } else {
            text.append("The quick-start client was shown at the first start; make another with:\n")
                    .append("  ./cordon.sh clients add my-playbook Machine.Isolate Machine.Read.All\n\n");
        }
        String clientId = client == null ? CLIENT_PLACEHOLDER : client.clientId();
        String secret = client == null ? SECRET_PLACEHOLDER : client.clientSecret();
        text.append("Dashboard (devices, Isolate device, the Action center): open ").append(baseUrl)
                .append("/ and sign in\n");
        if (identity.admin() == null && identity.analyst() == null) {
            text.append("  (the first start showed the administrator's password; more users:")
                    .append(" ./cordon.sh users add NAME --role Viewer|Responder|Administrator)\n");
        }
        signIn(text, "Dashboard sign-in (shown once): ", identity.admin());
        signIn(text, "Demo analyst (shown once): ", identity.analyst());
        text.append('\n')
                .append("Or from a shell:\n")
                .append("  # a token (one hour) from the token endpoint, as Entra ID's v2.0 endpoint answers it\n")
                .append("  TOKEN=$(curl -s ").append(identity.tokenUrl(baseUrl))
                .append(" -d grant_type=client_credentials -d client_id=").append(clientId)
                .append(" -d client_secret=").append(secret)
                .append(" -d scope=api://cordon/.default | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')\n")
                .append("  # isolate the Windows 11 device, with a comment for the audit trail\n")
                .append("  curl -X POST ").append(baseUrl).append("/api/machines/").append(id).append("/isolate")
                .append(" -H \"Authorization: Bearer $TOKEN\"")
                .append(" -H 'Content-Type: application/json'")
                .append(" -d '{\"Comment\":\"Suspicious process, isolated from the quick start\",")
                .append("\"IsolationType\":\"Full\"}'\n")
                .append("  # its machine actions, newest first: Pending, then InProgress and Succeeded\n")
                .append("  curl -H \"Authorization: Bearer $TOKEN\" '").append(baseUrl)
                .append("/api/machineactions?$filter=machineId%20eq%20%27").append(id).append("%27'\n")
                .append("  # release it\n")
                .append("  curl -X POST ").append(baseUrl).append("/api/machines/").append(id).append("/unisolate")
                .append(" -H \"Authorization: Bearer $TOKEN\"")
                .append(" -H 'Content-Type: application/json'")
                .append(" -d '{\"Comment\":\"False positive, released from the quick start\"}'\n\n")
                .append("API documentation (Swagger UI): ").append(baseUrl).append("/swagger-ui.html\n")
                .append("Data: ").append(dataDir).append('\n')
                .append("Logs: ").append(logDir).append('\n');
        return text.toString();
    }

    /** "Dashboard sign-in (shown once): user admin (Administrator), password ..." on a line of its own. */
    private static void signIn(StringBuilder text, String label, UserCredentials user) {
        if (user != null) {
            text.append(label).append("user ").append(user.name()).append(" (").append(user.role())
                    .append("), password ").append(user.password()).append('\n');
        }
    }

    /** The Windows 11 device, which every isolation type applies to; else the first one. */
    static String example(List<DemoDevice> devices) {
        return devices.stream().filter(d -> d.osPlatform().equals("Windows11")).findFirst()
                .or(() -> devices.stream().findFirst())
                .map(DemoDevice::id).orElse(PLACEHOLDER_ID);
    }
}
