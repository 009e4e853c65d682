package dev.cordon.standalone.dashboard;

import dev.cordon.standalone.process.FreePorts;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver. The test starts chromedriver itself, so it
 * holds its PID and can stop it, and the browser under it, whatever happens; each browser gets a new empty
 * profile, so no state is carried from one test to the next.
 */
final class Chromium implements AutoCloseable {

    static final String BINARY = System.getProperty("cordon.chromium", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("cordon.chromedriver", "/usr/bin/chromedriver");

    private final Process chromedriver;
    private final Path profile;
    private final RemoteWebDriver driver;

    private Chromium(Process chromedriver, Path profile, RemoteWebDriver driver) {
        this.chromedriver = chromedriver;
        this.profile = profile;
        this.driver = driver;
    }

    /** A browser whose page area is {@code width} CSS pixels wide. */
    static Chromium start(int width, int height, Path logDirectory) throws IOException {
        for (String program : List.of(BINARY, DRIVER)) {
            if (!new File(program).canExecute()) {
                throw new IllegalStateException(program + " is missing: install Debian's chromium and chromium-driver"
                        + " (./cordon.sh test does so when it may)");
            }
        }
        int port = FreePorts.next();
        Path log = logDirectory.resolve("chromedriver-" + port + ".log");
        Process process = new ProcessBuilder(DRIVER, "--port=" + port, "--allowed-ips=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Path profile = Files.createTempDirectory("cordon-chromium-");
        try {
            awaitListening(port, process);
            ChromeOptions options = new ChromeOptions().setBinary(BINARY).addArguments(
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    // This machine's network is closed: without these Chromium keeps trying Google's hosts.
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--lang=en-US", "--force-device-scale-factor=1",
                    "--window-size=" + width + "," + height);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            RemoteWebDriver driver = new RemoteWebDriver(URI.create("http://127.0.0.1:" + port).toURL(), options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
            Chromium chromium = new Chromium(process, profile, driver);
            chromium.fitViewport(width, height);
            return chromium;
        } catch (IOException | RuntimeException e) {
            stop(process);
            FileSystemUtils.deleteRecursively(profile.toFile());
            throw e;
        }
    }

    WebDriver driver() {
        return driver;
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** The page area's width in CSS pixels, as the page's media queries see it. */
    long viewportWidth() {
        return ((Number) script("return window.innerWidth")).longValue();
    }

    long viewportHeight() {
        return ((Number) script("return window.innerHeight")).longValue();
    }

    /** Whether anything sticks out sideways (beyond the page area beside the scroll bar): a phone would scroll. */
    boolean overflowsHorizontally() {
        return (Boolean) script(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    }

    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The console's errors since the last call (script errors, policy violations, failed loads). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Headless windows have no frame, but the size asked for is the window's: correct it to the viewport's. */
    private void fitViewport(int width, int height) {
        for (int attempt = 0; attempt < 3 && (viewportWidth() != width || viewportHeight() != height); attempt++) {
            Dimension window = driver.manage().window().getSize();
            long innerWidth = viewportWidth();
            long innerHeight = viewportHeight();
            driver.manage().window().setSize(new Dimension(
                    (int) (window.getWidth() + width - innerWidth), (int) (window.getHeight() + height - innerHeight)));
        }
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
