package org.lexgap.launcher.it.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person at the trainer page: Debian's headless Chromium driven through the system's chromedriver (never a
 * browser or driver Selenium would download), with a fresh profile and its own download folder.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("lexgap.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("lexgap.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(60);
    /**
     * The tests use WebDriver only, never the DevTools protocol, so Selenium's note that it has no CDP binding for
     * this Chromium version is noise; held in a field so that the level is not lost with a collected logger.
     */
    private static final java.util.logging.Logger CDP_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    static {
        CDP_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    final ChromeDriver driver;
    final Path downloads;
    private final Path profile;

    /** Skips the calling test, naming the install command, when Chromium or its driver is missing. */
    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static void assumeInstalled() {
        assumeTrue(installed(),
                "the browser tests need Debian's Chromium and ChromeDriver (" + CHROMIUM + ", " + CHROMEDRIVER
                        + "): install them with 'apt-get install -y chromium chromium-driver' (.ci/install-browser does)");
    }

    /** A browser whose language (navigator.languages, Accept-Language) is {@code language}, e.g. "en-US". */
    static Browser open(String language) {
        assumeInstalled();
        // Point Selenium at the system's driver, so that Selenium Manager never looks for (or downloads) one.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        try {
            Path profile = Files.createTempDirectory("lexgap-chromium-profile-");
            Path downloads = Files.createTempDirectory("lexgap-chromium-downloads-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,1800",
                    "--lang=" + language);
            options.setExperimentalOption("prefs", Map.of(
                    "intl.accept_languages", language,
                    "download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false,
                    "safebrowsing.enabled", false));
            // The page's console, so that tests can assert it has no script error and no CSP violation.
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), profile, downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Browser(ChromeDriver driver, Path profile, Path downloads) {
        this.driver = driver;
        this.profile = profile;
        this.downloads = downloads;
    }

    /** Loads the page and waits until it has drawn its first matrix. */
    void load(java.net.URI url) {
        driver.get(url.toString());
        waitFor(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        waitFor(d -> !d.findElements(By.cssSelector("#matrix tbody tr")).isEmpty());
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    String text(String id) {
        return byId(id).getText();
    }

    void choose(String selectId, String value) {
        new Select(byId(selectId)).selectByValue(value);
    }

    /** Types a date into a date input as a person would (month, day, year in the en-US field order). */
    void typeDate(String inputId, LocalDate date) {
        WebElement input = byId(inputId);
        input.click();
        // The click lands on whichever part (month, day, year) is under the pointer: step back to the month first.
        input.sendKeys(Keys.LEFT, Keys.LEFT, Keys.LEFT);
        input.sendKeys(String.format("%02d%02d%04d", date.getMonthValue(), date.getDayOfMonth(), date.getYear()));
        waitFor(d -> {
            String value = input.getAttribute("value");
            if (!date.toString().equals(value)) {
                throw new org.openqa.selenium.NotFoundException("the date field reads \"" + value + "\"");
            }
            return true;
        });
    }

    /** The cell of jurisdiction {@code code} and criterion {@code criterion} in the matrix. */
    WebElement cell(String code, String criterion) {
        return driver.findElement(By.cssSelector("#matrix td[data-jurisdiction='" + code + "'][data-criterion='"
                + criterion + "']"));
    }

    /** The visible verdict label of a cell ("Met", "No cumple", ...). */
    String cellLabel(String code, String criterion) {
        return cell(code, criterion).findElement(By.cssSelector(".label")).getText();
    }

    /** The matrix as a person reads it: one row per jurisdiction, its name then each cell's visible label. */
    List<List<String>> matrix() {
        List<List<String>> rows = new ArrayList<>();
        for (WebElement row : driver.findElements(By.cssSelector("#matrix tbody tr"))) {
            List<String> cells = new ArrayList<>();
            cells.add(row.findElement(By.tagName("th")).getText());
            cells.add(row.getAttribute("data-jurisdiction"));
            for (WebElement label : row.findElements(By.cssSelector("td.status .label"))) {
                cells.add(label.getText());
            }
            rows.add(cells);
        }
        return rows;
    }

    /** What the page's console reported as errors (a script error, a resource refused by the CSP, a failed load). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(entry -> entry.getMessage()).toList();
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves a screenshot of the whole window, or of one element, when -Dlexgap.screenshots=DIR is set. */
    void screenshot(String name, WebElement element) {
        String dir = System.getProperty("lexgap.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        try {
            Path target = Path.of(dir).resolve(name + ".png");
            Files.createDirectories(target.getParent());
            Path shot = (element != null ? element : (TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a finished download whose name ends with {@code suffix}. */
    Path download(String suffix) {
        return waitFor(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
            deleteQuietly(downloads);
        }
    }

    static void deleteQuietly(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
