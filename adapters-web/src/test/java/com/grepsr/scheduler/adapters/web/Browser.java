package com.grepsr.scheduler.adapters.web;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * One headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) for a test class.
 * Without them the tests are skipped with a message — except under CI=true, where that fails the
 * build: CI installs them ({@code .ci/run}), so a missing browser there is a broken machine.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("PHOENIX_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("PHOENIX_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;

    private Browser(WebDriver driver) {
        this.driver = driver;
    }

    static Browser startOrSkip() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            String why = "the browser tests need Chromium and its driver at " + CHROMIUM + " and " + DRIVER
                    + " (apt-get install chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(why + "; CI=true, so they may not be skipped");
            }
            System.err.println("[DashboardBrowserTest] " + why + ": skipped"); // surefire shows no reason for a class
            Assumptions.abort(why + ": skipped");
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1400,1000", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return new Browser(driver);
    }

    void open(String url) {
        driver.get(url);
    }

    /** Logs in with {@code token}, after logging out whoever was. */
    void loginAs(String baseUrl, String token) {
        driver.manage().deleteAllCookies();
        driver.get(baseUrl + "/login");
        driver.findElement(By.id("token")).sendKeys(token);
        clickAndWait(By.cssSelector("form[action='/login'] button"));
    }

    /**
     * Clicks a link or a form's button and waits until the next page replaced this one and loaded.
     * The old document is marked and the wait is for a document without the mark: asking the
     * clicked element whether it went stale (ExpectedConditions.stalenessOf) failed now and then
     * with chromedriver's "Node with given id does not belong to the document" instead of a stale
     * element, while the page was being replaced. Errors while the page changes are retried.
     */
    void clickAndWait(By what) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.phoenixOldPage = true;");
        driver.findElement(what).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(WebDriverException.class).until(d ->
                Boolean.TRUE.equals(js.executeScript(
                        "return window.phoenixOldPage === undefined && document.readyState === 'complete';")));
    }

    /** Saves what the browser shows as target/screenshots/{name}.png, for review. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path to = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), to, StandardCopyOption.REPLACE_EXISTING);
            return to;
        } catch (IOException e) {
            throw new AssertionError("could not save the screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
