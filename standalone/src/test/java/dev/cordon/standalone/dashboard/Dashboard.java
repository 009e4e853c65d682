package dev.cordon.standalone.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What an analyst does on the dashboard, in their words; the selectors stay in here. */
final class Dashboard {

    static final Duration WAIT = Duration.ofSeconds(30);

    private final Chromium chromium;
    private final URI base;

    Dashboard(Chromium chromium, URI base) {
        this.chromium = chromium;
        this.base = base;
    }

    WebDriver driver() {
        return chromium.driver();
    }

    Chromium chromium() {
        return chromium;
    }

    /** The token service's sign-in page, where a signed-out browser is sent (OpenID Connect, code with PKCE). */
    static final By USER_NAME = By.name("username");

    /**
     * Signs in as an analyst does: the dashboard sends the browser to the token service's sign-in page, which, once
     * the user name and password are accepted, sends it back to the page it asked for.
     */
    void signIn(String userName, String password) {
        driver().get(base.resolve("/devices").toString());
        WebElement field = await().until(ExpectedConditions.elementToBeClickable(USER_NAME));
        field.sendKeys(userName);
        driver().findElement(By.name("password")).sendKeys(password);
        click(By.cssSelector("#sign-in, button[name='sign-in']"));
        awaitLive();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in-as"), userName));
    }

    void open(String path) {
        driver().get(base.resolve(path).toString());
        awaitLive();
    }

    /** The page has rendered and follows the change stream. */
    void awaitLive() {
        await().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        await().until(ExpectedConditions.attributeToBe(By.id("live-state"), "data-state", "live"));
    }

    /** From the device list: searches for the name and follows its row. */
    void openDeviceFromList(String name) {
        open("/devices");
        WebElement search = driver().findElement(By.id("device-search"));
        search.sendKeys(name);
        await().until(d -> d.findElements(By.cssSelector("#devices tbody tr")).size() == 1);
        click(By.cssSelector("#devices tbody tr a"));
        await().until(ExpectedConditions.textToBe(By.id("device-name"), name));
        awaitLive();
    }

    WebElement actionButton() {
        return driver().findElement(By.id("device-action"));
    }

    String isolationState() {
        return driver().findElement(By.id("isolation-state")).getText();
    }

    /** Waits until the device page's button reads {@code label} and can be pressed. */
    void awaitActionButton(String label) {
        await().until(d -> {
            WebElement button = d.findElement(By.id("device-action"));
            return button.getText().equals(label) && button.isEnabled();
        });
    }

    void openActionDialog() {
        click(By.id("device-action"));
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("action-dialog")));
    }

    WebElement dialog() {
        return driver().findElement(By.id("action-dialog"));
    }

    boolean dialogOpen() {
        return dialog().getAttribute("open") != null;
    }

    WebElement isolationChoice(String type) {
        return driver().findElement(By.id("isolation-" + type.toLowerCase()));
    }

    String choiceDescription(String type) {
        return driver().findElement(By.id("isolation-" + type.toLowerCase() + "-description")).getText();
    }

    void typeComment(String comment) {
        driver().findElement(By.id("action-comment")).sendKeys(comment);
    }

    WebElement confirmButton() {
        return driver().findElement(By.id("action-confirm"));
    }

    void confirmAndAwaitClosed() {
        confirmButton().click();
        await().until(d -> !dialogOpen());
    }

    String dialogError() {
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("action-error")));
        return driver().findElement(By.id("action-error")).getText();
    }

    List<String> timeline() {
        return driver().findElements(By.cssSelector("#timeline li")).stream().map(WebElement::getText).toList();
    }

    /** The Action center row whose comment is {@code comment}, if listed. */
    Optional<WebElement> actionRow(String comment) {
        for (WebElement row : driver().findElements(By.cssSelector("#actions tbody tr"))) {
            try {
                if (row.findElement(By.cssSelector("td.comment")).getText().equals(comment)) {
                    return Optional.of(row);
                }
            } catch (StaleElementReferenceException rerendered) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The row's status, as a screen shows it ("Pending", "In progress", "Succeeded", ...). */
    Optional<String> actionStatus(String comment) {
        try {
            return actionRow(comment).map(row -> row.findElement(By.cssSelector(".status-cell .badge")).getText());
        } catch (StaleElementReferenceException rerendered) {
            return Optional.empty();
        }
    }

    /**
     * Watches the row without touching the page until it shows {@code finalStatus}.
     * @return every status it showed, in order, each once
     */
    List<String> watchActionUntil(String comment, String finalStatus, Duration timeout) {
        List<String> seen = new ArrayList<>();
        await().withTimeout(timeout).until(d -> {
            Optional<String> status = actionStatus(comment);
            status.filter(s -> seen.isEmpty() || !seen.get(seen.size() - 1).equals(s)).ifPresent(seen::add);
            return status.filter(finalStatus::equals).isPresent();
        });
        return seen;
    }

    /** Marks the page; {@link #notReloaded()} is false once anything loaded it again. */
    void markPage() {
        chromium.script("window.cordonTestMark = true");
    }

    boolean notReloaded() {
        return Boolean.TRUE.equals(chromium.script("return window.cordonTestMark === true"));
    }

    /**
     * Every visible field has a label, every button and link a name a screen reader can read out, and the page
     * one h1 and a language: what keyboard and screen-reader users need before anything else.
     */
    void assertAccessibleNames() {
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) chromium.script("""
                const visible = (e) => e.getClientRects().length > 0;
                const named = (e) => Boolean(e.getAttribute('aria-label') || e.getAttribute('aria-labelledby')
                    || e.textContent.trim());
                const problems = [];
                for (const field of document.querySelectorAll('input, select, textarea')) {
                  if (visible(field) && field.labels.length === 0 && !field.getAttribute('aria-label')) {
                    problems.push('unlabelled ' + field.tagName + '#' + field.id);
                  }
                }
                for (const control of document.querySelectorAll('button, a[href]')) {
                  if (visible(control) && !named(control)) problems.push('nameless ' + control.outerHTML);
                }
                if (document.querySelectorAll('h1').length !== 1) problems.push('not one h1');
                if (!document.documentElement.lang) problems.push('no lang');
                return problems;
                """);
        assertThat(problems).as("accessibility problems on " + driver().getCurrentUrl()).isEmpty();
    }

    void assertFitsTheWidth() {
        assertThat(chromium.overflowsHorizontally()).as("the page scrolls sideways").isFalse();
    }

    /** Live updates re-render the page at any time: an element found a moment ago may be gone, so look again. */
    WebDriverWait await() {
        WebDriverWait wait = new WebDriverWait(driver(), WAIT, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Clicks what {@code locator} finds, finding it again if a live update replaced it in between. */
    void click(By locator) {
        await().until(d -> {
            d.findElement(locator).click();
            return true;
        });
    }
}
