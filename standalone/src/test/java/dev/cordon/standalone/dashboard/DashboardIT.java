package dev.cordon.standalone.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.standalone.process.FreePorts;
import dev.cordon.standalone.run.LauncherProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * The seed's walk-through in a real browser: Debian's headless Chromium against {@code cordon.jar} as a user
 * starts it, with the simulated device agent. Screenshots of each page at 1280 and 390 px wide are saved under
 * {@code target/dashboard-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIT {

    private static final String WINDOWS_11 = "lt-dev-0113.corp.example";
    private static final String SERVER_2019 = "srv-file-02.corp.example";
    private static final String MAC = "mbp-design-07.corp.example";
    private static final String LINUX = "build-agent-03.corp.example";
    /** Windows 10 22H2, whose simulated agent is told to stay offline: its actions stay Pending. */
    private static final String OFFLINE = "lt-hr-0042.corp.example";
    private static final String OFFLINE_ID = "4897f943800f91cac429c93e22b7f90010ddcb61";
    /** Windows 10 1703 (the bulk test's): Full isolation only. */
    private static final String FINANCE_ID = "272557aa52bffdb3f84c4e4c06b7175e0456b7c5";
    private static final String FINANCE = "ws-finance-017.corp.example";
    /** Windows 10 1607: too old for either isolation type. */
    private static final String KIOSK_ID = "4f70f6ff33e88d8c41fa32bededa5ab7ca1c63f1";
    private static final String KIOSK = "kiosk-lobby-01.corp.example";
    private static final String MAC_ID = "3e5bbc843d3f0d1b503e05354f8ada9a34256f0b";

    private static final Path SCREENSHOTS =
            Path.of(System.getProperty("cordon.screenshots", "target/dashboard-screenshots"));

    private Path workingDirectory;
    private LauncherProcess cordon;
    private URI base;
    /** The quick-start client's token, fetched as the start message says, for the calls made beside the browser. */
    private String token;
    private Chromium chromium;

    @BeforeAll
    void startCordon() throws IOException {
        workingDirectory = Files.createTempDirectory("cordon-dashboard-it-");
        cordon = LauncherProcess.start(workingDirectory, Map.of(
                "CORDON_PORT", Integer.toString(FreePorts.next()),
                // Long enough to watch an action in progress; the seed's walk-through takes seconds, not minutes.
                "CORDON_AGENT_SIMULATION_DELAY", "6s",
                "CORDON_AGENT_SIMULATION_OFFLINE_DEVICES", OFFLINE_ID), "cordon.out");
        cordon.awaitReady(Duration.ofMinutes(4));
        base = cordon.baseUrl();
        token = cordon.fetchToken();
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    @AfterAll
    void stopCordon() {
        if (cordon != null) {
            cordon.interrupt();
            cordon.awaitExit(Duration.ofSeconds(60));
            cordon.close();
        }
        FileSystemUtils.deleteRecursively(workingDirectory.toFile());
    }

    @Test
    void isolateAndRelease_windows11_asTheSeedDescribes() throws IOException {
        Dashboard ui = browser(1280, 900);
        ui.openDeviceFromList(WINDOWS_11);
        assertThat(ui.actionButton().getText()).isEqualTo("Isolate device");
        assertThat(ui.isolationState()).isEqualTo("Not isolated");
        assertThat(ui.timeline()).anyMatch(entry -> entry.contains("Device registered"));
        ui.assertFitsTheWidth();
        ui.assertAccessibleNames();
        screenshot("1280/device-page.png");

        // The keyboard alone: Enter opens the dialog with focus inside it, Escape closes it and gives focus back.
        ui.actionButton().sendKeys(Keys.ENTER);
        ui.await().until(d -> ui.dialogOpen());
        assertThat(active().getAttribute("id")).isEqualTo("isolation-full");
        assertThat(ui.isolationChoice("Full").isEnabled()).isTrue();
        assertThat(ui.isolationChoice("Selective").isEnabled()).isTrue();
        assertThat(ui.choiceDescription("Selective")).contains("Outlook", "Teams", "Skype for Business");
        active().sendKeys(Keys.ESCAPE);
        ui.await().until(d -> !ui.dialogOpen());
        assertThat(active().getAttribute("id")).isEqualTo("device-action");

        // Isolate device → Selective → comment → Confirm; without a comment nothing is sent.
        ui.openActionDialog();
        ui.isolationChoice("Selective").click();
        ui.confirmButton().click();
        ui.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("action-comment-error")));
        assertThat(ui.dialogOpen()).isTrue();
        assertThat(active().getAttribute("id")).isEqualTo("action-comment");
        String comment = "Beaconing to a known C2 host " + UUID.randomUUID();
        ui.typeComment(comment);
        assertThat(ui.driver().findElement(By.id("action-comment-error")).isDisplayed()).isFalse();
        screenshot("1280/isolate-dialog.png");
        ui.confirmAndAwaitClosed();

        // While the agent works the button is disabled, and says why.
        ui.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("open-action")));
        // Read again if a live update re-rendered the page in between (the wait ignores stale elements).
        ui.await().until(d -> !d.findElement(By.id("device-action")).isEnabled()
                && d.findElement(By.id("device-action-reason")).getText().contains("cancel it in the Action center"));

        // The Action center lists it, and it reaches Succeeded without a reload.
        ui.click(By.cssSelector("nav a[href='/actions']"));
        ui.awaitLive();
        ui.markPage();
        ui.await().until(d -> ui.actionRow(comment).isPresent());
        List<String> statuses = ui.watchActionUntil(comment, "Succeeded", Duration.ofSeconds(60));
        // Pending lasts until the simulated agent's next poll (1 s), In progress the 6 s the agent takes.
        assertThat(statuses.get(0)).isIn("Pending", "In progress");
        assertThat(statuses).containsSubsequence("In progress", "Succeeded").endsWith("Succeeded");
        assertThat(ui.notReloaded()).isTrue();
        WebElement row = ui.actionRow(comment).orElseThrow();
        // The requestor is the analyst who signed in, taken from the session's token, not anything the page sent.
        assertThat(row.getText()).contains("Isolate device", WINDOWS_11, "Selective isolation", "analyst");
        ui.assertFitsTheWidth();
        ui.assertAccessibleNames();
        screenshot("1280/action-center.png");

        // The device page: the timeline has the new events and the button now releases.
        ui.click(By.cssSelector("tr[data-action-id='" + row.getAttribute("data-action-id") + "'] a"));
        ui.awaitLive();
        ui.awaitActionButton("Release from isolation");
        assertThat(ui.isolationState()).isEqualTo("Isolated");
        assertThat(ui.driver().findElement(By.id("device-facts")).getText()).contains("Selective isolation");
        assertThat(ui.timeline().get(0)).contains("Device isolated");
        assertThat(ui.timeline()).anyMatch(entry -> entry.contains("Isolation requested") && entry.contains(comment)
                && entry.contains("analyst"));
        screenshot("1280/device-page-isolated.png");

        // Releasing takes the same steps, and the page follows it to the end by itself.
        ui.markPage();
        ui.openActionDialog();
        assertThat(ui.driver().findElement(By.id("isolation-type")).isDisplayed()).isFalse();
        ui.typeComment("Reimaged and clean");
        ui.confirmAndAwaitClosed();
        ui.await().withTimeout(Duration.ofSeconds(60)).until(d -> ui.isolationState().equals("Not isolated"));
        ui.awaitActionButton("Isolate device");
        assertThat(ui.timeline().get(0)).contains("Device released from isolation");
        assertThat(ui.notReloaded()).isTrue();
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    @Test
    void macOsAndLinuxDialogs_refuseIsolation_andPointToLiveResponse() throws IOException {
        for (String device : List.of(MAC + "@1280", MAC + "@390", LINUX + "@1280")) {
            String name = device.substring(0, device.indexOf('@'));
            String platform = name.equals(MAC) ? "macOS" : "Linux";
            int width = Integer.parseInt(device.substring(device.indexOf('@') + 1));
            Dashboard ui = browser(width, width == 390 ? 844 : 900);
            ui.openDeviceFromList(name);
            ui.openActionDialog();
            WebElement notice = ui.driver().findElement(By.id("live-response"));
            assertThat(notice.isDisplayed()).isTrue();
            assertThat(notice.getText()).contains("not supported for " + platform).contains("Use live response");
            assertThat(ui.driver().findElement(By.id("action-dialog-intro")).getText())
                    .isEqualTo(name + " cannot be isolated through Cordon.");
            assertThat(ui.isolationChoice("Full").isEnabled()).isFalse();
            assertThat(ui.isolationChoice("Selective").isEnabled()).isFalse();
            assertThat(ui.confirmButton().isDisplayed()).isFalse();
            ui.assertFitsTheWidth();
            ui.assertAccessibleNames();
            screenshot(width + "/dialog-" + platform.toLowerCase() + "-live-response.png");
            ui.driver().findElement(By.id("action-cancel")).click();
            ui.await().until(d -> !ui.dialogOpen());
            assertThat(ui.timeline()).noneMatch(entry -> entry.contains("Isolation requested"));
            assertThat(chromium.consoleErrors()).isEmpty();
            closeBrowser();
        }
    }

    @Test
    void pendingAction_cancelledFromTheActionCenter_afterTheEngineRefusedASecondOne() throws Exception {
        Dashboard ui = browser(1280, 900);
        ui.openDeviceFromList(OFFLINE);
        ui.openActionDialog();
        ui.typeComment("Suspicious PowerShell");

        // A runbook isolates the device through the API while the analyst is still typing.
        String runbookComment = "Isolated by runbook " + UUID.randomUUID();
        HttpResponse<String> runbook = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        base.resolve("/api/machines/" + OFFLINE_ID + "/isolate"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"Comment\":\"" + runbookComment + "\",\"IsolationType\":\"Full\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(runbook.statusCode()).isEqualTo(201);

        // The engine refuses the analyst's: the dialog says so in plain words and stays open.
        ui.confirmButton().click();
        assertThat(ui.dialogError()).contains("Another isolation or release is already pending")
                .contains("ActiveRequestAlreadyExists");
        assertThat(ui.dialogOpen()).isTrue();
        screenshot("1280/dialog-refused.png");
        ui.driver().findElement(By.id("action-cancel")).click();
        ui.await().until(d -> !ui.dialogOpen());
        ui.await().until(d -> !ui.actionButton().isEnabled());

        // The runbook's action waits for an agent that is offline; the analyst cancels it in the Action center.
        ui.open("/actions");
        ui.markPage();
        ui.await().until(d -> ui.actionStatus(runbookComment).filter("Pending"::equals).isPresent());
        String actionId = ui.actionRow(runbookComment).orElseThrow().getAttribute("data-action-id");
        ui.click(By.id("cancel-" + actionId));
        ui.await().until(d -> ui.dialogOpen());
        assertThat(ui.driver().findElement(By.id("action-dialog-title")).getText()).isEqualTo("Cancel action");
        ui.typeComment("False positive: the user ran a signed admin script");
        ui.confirmAndAwaitClosed();
        ui.watchActionUntil(runbookComment, "Cancelled", Duration.ofSeconds(30));
        assertThat(ui.actionRow(runbookComment).orElseThrow().getText())
                .contains("now under History", "False positive");
        assertThat(ui.notReloaded()).isTrue();

        // History lists it (reached with the arrow key, as tabs are); the filters narrow by status, type and device.
        ui.driver().findElement(By.id("tab-pending")).sendKeys(Keys.ARROW_RIGHT);
        ui.await().until(ExpectedConditions.attributeToBe(By.id("tab-history"), "aria-selected", "true"));
        assertThat(active().getAttribute("id")).isEqualTo("tab-history");
        ui.await().until(d -> ui.actionStatus(runbookComment).filter("Cancelled"::equals).isPresent());
        select("filter-status").selectByValue("Cancelled");
        ui.await().until(d -> ui.actionRow(runbookComment).isPresent()
                && ui.driver().findElements(By.cssSelector("#actions tbody tr")).stream()
                .allMatch(r -> r.getAttribute("data-status").equals("Cancelled")));
        select("filter-device").selectByVisibleText(OFFLINE);
        ui.await().until(d -> ui.driver().findElements(By.cssSelector("#actions tbody tr")).stream()
                .allMatch(r -> r.getText().contains(OFFLINE)) && ui.actionRow(runbookComment).isPresent());
        select("filter-type").selectByValue("Unisolate");
        ui.await().until(d -> ui.actionRow(runbookComment).isEmpty());
        assertThat(ui.driver().getCurrentUrl()).contains("tab=history", "status=Cancelled", "type=Unisolate");

        // The device can be isolated again.
        ui.openDeviceFromList(OFFLINE);
        ui.awaitActionButton("Isolate device");
        assertThat(ui.timeline().get(0)).contains("Action cancelled");
        // The refused request is the console's only error; its being there shows the other tests' empty lists are real.
        assertThat(chromium.consoleErrors()).isNotEmpty()
                .allMatch(error -> error.contains("/isolate") && error.contains("400"));
    }

    @Test
    void phoneWidth_isolateAServer_andFollowItInTheActionCenter() throws IOException {
        Dashboard ui = browser(390, 844);
        assertThat(ui.chromium().viewportWidth()).isEqualTo(390);
        assertThat(ui.chromium().viewportHeight()).isEqualTo(844);
        ui.open("/devices");
        ui.assertFitsTheWidth();
        ui.assertAccessibleNames();
        screenshot("390/devices.png");
        ui.driver().findElement(By.id("device-search")).sendKeys("srv-file");
        ui.await().until(d -> d.findElements(By.cssSelector("#devices tbody tr")).size() == 1);
        // The whole row opens the device, not only its link.
        ui.click(By.cssSelector("#devices tbody tr td[data-label='OS']"));
        ui.await().until(ExpectedConditions.textToBe(By.id("device-name"), SERVER_2019));
        ui.awaitLive();
        // The demo's tags: chips in the overview, in the order added, and a timeline entry each, with who added it.
        assertThat(ui.driver().findElements(By.cssSelector("#device-tags .tag")).stream().map(WebElement::getText))
                .containsExactly("Servers", "Finance");
        assertThat(ui.timeline()).anyMatch(entry -> entry.contains("Tag added") && entry.contains("Finance")
                && entry.contains("Cordon demo seed"));
        // Presence is no event, so the page shows it as read: seen by its (simulated) agent, or never.
        assertThat(ui.driver().findElement(By.id("device-last-seen")).getText())
                .matches("(?s).*(Active|Inactive|Never).*");
        ui.assertFitsTheWidth();
        ui.assertAccessibleNames();
        screenshot("390/device-page.png");

        ui.openActionDialog();
        assertThat(ui.isolationChoice("Full").isSelected()).isTrue();
        assertThat(ui.isolationChoice("Selective").isEnabled()).isFalse();
        assertThat(ui.choiceDescription("Selective")).contains("Not supported on this device");
        String comment = "Ransomware note found on a share " + UUID.randomUUID();
        ui.typeComment(comment);
        ui.assertFitsTheWidth();
        ui.assertAccessibleNames();
        screenshot("390/isolate-dialog.png");
        ui.confirmAndAwaitClosed();

        ui.open("/actions");
        ui.markPage();
        ui.await().until(d -> ui.actionRow(comment).isPresent());
        ui.watchActionUntil(comment, "Succeeded", Duration.ofSeconds(60));
        assertThat(ui.notReloaded()).isTrue();
        ui.assertFitsTheWidth();
        ui.assertAccessibleNames();
        screenshot("390/action-center.png");
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    @Test
    void devicesList_atDesktopWidth_searchesByNameAndOs() throws IOException {
        Dashboard ui = browser(1280, 900);
        ui.open("/devices");
        ui.await().until(d -> d.findElements(By.cssSelector("#devices tbody tr")).size() == 7);
        screenshot("1280/devices.png");
        ui.driver().findElement(By.id("device-search")).sendKeys("macos");
        ui.await().until(d -> d.findElements(By.cssSelector("#devices tbody tr")).size() == 1);
        assertThat(ui.driver().findElement(By.id("devices")).getText()).contains(MAC, "macOS", "Not isolated");
        assertThat(ui.driver().getCurrentUrl()).contains("q=macos");
        // The search is the server's: the page asked for the matching devices, not for all of them to filter.
        Object asked = chromium.script("return performance.getEntriesByType('resource').map(e => e.name)"
                + ".filter(n => n.includes('/api/machines?'))"
                + ".map(n => decodeURIComponent(n.replace(/\\+/g, ' '))).join('\\n')");
        assertThat(asked.toString()).contains("startswith(computerDnsName,'macos')", "osPlatform eq 'macOS'")
                .doesNotContain("$top=10000");
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    /**
     * Issue 15's mass incident in the real product: three devices ticked in the list, isolated in one bulk action; the
     * engine accepts the one it can isolate and refuses the two it cannot, and the Action center follows the bulk's
     * one row to Succeeded without a reload.
     */
    @Test
    void bulkIsolation_fromTheList_showsItsRefusals_andTheActionCenterFollowsTheBulk() throws IOException {
        Dashboard ui = browser(1280, 900);
        ui.open("/devices");
        ui.await().until(d -> d.findElements(By.cssSelector("#devices tbody tr")).size() == 7);
        for (String id : List.of(FINANCE_ID, KIOSK_ID, MAC_ID)) {
            ui.click(By.id("select-" + id));
        }
        assertThat(ui.driver().findElement(By.id("bulk-selected")).getText()).isEqualTo("3 devices selected.");
        ui.assertAccessibleNames();
        screenshot("1280/devices-selected.png");
        ui.click(By.id("isolate-selected"));
        ui.await().until(d -> ui.dialogOpen());
        assertThat(ui.driver().findElement(By.id("action-dialog-title")).getText()).isEqualTo("Isolate 3 devices");
        String comment = "Worm spreading over SMB " + UUID.randomUUID();
        ui.typeComment(comment);
        screenshot("1280/bulk-isolate-dialog.png");
        ui.confirmAndAwaitClosed();

        ui.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("bulk-result")));
        assertThat(ui.driver().findElement(By.id("bulk-result-counts")).getText()).contains("3 devices targeted");
        ui.await().withTimeout(Duration.ofSeconds(60)).until(d -> "Dispatched".equals(
                d.findElement(By.id("bulk-result")).getAttribute("data-status")));
        assertThat(ui.driver().findElement(By.id("bulk-result-counts")).getText())
                .contains("1 accepted", "2 refused");
        List<WebElement> refusals = ui.driver().findElements(By.cssSelector("#bulk-refusals tbody tr"));
        assertThat(refusals).hasSize(2);
        assertThat(ui.driver().findElement(By.id("bulk-refusals")).getText())
                .contains(KIOSK, MAC, "OsPlatformNotSupported").doesNotContain(FINANCE);
        screenshot("1280/bulk-result.png");
        String bulkId = ui.driver().findElement(By.id("bulk-result")).getAttribute("data-bulk-id");

        // The Action center: the bulk is one row with its progress, whichever tab its action is under by now (the
        // simulated agent takes seconds); it reaches Succeeded there without a reload.
        ui.open("/actions?tab=history");
        ui.markPage();
        By bulkRow = By.cssSelector("tr.bulk-row[data-bulk-id='" + bulkId + "']");
        ui.await().withTimeout(Duration.ofSeconds(60)).until(d -> !d.findElements(bulkRow).isEmpty()
                && d.findElement(By.id("bulk-progress-" + bulkId)).getText().contains("Succeeded 1"));
        assertThat(ui.driver().findElement(bulkRow).getText()).contains("Bulk: Isolate device", "3 devices",
                "1 accepted · 2 refused", comment, "analyst");
        ui.click(By.id("toggle-bulk-" + bulkId));
        ui.await().until(d -> d.findElement(By.cssSelector("tr.bulk-member")).getText().contains(FINANCE));
        assertThat(ui.notReloaded()).isTrue();
        ui.assertAccessibleNames();
        screenshot("1280/action-center-bulk.png");
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    private Dashboard browser(int width, int height) throws IOException {
        return browser(width, height, "analyst", cordon.userPassword("analyst"));
    }

    private Dashboard browser(int width, int height, String user, String password) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        chromium = Chromium.start(width, height, SCREENSHOTS);
        Dashboard ui = new Dashboard(chromium, base);
        ui.signIn(user, password);
        return ui;
    }

    private HttpResponse<String> api(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HttpClient.newHttpClient().send(request.method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String machineId(String computerDnsName) throws Exception {
        HttpResponse<String> found = api("GET", "/api/machines?$filter=" + java.net.URLEncoder.encode(
                "computerDnsName eq '" + computerDnsName + "'", java.nio.charset.StandardCharsets.UTF_8), null);
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]{40})\"")
                .matcher(found.body());
        assertThat(id.find()).as(found.body()).isTrue();
        return id.group(1);
    }

    private int actionCount(String machineId) throws Exception {
        String body = api("GET", "/api/machineactions?$filter=" + java.net.URLEncoder.encode(
                "machineId eq '" + machineId + "'", java.nio.charset.StandardCharsets.UTF_8), null).body();
        return body.split("\"machineId\"", -1).length - 1;
    }

    private String isolateByApi(String machineId, String comment) throws Exception {
        HttpResponse<String> isolated = api("POST", "/api/machines/" + machineId + "/isolate",
                "{\"Comment\":\"" + comment + "\",\"IsolationType\":\"Full\"}");
        assertThat(isolated.statusCode()).as(isolated.body()).isEqualTo(201);
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(isolated.body());
        assertThat(id.find()).isTrue();
        return id.group(1);
    }

    private void cancelByApi(String actionId) throws Exception {
        api("POST", "/api/machineactions/" + actionId + "/cancel", "{\"Comment\":\"Test over\"}");
    }

    @Test
    void aViewer_findsNoIsolateButton_isToldWhy_andTheApiRefusesItToo() throws Exception {
        // A pending action the viewer sees in the Action center, without a Cancel button.
        String comment = "Isolated by runbook for the auditor " + UUID.randomUUID();
        String actionId = isolateByApi(OFFLINE_ID, comment);
        try {
            viewerSees(comment);
        } finally {
            cancelByApi(actionId);
        }
    }

    private void viewerSees(String pendingComment) throws Exception {
        String password = cordon.addUser("auditor", "Viewer");
        Dashboard ui = browser(1280, 900, "auditor", password);
        assertThat(ui.driver().findElement(By.id("signed-in-as")).getText()).isEqualTo("Signed in as auditor · Viewer");
        ui.openDeviceFromList(WINDOWS_11);
        ui.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("no-remediation-reason")));
        assertThat(ui.driver().findElements(By.id("device-action"))).as("no Isolate / Release button").isEmpty();
        assertThat(ui.driver().findElement(By.id("no-remediation-reason")).getText())
                .contains("Viewer (View data)", "Active remediation actions");
        screenshot("1280/device-page-viewer.png");
        ui.open("/actions");
        ui.await().until(d -> ui.actionRow(pendingComment).isPresent());
        ui.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("no-remediation-reason")));
        assertThat(ui.driver().findElements(By.cssSelector("button.cancel-action"))).isEmpty();

        // What the page does not offer, the API refuses: the same call the Isolate button would make, with the
        // session and its CSRF token, is 403 and stores nothing.
        String machineId = machineId(WINDOWS_11);
        int before = actionCount(machineId);
        Object status = chromium.script("return fetch('/dashboard/session').then(r => r.json()).then(s => fetch("
                + "'/dashboard/api/machines/' + arguments[0] + '/isolate', {method: 'POST', headers: {'Content-Type':"
                + " 'application/json', [s.csrf.headerName]: s.csrf.token}, body: JSON.stringify({Comment: 'x',"
                + " IsolationType: 'Full'})})).then(r => r.status)", machineId);
        assertThat(((Number) status).intValue()).isEqualTo(403);
        assertThat(actionCount(machineId)).isEqualTo(before);
    }

    @Test
    void aResponderForServers_findsNoWorkstation_inTheList_bySearch_inTheActionCenter_orByItsUrl() throws Exception {
        // A workstation's action, made by a runbook that covers every group: the Servers team must not see it.
        String comment = "Workstation isolated by runbook " + UUID.randomUUID();
        String actionId = isolateByApi(OFFLINE_ID, comment);
        try {
            String password = cordon.addUser("server-oncall", "Responder", "--groups", "Servers");
            Dashboard ui = browser(1280, 900, "server-oncall", password);
            assertThat(ui.driver().findElement(By.id("signed-in-as")).getText())
                    .isEqualTo("Signed in as server-oncall · Responder · Servers");
            ui.open("/devices");
            ui.await().until(d -> d.findElement(By.id("devices")).getText().contains(SERVER_2019));
            String list = ui.driver().findElement(By.id("devices")).getText();
            assertThat(list).contains(SERVER_2019, LINUX).doesNotContain(WINDOWS_11, OFFLINE, MAC);
            screenshot("1280/devices-servers-only.png");

            ui.driver().findElement(By.id("device-search")).sendKeys("lt-");
            ui.await().until(d -> !d.findElement(By.tagName("main")).getText().contains(SERVER_2019));
            assertThat(ui.driver().findElement(By.tagName("main")).getText()).doesNotContain(WINDOWS_11, OFFLINE);

            for (String tab : List.of("/actions", "/actions?tab=history")) {
                ui.open(tab);
                ui.awaitLive();
                // Listed (the table) or nothing to list (its sentence): either way the server has answered.
                ui.await().until(d -> !d.findElements(By.cssSelector("#actions, main p.empty")).isEmpty());
                assertThat(ui.actionRow(comment)).as("the workstation's pending action").isEmpty();
                assertThat(ui.driver().findElement(By.tagName("main")).getText()).doesNotContain(OFFLINE, WINDOWS_11);
            }

            ui.open("/devices/" + OFFLINE_ID);
            ui.await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Device not found"));
            assertThat(ui.driver().findElement(By.tagName("main")).getText()).doesNotContain(OFFLINE);
            screenshot("1280/device-not-found-for-servers.png");

            // Its own group it acts on: the server's page offers the button (Isolate or Release, by what the other
            // tests left it in), not the reason a Viewer reads.
            ui.openDeviceFromList(SERVER_2019);
            ui.await().until(d -> !d.findElements(By.id("device-action")).isEmpty());
            assertThat(ui.driver().findElements(By.id("no-remediation-reason"))).isEmpty();
        } finally {
            cancelByApi(actionId);
        }
    }

    @Test
    void signedOut_itSendsTheBrowserToSignIn_andSignOutEndsTheSession() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        chromium = Chromium.start(1280, 900, SCREENSHOTS);
        WebDriver driver = chromium.driver();
        driver.get(base.resolve("/devices").toString());
        WebDriverWait wait = new WebDriverWait(driver, Dashboard.WAIT);
        wait.until(ExpectedConditions.elementToBeClickable(Dashboard.USER_NAME));
        assertThat(driver.findElements(By.cssSelector("#devices tbody tr"))).as("no data signed out").isEmpty();
        screenshot("1280/sign-in.png");
        chromium.close();
        chromium = null;

        Dashboard ui = browser(1280, 900);
        assertThat(ui.driver().findElement(By.id("signed-in-as")).getText())
                .isEqualTo("Signed in as analyst · Responder");
        screenshot("1280/signed-in.png");
        ui.driver().findElement(By.id("sign-out")).click();
        // The token service's session ended too (end session): the next page asks for the password again.
        WebDriverWait signedOut = new WebDriverWait(ui.driver(), Dashboard.WAIT);
        signedOut.until(ExpectedConditions.elementToBeClickable(Dashboard.USER_NAME));
        ui.driver().get(base.resolve("/devices").toString());
        signedOut.until(ExpectedConditions.elementToBeClickable(Dashboard.USER_NAME));
    }

    private WebElement active() {
        return chromium.driver().switchTo().activeElement();
    }

    private Select select(String id) {
        return new Select(chromium.driver().findElement(By.id(id)));
    }

    private void screenshot(String name) {
        chromium.screenshot(SCREENSHOTS.resolve(name));
    }

}
