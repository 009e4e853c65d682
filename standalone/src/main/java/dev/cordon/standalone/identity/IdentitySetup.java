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
 */
public record IdentitySetup(String tenant, ClientCredentials quickStart, ClientCredentials launcher) {

    /** The standalone mode's identity directory, under its data directory. */
    public static Path directory(Path dataDir) {
        return dataDir.resolve("identity");
    }

    public static IdentitySetup run(Path tokenServiceJar, Path identityDirectory, List<String> javaOptions,
                                    Path watchdogAgent) {
        List<String> tail = new ArrayList<>(List.of("-jar", tokenServiceJar.toString(), "standalone-setup"));
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
                credentials(json.get("launcher")));
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

    /** The signing keys, which the services fetch from the token service's own port. */
    public String keysUrl(String baseUrl) {
        return baseUrl + "/" + tenant + "/discovery/v2.0/keys";
    }
}
