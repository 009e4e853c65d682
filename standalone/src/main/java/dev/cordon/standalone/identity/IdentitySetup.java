package dev.cordon.standalone.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.standalone.process.JavaCommand;
import dev.cordon.standalone.startup.StartupFailedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The token service's tenant, keys and clients, made ready before anything starts, by the token service's own command
 * line ({@code standalone-setup}): the launcher never writes those files itself, so there is one owner of their format.
 *
 * @param tenant     the {@code {tenant}} of the token URLs
 * @param quickStart the quick-start client, on the very first start only (its secret is shown once); else null
 * @param launcher   the launcher's own reader, which lists the devices in the start message; a new secret each start
 * @param dashboard  the dashboard's client, which the query side signs people in with; the same at every start
 * @param admin      the administrator, on the very first start only (its password is shown once); else null
 * @param analyst    the demo analyst, on the first start with the demo devices only; else null
 */
public record IdentitySetup(String tenant, ClientCredentials quickStart, ClientCredentials launcher,
                            ClientCredentials dashboard, UserCredentials admin, UserCredentials analyst) {

    /** The dashboard's client id, as the token service registers it. */
    public static final String DASHBOARD_CLIENT_ID = "cordon-dashboard";

    /** The standalone mode's identity directory, under its data directory. */
    public static Path directory(Path dataDir) {
        return dataDir.resolve("identity");
    }

    /** @param demoAnalyst whether the demo devices are registered, and so the demo analyst is made */
    public static IdentitySetup run(Path tokenServiceJar, Path identityDirectory, List<String> javaOptions,
                                    Path watchdogAgent, boolean demoAnalyst) {
        List<String> tail = new ArrayList<>(List.of("-jar", tokenServiceJar.toString(), "standalone-setup"));
        if (demoAnalyst) {
            tail.add("--demo-analyst");
        }
        ProcessBuilder builder = new ProcessBuilder(JavaCommand.of(javaOptions, watchdogAgent, tail))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("CORDON_IDENTITY_DIRECTORY", identityDirectory.toString());
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new StartupFailedException("Preparing the token service's clients and keys in "
                        + identityDirectory + " failed", null);
            }
            return parse(new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StartupFailedException("Could not run the token service's setup: " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailedException("Interrupted while preparing the token service", null);
        }
    }

    static IdentitySetup parse(String output) throws IOException {
        JsonNode json = new ObjectMapper().readTree(output.lines().reduce((first, last) -> last).orElse("{}"));
        return new IdentitySetup(json.path("tenant").asText(), credentials(json.get("quickStart")),
                credentials(json.get("launcher")), credentials(json.get("dashboard")), user(json.get("admin")),
                user(json.get("analyst")));
    }

    private static UserCredentials user(JsonNode node) {
        return node == null || node.isNull() ? null : new UserCredentials(node.path("name").asText(),
                node.path("role").asText(), node.path("password").asText());
    }

    private static ClientCredentials credentials(JsonNode node) {
        return node == null || node.isNull() ? null
                : new ClientCredentials(node.path("clientId").asText(), node.path("clientSecret").asText());
    }

    /** The issuer the services trust, as the token service names itself in {@code iss}. */
    public String issuer(String baseUrl) {
        return baseUrl + "/" + tenant + "/v2.0";
    }

    /** The v2.0 token endpoint under a base URL (the public one, or the token service's own port). */
    public String tokenUrl(String baseUrl) {
        return baseUrl + "/" + tenant + "/oauth2/v2.0/token";
    }

    /** Where a browser signs in: the public base URL's authorization endpoint. */
    public String authorizeUrl(String baseUrl) {
        return baseUrl + "/" + tenant + "/oauth2/v2.0/authorize";
    }

    /** Where a browser signs out (OpenID Connect RP-initiated logout), under the public base URL. */
    public String logoutUrl(String baseUrl) {
        return baseUrl + "/" + tenant + "/oauth2/v2.0/logout";
    }

    /** The signing keys, which the services fetch from the token service's own port. */
    public String keysUrl(String baseUrl) {
        return baseUrl + "/" + tenant + "/discovery/v2.0/keys";
    }
}
