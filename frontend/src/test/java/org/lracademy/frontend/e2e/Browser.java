package org.lracademy.frontend.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium driven by its own chromedriver; nothing is downloaded. */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final Path shots;
    private int width = 1280;
    private int height = 800;

    Browser(Path profile, Path shots) throws IOException {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(DRIVER))) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver "
                    + "(apt-get install chromium chromium-driver), or -Dskip.e2e=true to leave them out");
        }
        this.shots = Files.createDirectories(shots);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createDirectories(profile), "--window-size=1280,800");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(DRIVER).toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    void open(String url) {
        driver.get(url);
        waitUntil(Duration.ofSeconds(30), () -> Boolean.TRUE.equals(js("return !!window.Vaadin && "
                + "!!document.querySelector('.academy-content')")));
    }

    /** Sets the page's viewport in CSS pixels; a width under 600 is treated as a phone. */
    void viewport(int width, int height) {
        this.width = width;
        this.height = height;
        metrics(width, height);
    }

    private void metrics(int w, int h) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", w, "height", h,
                "deviceScaleFactor", 1, "mobile", w < 600));
    }

    WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    WebElement button(String text) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-button[contains(normalize-space(.), '" + text + "')]")));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    long scrollWidth() {
        return ((Number) js("return document.documentElement.scrollWidth")).longValue();
    }

    /**
     * How many pixels of the chart's canvas are close to the colour a series is drawn in (the first series is
     * blue, #1f6feb; the second red, #d1242f). Axes and grid lines are grey and never count.
     */
    long pixelsOf(String chartCss, int r, int g, int b) {
        Object count = js("const c = document.querySelector(arguments[0] + ' canvas');"
                + "if (!c || !c.width) return 0;"
                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                + "for (let i = 0; i < d.length; i += 4) {"
                + "  if (d[i + 3] > 200 && Math.abs(d[i] - arguments[1]) < 40 && Math.abs(d[i + 1] - arguments[2]) < 40"
                + "      && Math.abs(d[i + 2] - arguments[3]) < 40) n++; }"
                + "return n;", chartCss, r, g, b);
        return ((Number) count).longValue();
    }

    void waitUntil(Duration timeout, java.util.function.Supplier<Boolean> condition) {
        new WebDriverWait(driver, timeout).pollingEvery(Duration.ofMillis(250)).until(d -> condition.get());
    }

    /** Saves a screenshot of the whole page, at the current width, under the screenshots folder. */
    Path screenshot(String name) throws IOException {
        int full = ((Number) js("return Math.max(document.documentElement.scrollHeight, arguments[0])", height))
                .intValue();
        metrics(width, full);
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        metrics(width, height);
        Path file = shots.resolve(name + ".png");
        Files.write(file, png);
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
