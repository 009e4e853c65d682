package dev.cordon.identity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.identity.store.ClientRegistry;
import dev.cordon.identity.users.UserRegistry;
import dev.cordon.service.security.CordonRole;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code users add | list | remove} as a person types them, and what they print. */
class UserCommandsTest {

    private static final Pattern PASSWORD = Pattern.compile("(?m)^Password \\(shown once\\): (\\S+)$");

    @TempDir
    Path directory;

    private String out;
    private String err;

    @Test
    void add_withAGeneratedPassword_printsItOnce_andStoresOnlyAnArgon2idHash() throws Exception {
        assertThat(run("", "users", "add", "alice", "--role", "Responder", "--groups", "Servers")).isZero();

        assertThat(out).startsWith("User alice added: role Responder, device groups Servers.\n");
        Matcher password = PASSWORD.matcher(out);
        assertThat(password.find()).as(out).isTrue();
        assertThat(password.group(1)).hasSizeGreaterThanOrEqualTo(24);
        UserRegistry users = new UserRegistry(directory, Clock.systemUTC());
        var alice = users.byName("alice").orElseThrow();
        assertThat(alice.role()).isEqualTo(CordonRole.RESPONDER);
        assertThat(alice.deviceGroups()).containsExactly("Servers");
        assertThat(alice.passwordHash()).startsWith("$argon2id$");
        assertThat(users.encoder().matches(password.group(1), alice.passwordHash())).isTrue();
        String file = Files.readString(directory.resolve("users.json"));
        assertThat(file).doesNotContain(password.group(1));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("users.json"))))
                .isEqualTo("rw-------");
    }

    @Test
    void add_withThePasswordOnStdin_usesIt_andDoesNotPrintIt() throws Exception {
        assertThat(run("correct horse battery\n", "users", "add", "bob", "--role", "viewer",
                "--password-stdin")).isZero();

        assertThat(out).isEqualTo("User bob added: role Viewer, every device group.\n");
        UserRegistry users = new UserRegistry(directory, Clock.systemUTC());
        assertThat(users.encoder().matches("correct horse battery", users.byName("bob").orElseThrow()
                .passwordHash())).isTrue();
    }

    @Test
    void add_refusesAShortPassword_anUnknownRole_andATakenName() throws Exception {
        assertThat(run("short\n", "users", "add", "bob", "--role", "Viewer", "--password-stdin")).isEqualTo(1);
        assertThat(err).contains("at least 12");
        assertThat(run("", "users", "add", "bob", "--role", "Owner")).isEqualTo(1);
        assertThat(err).contains("Unknown role 'Owner'");
        assertThat(run("", "users", "add", "bob", "--role", "Viewer")).isZero();
        assertThat(run("", "users", "add", "BOB", "--role", "Viewer")).isEqualTo(1);
        assertThat(err).contains("exists already");
        assertThat(new UserRegistry(directory, Clock.systemUTC()).all()).hasSize(1);
    }

    @Test
    void list_showsNameRoleAndGroups_neverAHash() throws Exception {
        run("", "users", "add", "alice", "--role", "Responder", "--groups", "Servers,Workstations");
        run("", "users", "add", "root", "--role", "Administrator");

        assertThat(run("", "users", "list")).isZero();

        assertThat(out).contains("alice  Responder  device groups Servers, Workstations")
                .contains("root  Administrator  every device group").doesNotContain("argon2");
    }

    @Test
    void remove_takesTheUserAway() throws Exception {
        run("", "users", "add", "alice", "--role", "Responder");

        assertThat(run("", "users", "remove", "alice")).isZero();
        assertThat(new UserRegistry(directory, Clock.systemUTC()).byName("alice")).isEmpty();
        assertThat(run("", "users", "remove", "alice")).isEqualTo(1);
        assertThat(err).contains("No user named 'alice'");
    }

    @Test
    void clientsAdd_withGroups_storesThem() throws Exception {
        assertThat(run("", "clients", "add", "server-playbook", "Machine.Isolate", "--groups", "Servers")).isZero();

        assertThat(new ClientRegistry(directory, Clock.systemUTC())
                .byName("server-playbook").orElseThrow().deviceGroups()).containsExactly("Servers");
        run("", "clients", "list");
        assertThat(out).contains("server-playbook  Machine.Isolate  device groups Servers");
    }

    @Test
    void clientsAddAgent_withSeveralMachines_bindsOneClientToEach_andPrintsEachSecretOnce() throws Exception {
        assertThat(run("", "clients", "add-agent", "aaaa", "bbbb")).isZero();

        ClientRegistry clients = new ClientRegistry(directory, Clock.systemUTC());
        Matcher block = Pattern.compile("(?m)^machine_id: +(\\S+)\nclient_id: +(\\S+)\nclient_secret: +(\\S+)$")
                .matcher(out);
        for (String machine : List.of("aaaa", "bbbb")) {
            assertThat(block.find()).as(out).isTrue();
            assertThat(block.group(1)).isEqualTo(machine);
            var agent = clients.byName("agent-" + machine).orElseThrow();
            assertThat(agent.clientId()).isEqualTo(block.group(2));
            assertThat(agent.machineId()).isEqualTo(machine);
            assertThat(agent.permissions()).containsExactly("Cordon.Agent");
            assertThat(clients.encoder().matches(block.group(3), agent.secretHash())).isTrue();
        }
        assertThat(block.find()).isFalse();
    }

    @Test
    void clientsAddAgent_withAMachineThatHasItsAgentAlready_addsNone() throws Exception {
        assertThat(run("", "clients", "add-agent", "bbbb")).isZero();

        assertThat(run("", "clients", "add-agent", "aaaa", "bbbb")).isEqualTo(1);
        assertThat(err).contains("'agent-bbbb' exists already; no agent was added");
        assertThat(out).doesNotContain("client_secret");
        assertThat(new ClientRegistry(directory, Clock.systemUTC()).byName("agent-aaaa")).isEmpty();
        assertThat(run("", "clients", "add-agent", "cccc", "cccc")).isEqualTo(1);
        assertThat(err).contains("named twice");
    }

    private int run(String stdin, String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = IdentityCommandLine.run(List.of(args), directory, Duration.ofHours(1),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true,
                        StandardCharsets.UTF_8));
        out = stdout.toString(StandardCharsets.UTF_8);
        err = stderr.toString(StandardCharsets.UTF_8);
        return code;
    }
}
