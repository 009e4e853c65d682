package dev.cordon.standalone.startup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.standalone.identity.ClientCredentials;
import dev.cordon.standalone.identity.IdentitySetup;
import dev.cordon.standalone.identity.UserCredentials;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuickStartTest {

    private static final DemoDevice LINUX = new DemoDevice("a2c4", "build-agent-03.corp.example", "Linux");
    private static final DemoDevice WINDOWS_11 = new DemoDevice("38b2", "lt-dev-0113.corp.example", "Windows11");
    private static final ClientCredentials LAUNCHER = new ClientCredentials("launcher-id", "launcher-secret");
    private static final ClientCredentials DASHBOARD = new ClientCredentials("cordon-dashboard", "dashboard-secret");
    private static final IdentitySetup FIRST_START = new IdentitySetup("t-1",
            new ClientCredentials("quick-id", "quick-secret"), LAUNCHER, DASHBOARD,
            new UserCredentials("admin", "Administrator", "admin-pw"),
            new UserCredentials("analyst", "Responder", "analyst-pw"));
    private static final IdentitySetup LATER_START = new IdentitySetup("t-1", null, LAUNCHER, DASHBOARD, null,
            null);

    @Test
    void text_listsTheDevices_andItsExamplesUseTheWindows11One() {
        String text = QuickStart.text("http://127.0.0.1:8080", FIRST_START, List.of(LINUX, WINDOWS_11), true,
                Path.of("/srv/cordon/data"), Path.of("/srv/cordon/data/logs"), Duration.ofMillis(23_456));

        assertThat(text).contains("Cordon is ready at http://127.0.0.1:8080", "started in 23.5 s",
                "Dashboard (devices, Isolate device, the Action center): open http://127.0.0.1:8080/ and sign in",
                "\nDashboard sign-in (shown once): user admin (Administrator), password admin-pw\n",
                "\nDemo analyst (shown once): user analyst (Responder), password analyst-pw\n",
                "build-agent-03.corp.example", "lt-dev-0113.corp.example", "simulated agent",
                "client_id:     quick-id", "client_secret: quick-secret",
                "TOKEN=$(curl -s http://127.0.0.1:8080/t-1/oauth2/v2.0/token -d grant_type=client_credentials"
                        + " -d client_id=quick-id -d client_secret=quick-secret -d scope=api://cordon/.default",
                "curl -X POST http://127.0.0.1:8080/api/machines/38b2/isolate -H \"Authorization: Bearer $TOKEN\"",
                "curl -H \"Authorization: Bearer $TOKEN\""
                        + " 'http://127.0.0.1:8080/api/machineactions?$filter=machineId%20eq%20%2738b2%27'",
                "curl -X POST http://127.0.0.1:8080/api/machines/38b2/unisolate",
                "http://127.0.0.1:8080/swagger-ui.html", "Data: /srv/cordon/data", "Logs: /srv/cordon/data/logs");
        assertThat(text).doesNotContain("/machines/a2c4/", "launcher-secret", "dashboard-secret");
    }

    @Test
    void text_afterTheFirstStart_showsNoSecret_andSaysHowToMakeAClient() {
        String text = QuickStart.text("http://127.0.0.1:8080", LATER_START, List.of(WINDOWS_11), true, Path.of("d"),
                Path.of("l"), Duration.ofSeconds(1));

        assertThat(text).contains("./cordon.sh clients add", "client_id=<client-id> -d client_secret=<client-secret>",
                        "open http://127.0.0.1:8080/ and sign in", "./cordon.sh users add NAME")
                .doesNotContain("quick-secret", "launcher-secret", "dashboard-secret", "(shown once)");
    }

    @Test
    void text_withoutDevices_saysHowToRegisterOne_andTheExamplesShowWhereTheIdGoes() {
        String text = QuickStart.text("http://127.0.0.1:8080", FIRST_START, List.of(), false, Path.of("d"), Path.of("l"),
                Duration.ofSeconds(1));

        assertThat(text).contains("No devices are registered yet", "/api/machines/<machine-id>/isolate")
                .doesNotContain("simulated agent");
    }

    @Test
    void example_isTheFirstDeviceWhenThereIsNoWindows11() {
        assertThat(QuickStart.example(List.of(LINUX))).isEqualTo("a2c4");
    }
}
