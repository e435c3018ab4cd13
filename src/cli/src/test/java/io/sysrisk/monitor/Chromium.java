package io.sysrisk.monitor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/** Debian's headless Chromium through its chromedriver, keeping the console log, as every page test drives it. */
final class Chromium {

    static final Path DRIVER = Path.of(System.getProperty("sysrisk.chromedriver", "/usr/bin/chromedriver"));

    private Chromium() {
    }

    /** A browser of {@code width} x {@code height} pixels; {@code prefs}: Chromium preferences (downloads). */
    static ChromeDriver start(int width, int height, Map<String, Object> prefs) {
        assertTrue(Files.isExecutable(DRIVER), DRIVER + " is missing: the browser tests need Debian's chromium and "
                + "chromium-driver (as root: apt-get install -y chromium chromium-driver; .ci/run installs them)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height);
        if (!prefs.isEmpty()) {
            options.setExperimentalOption("prefs", prefs);
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(),
                options);
    }
}
