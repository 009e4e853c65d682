package dev.cordon.identity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.identity.store.ClientRegistry;
import dev.cordon.identity.users.UserRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneSetupTest {

    @TempDir
    Path directory;

    @Test
    void firstStart_makesTheQuickStartClientOnce_andTheLauncherANewSecretEachTime() throws Exception {
        JsonNode first = setup();
        JsonNode second = setup();

        assertThat(first.get("tenant").asText()).isNotBlank().isEqualTo(second.get("tenant").asText());
        assertThat(first.path("quickStart").path("clientSecret").asText()).isNotBlank();
        assertThat(second.has("quickStart")).as("the quick-start secret is shown once").isFalse();
        assertThat(second.at("/launcher/clientSecret").asText()).isNotEqualTo(first.at("/launcher/clientSecret").asText());
        ClientRegistry clients = new ClientRegistry(directory, Clock.systemUTC());
        assertThat(clients.all()).extracting(c -> c.name())
                .containsExactlyInAnyOrder(StandaloneSetup.QUICK_START, StandaloneSetup.LAUNCHER, "Cordon dashboard");
        assertThat(clients.byName(StandaloneSetup.QUICK_START).orElseThrow().permissions())
                .containsExactlyInAnyOrder("Machine.Isolate", "Machine.Read.All");
    }

    @Test
    void firstStart_makesTheAdministratorAndTheDemoAnalystOnce_andKeepsTheDashboardSecret() throws Exception {
        JsonNode first = setup();
        JsonNode second = setup();

        assertThat(first.at("/admin/name").asText()).isEqualTo("admin");
        assertThat(first.at("/admin/role").asText()).isEqualTo("Administrator");
        assertThat(first.at("/admin/password").asText()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(first.at("/analyst/role").asText()).isEqualTo("Responder");
        assertThat(second.has("admin")).as("the passwords are shown once").isFalse();
        assertThat(second.has("analyst")).isFalse();
        assertThat(first.at("/dashboard/clientId").asText()).isEqualTo("cordon-dashboard");
        assertThat(second.at("/dashboard/clientSecret").asText()).isNotBlank()
                .isEqualTo(first.at("/dashboard/clientSecret").asText());
        ClientRegistry clients = new ClientRegistry(directory, Clock.systemUTC());
        assertThat(clients.encoder().matches(first.at("/dashboard/clientSecret").asText(),
                clients.byClientId("cordon-dashboard").orElseThrow().secretHash())).isTrue();
        UserRegistry users = new UserRegistry(directory, Clock.systemUTC());
        assertThat(users.encoder().matches(first.at("/admin/password").asText(),
                users.byName("admin").orElseThrow().passwordHash())).isTrue();
    }

    @Test
    void withoutTheDemoDevices_noDemoAnalyst() throws Exception {
        JsonNode json = new ObjectMapper().readTree(StandaloneSetup.run(directory, false));
        assertThat(json.has("admin")).isTrue();
        assertThat(json.has("analyst")).isFalse();
    }

    @Test
    void aRemovedQuickStartClient_isNotMadeAgain() throws Exception {
        setup();
        new ClientRegistry(directory, Clock.systemUTC()).remove(StandaloneSetup.QUICK_START);
        assertThat(setup().has("quickStart")).isFalse();
        assertThat(new ClientRegistry(directory, Clock.systemUTC()).byName(StandaloneSetup.QUICK_START)).isEmpty();
    }

    @Test
    void everyFile_isTheOwnersOnly() throws Exception {
        setup();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                        .isEqualTo("rw-------");
            }
        }
    }

    private JsonNode setup() throws Exception {
        return new ObjectMapper().readTree(StandaloneSetup.run(directory, true));
    }
}
