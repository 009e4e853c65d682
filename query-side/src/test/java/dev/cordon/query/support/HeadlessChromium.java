package dev.cordon.query.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium through Debian's chromedriver, for the query side's browser tests (against a stub
 * command side; the standalone module's DashboardIT drives the whole product the same way). The test starts
 * chromedriver itself, so it holds its PID and stops it, and the browser under it, whatever happens.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final String BINARY = System.getProperty("cordon.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("cordon.chromedriver", "/usr/bin/chromedriver");

    private final Process chromedriver;
    private final Path profile;
    private final RemoteWebDriver driver;

    private HeadlessChromium(Process chromedriver, Path profile, RemoteWebDriver driver) {
        this.chromedriver = chromedriver;
        this.profile = profile;
        this.driver = driver;
    }

    public static HeadlessChromium start(int width, int height) throws IOException {
        for (String program : List.of(BINARY, DRIVER)) {
            if (!new File(program).canExecute()) {
                throw new IllegalStateException(program + " is missing: install Debian's chromium and chromium-driver"
                        + " (./cordon.sh test does so when it may)");
            }
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process process = new ProcessBuilder(DRIVER, "--port=" + port, "--allowed-ips=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path profile = Files.createTempDirectory("cordon-query-chromium-");
        try {
            awaitListening(port, process);
            ChromeOptions options = new ChromeOptions().setBinary(BINARY).addArguments(
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    // This machine's network is closed: without these Chromium keeps trying Google's hosts.
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--lang=en-US", "--window-size=" + width + "," + height);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            RemoteWebDriver driver = new RemoteWebDriver(URI.create("http://127.0.0.1:" + port).toURL(), options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
            return new HeadlessChromium(process, profile, driver);
        } catch (IOException | RuntimeException e) {
            stop(process);
            FileSystemUtils.deleteRecursively(profile.toFile());
            throw e;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** The console's errors since the last call (script errors, policy violations, failed loads). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } catch (RuntimeException e) {
            // The browser may be gone already; its process is stopped below either way.
        } finally {
            stop(chromedriver);
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    /** By PID: the browser (a child of chromedriver) first, then chromedriver. */
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitListening(int port, Process process) throws IOException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("chromedriver exited with " + process.exitValue());
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        }
        throw new IOException("chromedriver did not listen on " + port + " within 20 s");
    }
}
