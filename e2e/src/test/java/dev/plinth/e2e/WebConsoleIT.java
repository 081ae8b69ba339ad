package dev.plinth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real headless browser (Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs): the console is closed without a login, a server owner logs in with the password set by
 * {@code plinth:passwd}, sees the example resources, stops one with its button and sees its state change, sees the
 * error code when stopping the system resource, and opens the Server page. A screenshot of each page goes to
 * {@code target/screenshots/}.
 */
class WebConsoleIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String PASSWORD = "e2e-console-pass";

    @TempDir
    Path home;

    @Test
    void anOwnerLogsInAndStopsAResourceFromTheResourcesPage() throws Exception {
        boolean browser = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!browser && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI needs Debian's chromium and chromium-driver (.ci/run installs them)");
        }
        assumeTrue(browser, "skipped: install Debian's chromium and chromium-driver (apt-get install chromium "
                + "chromium-driver; .ci/run does) to drive the web console in a browser");

        var instance = PlinthInstance.at(home);
        var passwd = instance.withArgs("--exec", "plinth:passwd admin " + PASSWORD);
        assertTrue(passwd.output().contains("Web console login set for admin"), passwd.output());
        assertFalse(Files.readString(home.resolve("conf/server.json")).contains(PASSWORD),
                "only the password's hash is written");

        Process process = instance.start();
        WebDriver browserDriver = null;
        try (OutputStream stdin = process.getOutputStream()) {
            PlinthInstance.send(process, "echo startup-done");
            instance.awaitOutput("startup-done");
            browserDriver = chromium();
            var wait = new WebDriverWait(browserDriver, Duration.ofSeconds(30));
            String console = instance.url() + "/system/console";

            browserDriver.get(console + "/plinth-resources");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plinth-login-form")));
            screenshot(browserDriver, "01-login.png");
            browserDriver.findElement(By.id("plinth-user")).sendKeys("admin");
            browserDriver.findElement(By.id("plinth-password")).sendKeys("wrong-password");
            browserDriver.findElement(By.id("plinth-login")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plinth-login-error")));
            browserDriver.findElement(By.id("plinth-user")).sendKeys("admin");
            browserDriver.findElement(By.id("plinth-password")).sendKeys(PASSWORD);
            browserDriver.findElement(By.id("plinth-login")).click();

            wait.until(ExpectedConditions.textToBe(By.cssSelector("#resource-chat-demo td.state"), "started"));
            for (String name : List.of("hello", "welcome", "admin-tools", "chat-demo", "core", "starter-pack")) {
                assertFalse(browserDriver.findElements(By.id("resource-" + name)).isEmpty(), name + " is listed");
            }
            String welcomeMs = textOf(browserDriver, By.cssSelector("#resource-welcome td.ms"));
            assertTrue(welcomeMs.matches("\\d+\\.\\d{3}"), "the Lua example's ms per tick: " + welcomeMs);
            assertEquals("-", textOf(browserDriver, By.cssSelector("#resource-hello td.ms")),
                    "a Java plugin is not measured");
            assertNoServerError(browserDriver);
            screenshot(browserDriver, "02-resources.png");

            click(browserDriver, By.cssSelector("#resource-chat-demo .action-stop"));
            wait.until(ExpectedConditions.textToBe(By.cssSelector("#resource-chat-demo td.state"), "stopped"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("plinth-message"),
                    "stopped chat-demo"));
            screenshot(browserDriver, "03-stopped.png");

            click(browserDriver, By.cssSelector("#resource-server .action-stop"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("plinth-message"),
                    "ERR_SYSTEM_RESOURCE"));
            assertEquals("started", textOf(browserDriver, By.cssSelector("#resource-server td.state")));
            screenshot(browserDriver, "04-system-resource-refused.png");

            PlinthInstance.send(process, "sim:join alice");
            browserDriver.get(console + "/plinth-server");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("server-players"), "alice"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("resmon-welcome")));
            WebElement tps = browserDriver.findElement(By.id("server-tps"));
            assertTrue(tps.getText().contains("(last 5 s)"), tps.getText());
            assertNoServerError(browserDriver);
            screenshot(browserDriver, "05-server.png");
        } finally {
            if (browserDriver != null) {
                browserDriver.quit();
            }
            process.waitFor(60, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
        String log = Files.readString(instance.consoleLog());
        assertTrue(log.contains("web console (admin): stopped chat-demo"), log);
        assertTrue(log.contains("web console: a failed login as 'admin'"), log);
    }

    static WebDriver chromium() {
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        return new ChromeDriver(service, options);
    }

    static void screenshot(WebDriver driver, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /**
     * The text of a cell of the Resources table, which the page renders again every two seconds: an element found
     * just before a refresh is gone when its text is read, so it is found again (the text read is always the page's).
     */
    private static String textOf(WebDriver driver, By cell) {
        return onFresh(driver, cell, WebElement::getText);
    }

    /** Clicks a button of the Resources table, found again when a refresh replaced it before the click reached it. */
    private static void click(WebDriver driver, By button) {
        onFresh(driver, button, element -> {
            element.click(); // a stale element is not clicked: clicking the fresh one is the first click
            return null;
        });
    }

    /** Finds an element and acts on it, finding it again (up to five times) when the page replaced it meanwhile. */
    private static <T> T onFresh(WebDriver driver, By locator, Function<WebElement, T> action) {
        for (int attempt = 1; ; attempt++) {
            try {
                return action.apply(driver.findElement(locator));
            } catch (StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static void assertNoServerError(WebDriver driver) {
        String page = driver.getPageSource();
        assertFalse(page.contains("HTTP ERROR 5") || page.contains("Server Error"), "a server error:\n" + page);
    }


}
