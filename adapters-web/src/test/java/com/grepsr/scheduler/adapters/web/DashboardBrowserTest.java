package com.grepsr.scheduler.adapters.web;

import com.grepsr.scheduler.adapters.grpc.v1.GetAllMissedRunsRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleStatus;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduledRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real browser (headless Chromium), one browser for the class: what an
 * operator sees and does, checked against what gRPC says; every view is saved as a screenshot
 * under target/screenshots/ and passes a basic accessibility check.
 */
class DashboardBrowserTest {

    private static WebTestKit kit;
    private static Browser browser;
    private static WebDriver driver;

    @BeforeAll
    static void start() {
        browser = Browser.startOrSkip();
        driver = browser.driver;
        kit = new WebTestKit();
    }

    @AfterAll
    static void stop() {
        if (kit != null) {
            kit.close();
        }
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void a_schedule_created_through_grpc_is_on_the_agenda_at_its_local_times_across_the_clock_change() {
        kit.dailyLondon(WebTestKit.ADMIN_TOKEN, "acme", "daily-london");
        browser.loginAs(kit.url(""), WebTestKit.ADMIN_TOKEN);

        browser.open(kit.url("/agenda?zone=Europe/London"));
        // London: 09:00 every day, also on Sunday 29th, when the clocks go forward
        assertThat(runsOf("daily-london")).containsExactly("1 run at Sat 28 Mar 09:00 Europe/London",
                "1 run at Sun 29 Mar 09:00 Europe/London", "1 run at Mon 30 Mar 09:00 Europe/London");
        assertThat(dayHeader("Sun 29 Mar").getAttribute("colspan")).as("the short day has 23 hours").isEqualTo("23");
        accessible("agenda");

        browser.open(kit.url("/agenda?zone=UTC"));
        // the same runs in UTC: 09:00 in winter time, 08:00 from the Sunday on
        assertThat(runsOf("daily-london")).containsExactly("1 run at Sat 28 Mar 09:00 UTC",
                "1 run at Sun 29 Mar 08:00 UTC", "1 run at Mon 30 Mar 08:00 UTC");
        assertThat(dayHeader("Sun 29 Mar").getAttribute("colspan")).isEqualTo("24");

        browser.clickAndWait(By.linkText("daily-london"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Schedule daily-london");
        assertThat(driver.findElements(By.cssSelector("#next tbody tr")).get(1).getText())
                .isEqualTo("2026-03-29 08:00 2026-03-29 09:00 (+01:00)");
        accessible("schedule");
    }

    @Test
    void a_missed_run_shows_its_cause_as_grpc_reports_it() {
        try (WebTestKit own = new WebTestKit()) { // its clock moves: a world of its own
            String id = own.hourlySkippingMisfires(WebTestKit.ADMIN_TOKEN, "acme", "hourly-skip");
            own.scheduler.tickAll();
            own.scheduler.clock().tick(Duration.ofHours(3)); // no processor ran for three hours
            own.scheduler.tickAll();
            List<ScheduledRun> missed = own.stub(WebTestKit.ADMIN_TOKEN).getAllMissedRuns(
                    GetAllMissedRunsRequest.newBuilder().setIncludeSkipped(true).build()).getRunsList();
            assertThat(missed).as("runs missed while no processor ran").isNotEmpty();
            String cause = missed.get(0).getMissCause().name().replace("MISS_CAUSE_", "");

            browser.loginAs(own.url(""), WebTestKit.ADMIN_TOKEN);
            browser.open(own.url("/missed"));
            List<String> causes = driver.findElements(By.cssSelector("table.misses td.cause")).stream()
                    .map(WebElement::getText).toList();
            assertThat(causes).hasSize(missed.size()).allMatch(cause::equals);
            accessible("missed");

            browser.clickAndWait(By.linkText(id));
            assertThat(driver.findElements(By.cssSelector("table.misses td.cause")).stream().map(WebElement::getText))
                    .hasSize(missed.size()).allMatch(cause::equals);

            browser.open(own.url("/"));
            assertThat(driver.findElement(By.id("missed-by-cause")).getText()).contains(cause + " " + missed.size());
        }
    }

    @Test
    void pause_on_the_page_pauses_the_schedule_as_grpc_sees_it() {
        String id = kit.dailyLondon(WebTestKit.ACME_TOKEN, "acme", "to-pause");
        browser.loginAs(kit.url(""), WebTestKit.ACME_TOKEN);
        browser.open(kit.url("/schedules/" + id));
        browser.clickAndWait(By.id("pause"));

        assertThat(statusOf(id)).isEqualTo(ScheduleStatus.SCHEDULE_STATUS_PAUSED);
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("PAUSED");
        browser.clickAndWait(By.id("unpause"));
        assertThat(statusOf(id)).isEqualTo(ScheduleStatus.SCHEDULE_STATUS_ACTIVE);
    }

    @Test
    void an_accounts_cookie_can_neither_open_nor_act_on_another_accounts_schedule() {
        String acmes = kit.dailyLondon(WebTestKit.ACME_TOKEN, "acme", "acme-only");
        browser.loginAs(kit.url(""), WebTestKit.GLOBEX_TOKEN);

        browser.open(kit.url("/schedules/" + acmes));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isIn("Not allowed", "Not found");
        assertThat(driver.getPageSource()).doesNotContain("acme-only");

        // a forged POST from the globex page, with globex's own valid CSRF token
        Object status = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const csrf = document.querySelector('input[name=csrf]').value;
                fetch('/schedules/' + arguments[0] + '/pause', {method: 'POST', redirect: 'manual',
                    headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                    body: 'csrf=' + encodeURIComponent(csrf)}).then(r => done(r.status));""", acmes);
        assertThat(((Number) status).intValue()).isIn(403, 404);
        assertThat(statusOf(acmes)).isEqualTo(ScheduleStatus.SCHEDULE_STATUS_ACTIVE);
        browser.open(kit.url("/schedules"));
        assertThat(driver.getPageSource()).doesNotContain("acme-only");
    }

    @Test
    void every_view_renders_and_passes_the_accessibility_check() {
        String id = kit.dailyLondon(WebTestKit.ADMIN_TOKEN, "acme", "views");
        kit.meters.launched(Duration.ofMillis(850));
        kit.meters.launched(Duration.ofMillis(1200));
        driver.manage().deleteAllCookies();
        browser.open(kit.url("/login"));
        accessible("login");
        browser.loginAs(kit.url(""), WebTestKit.ADMIN_TOKEN);

        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Overview");
        assertThat(driver.findElement(By.id("dispatch-h")).findElement(By.xpath("..")).getText())
                .contains("2 runs launched");
        accessible("overview");

        browser.open(kit.url("/schedules?status=ACTIVE"));
        assertThat(driver.findElement(By.id("schedules")).getText()).contains("views")
                .contains("Europe/London"); // the timing in words names its zone
        accessible("schedules");

        browser.open(kit.url("/schedules/" + id));
        browser.clickAndWait(By.id("run-now")); // run now → the new task's page
        assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("Task ");
        accessible("task");

        browser.open(kit.url("/tasks"));
        assertThat(driver.findElement(By.cssSelector("table.tasks")).getText()).contains("views");
        accessible("tasks");

        // keyboard: the first Tab reaches the skip link, then the navigation, in order
        browser.open(kit.url("/"));
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(active().getText()).isEqualTo("Skip to content");
        active().sendKeys(Keys.TAB);
        assertThat(active().getText()).isEqualTo("Overview");
        active().sendKeys(Keys.TAB);
        assertThat(active().getText()).isEqualTo("Agenda");
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** The titles of the agenda cells with runs in the row of the schedule named {@code name}. */
    private static List<String> runsOf(String name) {
        WebElement row = driver.findElement(By.xpath("//table[@id='agenda']//tr[th/a[text()='" + name + "']]"));
        return row.findElements(By.cssSelector("td.hit")).stream().map(td -> td.getAttribute("title")).toList();
    }

    private static WebElement dayHeader(String label) {
        return driver.findElement(By.xpath("//table[@id='agenda']//th[@class='day' and text()='" + label + "']"));
    }

    private static WebElement active() {
        return driver.switchTo().activeElement();
    }

    private static ScheduleStatus statusOf(String id) {
        return kit.stub(WebTestKit.ADMIN_TOKEN).getSchedule(GetScheduleRequest.newBuilder().setScheduleId(id).build())
                .getSchedule().getStatus();
    }

    /** Saves the view's screenshot and asserts the basic checks: no problem found. */
    private static void accessible(String view) {
        browser.screenshot(view);
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) ((JavascriptExecutor) driver).executeScript(A11Y);
        assertThat(problems).as("accessibility problems on the " + view + " view").isEmpty();
    }

    /**
     * Language, one h1 and no skipped heading level, a label for every control, a caption for every
     * table, alt text for images, and WCAG AA contrast (4.5:1) for every visible text.
     */
    private static final String A11Y = """
            const problems = [];
            if (!document.documentElement.lang) problems.push('no lang on <html>');
            if (!document.title) problems.push('no <title>');
            const h1s = document.querySelectorAll('h1').length;
            if (h1s !== 1) problems.push(h1s + ' h1 elements');
            let last = 0;
            document.querySelectorAll('h1,h2,h3,h4,h5,h6').forEach(h => {
              const level = Number(h.tagName[1]);
              if (level > last + 1) problems.push('heading level skips to ' + h.tagName + ' ' + h.textContent);
              last = level;
            });
            document.querySelectorAll('input:not([type=hidden]),select,textarea').forEach(el => {
              const label = (el.id && document.querySelector('label[for="' + el.id + '"]'))
                  || el.getAttribute('aria-label') || el.closest('label');
              if (!label) problems.push('no label for ' + el.outerHTML);
            });
            // a chart is hidden from assistive technology (aria-hidden): its numbers are in a captioned table
            document.querySelectorAll('table').forEach(t => {
              if (!t.closest('[aria-hidden=true]') && !t.querySelector('caption')) problems.push('a table without caption');
            });
            document.querySelectorAll('img').forEach(i => {
              if (!i.hasAttribute('alt')) problems.push('an image without alt');
            });
            const channel = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            const luminance = css => {
              const [r, g, b] = css.match(/[\\d.]+/g).map(Number);
              return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
            };
            const background = el => {
              for (; el; el = el.parentElement) {
                const c = getComputedStyle(el).backgroundColor;
                if (c && c !== 'transparent' && !/^rgba\\(.*,\\s*0\\)$/.test(c)) return c;
              }
              return 'rgb(255, 255, 255)';
            };
            document.querySelectorAll('body *').forEach(el => {
              if (!el.getClientRects().length) return;
              const text = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
              if (!text) return;
              const a = luminance(getComputedStyle(el).color), b = luminance(background(el));
              const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
              if (ratio < 4.5) problems.push('contrast ' + ratio.toFixed(2) + ' on ' + el.tagName + ' "'
                  + el.textContent.trim().slice(0, 30) + '"');
            });
            return problems;
            """;
}
