package org.lracademy.frontend.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The course in a real browser against the real backend: every page renders, fits a phone, and draws its charts.
 * Screenshots are saved under target/screenshots for a look by eye.
 */
class CourseInBrowserIT {

    private static final List<String> LESSONS = List.of("learning-rate", "batch-normalisation", "dropout",
            "weight-initialisation");
    private static final Path WORK = Path.of("target", "e2e");
    private static final int PHONE = 375;

    private static Servers servers;
    private Browser browser;

    @BeforeAll
    static void startServers() throws Exception {
        servers = Servers.start(WORK);
    }

    @AfterAll
    static void stopServers() {
        if (servers != null) {
            servers.close();
        }
    }

    @BeforeEach
    void startBrowser() throws Exception {
        browser = new Browser(WORK.resolve("chromium-" + System.nanoTime()),
                Path.of(System.getProperty("academy.screenshots", "target/screenshots")));
        browser.viewport(1280, 800);
    }

    @AfterEach
    void stopBrowser() {
        browser.close();
    }

    @Test
    void homePageListsTheFourLessonsAndFitsAPhone() throws Exception {
        browser.open(servers.frontendUrl + "/");
        browser.waitUntil(Duration.ofSeconds(20), () -> count(".academy-card") == LESSONS.size());
        browser.screenshot("home");

        browser.viewport(PHONE, 800);
        assertTrue(browser.scrollWidth() <= PHONE, "the home page scrolls sideways at 375 px: "
                + browser.scrollWidth());
        browser.screenshot("home-375");
    }

    @Test
    void everyLessonShowsItsTextAndExperimentsAndFitsAPhone() throws Exception {
        for (String slug : LESSONS) {
            browser.viewport(1280, 800);
            browser.open(servers.frontendUrl + "/lessons/" + slug);
            browser.find(".academy-text h1");
            assertTrue(count(".academy-experiment") >= 1, slug + " offers no experiment");
            browser.screenshot("lesson-" + slug);

            browser.viewport(PHONE, 800);
            assertTrue(browser.scrollWidth() <= PHONE, slug + " scrolls sideways at 375 px: " + browser.scrollWidth());
            browser.screenshot("lesson-" + slug + "-375");
        }
    }

    @Test
    void aBackendThatIsDownGetsABannerAndNoStackTrace() throws Exception {
        browser.open(servers.startFrontendWithoutBackend(WORK) + "/lessons/learning-rate");
        String banner = browser.find(".academy-banner").getText();
        assertTrue(banner.contains("is not answering"), banner);
        String page = (String) browser.js("return document.body.innerText");
        assertTrue(!page.contains("Exception") && !page.contains("at org."), page);
        browser.screenshot("backend-down");
    }

    @Test
    void scheduleExplorerDrawsTheCurveAndRedrawsItAsTheLearnerTypes() throws Exception {
        browser.open(servers.frontendUrl + "/schedules");
        String chart = ".academy-schedules academy-chart";
        browser.waitUntil(Duration.ofSeconds(20), () -> browser.pixelsOf(chart, 0x1f, 0x6f, 0xeb) > 50);
        long before = browser.pixelsOf(chart, 0x1f, 0x6f, 0xeb);
        browser.screenshot("schedules");

        type(browser.find("#field-steps"), "20");
        browser.waitUntil(Duration.ofSeconds(20), () -> browser.pixelsOf(chart, 0x1f, 0x6f, 0xeb) != before);

        type(browser.find("#field-T_max"), "-5");
        browser.waitUntil(Duration.ofSeconds(20), () -> Boolean.TRUE.equals(browser.js(
                "const f = document.querySelector('#field-T_max'); return f.invalid && !!f.errorMessage")));
        browser.screenshot("schedules-refused");
        type(browser.find("#field-T_max"), "30");
        browser.waitUntil(Duration.ofSeconds(20), () -> Boolean.FALSE.equals(browser.js(
                "return document.querySelector('#field-T_max').invalid")));

        browser.viewport(PHONE, 800);
        assertTrue(browser.scrollWidth() <= PHONE, "the schedule explorer scrolls sideways at 375 px");
        browser.screenshot("schedules-375");
    }

    @Test
    void rangeTestDrawsLiveThenItsSuggestionCarriesIntoCosineAgainstConstant() throws Exception {
        browser.open(servers.frontendUrl + "/lessons/learning-rate");
        String rangeChart = "#experiment-range-test academy-chart";
        browser.button("Run the range test").click();
        browser.waitUntil(Duration.ofMinutes(2), () -> browser.pixelsOf(rangeChart, 0x1f, 0x6f, 0xeb) > 20);

        browser.waitUntil(Duration.ofMinutes(4), () -> Boolean.TRUE.equals(browser.js(
                "const b = document.querySelector('#use-this-lr'); return !!b && !b.hidden")));
        WebElement use = browser.find("#use-this-lr");
        assertTrue(count("#experiment-range-test .academy-suggestions li") >= 1, "no suggestion is listed");
        String stop = browser.find("#experiment-range-test .academy-stop").getText();
        assertTrue(stop.startsWith("The sweep"), "the stop reason is not said in words: " + stop);
        browser.screenshot("range-test");

        use.click();
        String suggested = use.getText().replaceAll(".*\\((.*)\\).*", "$1");
        browser.waitUntil(Duration.ofSeconds(10),
                () -> suggested.equals(browser.js("return document.querySelector('#cosine-lr').value")));
        browser.button("Train both").click();
        String tally = "#experiment-cosine-vs-constant .academy-tally li";
        browser.waitUntil(Duration.ofMinutes(6), () -> count(tally) == 2 && textOf(tally).split("succeeded", -1)
                .length == 3);
        String board = "#experiment-cosine-vs-constant .academy-board academy-chart";
        assertTrue(browser.pixelsOf(board, 0x1f, 0x6f, 0xeb) > 20, "the constant-rate curve is not drawn");
        assertTrue(browser.pixelsOf(board, 0xd1, 0x24, 0x2f) > 20, "the cosine curve is not drawn");
        assertTrue(textOf(tally).contains("final validation accuracy"), textOf(tally));
        browser.screenshot("cosine-vs-constant");

        browser.open(servers.frontendUrl + "/runs");
        browser.waitUntil(Duration.ofSeconds(20), () -> ((Number) browser.js(
                "return document.querySelector('#runs').size ?? 0")).intValue() >= 3);
        browser.button("Show curves").click();
        browser.waitUntil(Duration.ofSeconds(30), () -> browser.pixelsOf(".academy-runs .academy-board academy-chart",
                0x1f, 0x6f, 0xeb) > 20);
        browser.screenshot("runs");
        browser.viewport(PHONE, 800);
        assertTrue(browser.scrollWidth() <= PHONE, "the runs page scrolls sideways at 375 px");
        browser.screenshot("runs-375");
    }

    @Test
    void everyComparisonRunsLiveOnTheDigits() throws Exception {
        for (String slug : List.of("learning-rate", "batch-normalisation", "dropout", "weight-initialisation")) {
            browser.viewport(1280, 800);
            browser.open(servers.frontendUrl + "/lessons/" + slug);
            browser.button("Run the comparison").click();
            String board = ".academy-board academy-chart";
            browser.waitUntil(Duration.ofMinutes(2), () -> browser.pixelsOf(board, 0x1f, 0x6f, 0xeb) > 20);
            browser.waitUntil(Duration.ofMinutes(6), () -> textOf(".academy-status").contains("Every run has ended"));
            browser.screenshot("experiment-" + slug);
            // A run may leave the loss chart's range (normal(1) initialisation starts far above it), never all charts.
            long second = 0;
            for (int chart = 1; chart <= 4; chart++) {
                second += browser.pixelsOf(board + ":nth-of-type(" + chart + ")", 0xd1, 0x24, 0x2f);
            }
            assertTrue(second > 20, slug + ": the second run is drawn in none of the charts");
        }
        String spread = "#experiment-init-schemes .academy-board academy-chart:nth-of-type(4)";
        assertTrue(browser.pixelsOf(spread, 0x1f, 0x6f, 0xeb) + browser.pixelsOf(spread, 0xd1, 0x24, 0x2f) > 20,
                "the activation spread per layer is not drawn");
    }

    private void type(WebElement field, String text) {
        browser.js("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, text);
    }

    private long count(String css) {
        return ((Number) browser.js("return document.querySelectorAll(arguments[0]).length", css)).longValue();
    }

    private String textOf(String css) {
        return (String) browser.js("return [...document.querySelectorAll(arguments[0])].map(e => e.textContent)"
                + ".join('\\n')", css);
    }
}
