package com.grepsr.scheduler.adapters.web;

import com.grepsr.scheduler.adapters.grpc.v1.GetScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's security over plain HTTP (no browser needed): login, the cookie's flags, CSRF,
 * and that an account's session reads and acts on its own account only — the use cases' rules.
 */
class DashboardSecurityTest {

    private static WebTestKit kit;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        kit = new WebTestKit();
    }

    @AfterAll
    static void stop() {
        kit.close();
    }

    @Test
    void pages_need_a_login_and_a_wrong_token_gets_none() throws Exception {
        HttpResponse<String> page = get("/schedules", null);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue("/login");

        HttpResponse<String> wrong = post("/login", null, "token=not-a-token-0123456789");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void login_gives_an_httponly_samesite_strict_cookie_holding_no_token() throws Exception {
        HttpResponse<String> login = post("/login", null, "token=" + WebTestKit.ACME_TOKEN);
        assertThat(login.statusCode()).isEqualTo(303);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("phoenix_session=").contains("HttpOnly").contains("SameSite=Strict")
                .doesNotContain(WebTestKit.ACME_TOKEN);
        HttpResponse<String> overview = get("/", session(cookie));
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("alice@acme").doesNotContain(WebTestKit.ACME_TOKEN);
    }

    @Test
    void a_post_without_the_sessions_csrf_token_changes_nothing() throws Exception {
        String id = kit.dailyLondon(WebTestKit.ADMIN_TOKEN, "acme", "csrf-target");
        String cookie = session(login(WebTestKit.ACME_TOKEN));

        assertThat(post("/schedules/" + id + "/pause", cookie, "csrf=forged").statusCode()).isEqualTo(403);
        assertThat(post("/schedules/" + id + "/pause", cookie, "").statusCode()).isEqualTo(403);
        assertThat(statusOf(id)).isEqualTo(ScheduleStatus.SCHEDULE_STATUS_ACTIVE);

        String csrf = csrfOf(get("/schedules/" + id, cookie).body());
        assertThat(post("/schedules/" + id + "/pause", cookie, "csrf=" + csrf).statusCode()).isEqualTo(303);
        assertThat(statusOf(id)).isEqualTo(ScheduleStatus.SCHEDULE_STATUS_PAUSED);
    }

    @Test
    void pause_until_takes_a_wall_clock_time_in_the_schedules_zone() throws Exception {
        String id = kit.dailyLondon(WebTestKit.ADMIN_TOKEN, "acme", "pause-until");
        String cookie = session(login(WebTestKit.ACME_TOKEN));
        String csrf = csrfOf(get("/schedules/" + id, cookie).body());

        // Monday 30 March 10:00 in London is 09:00 UTC: summer time began the day before
        assertThat(post("/schedules/" + id + "/pause", cookie, "csrf=" + csrf + "&until=2026-03-30T10:00")
                .statusCode()).isEqualTo(303);
        var schedule = kit.stub(WebTestKit.ADMIN_TOKEN).getSchedule(GetScheduleRequest.newBuilder()
                .setScheduleId(id).build()).getSchedule();
        assertThat(schedule.getStatus()).isEqualTo(ScheduleStatus.SCHEDULE_STATUS_PAUSED);
        assertThat(java.time.Instant.ofEpochSecond(schedule.getPausedUntil().getSeconds()))
                .isEqualTo(java.time.Instant.parse("2026-03-30T09:00:00Z"));

        assertThat(post("/schedules/" + id + "/unpause", cookie, "csrf=" + csrf).statusCode()).isEqualTo(303);
        HttpResponse<String> bad = post("/schedules/" + id + "/pause", cookie, "csrf=" + csrf + "&until=next+week");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("until");
    }

    @Test
    void an_accounts_session_can_neither_open_nor_pause_another_accounts_schedule() throws Exception {
        String acmes = kit.dailyLondon(WebTestKit.ADMIN_TOKEN, "acme", "acme-private");
        String globex = session(login(WebTestKit.GLOBEX_TOKEN));
        String csrf = csrfOf(get("/", globex).body());

        HttpResponse<String> page = get("/schedules/" + acmes, globex);
        assertThat(page.statusCode()).isIn(403, 404);
        assertThat(page.body()).doesNotContain("acme-private");
        assertThat(post("/schedules/" + acmes + "/pause", globex, "csrf=" + csrf).statusCode()).isIn(403, 404);
        assertThat(statusOf(acmes)).isEqualTo(ScheduleStatus.SCHEDULE_STATUS_ACTIVE);
        assertThat(get("/schedules", globex).body()).doesNotContain("acme-private");
        assertThat(get("/agenda", globex).body()).doesNotContain("acme-private");
        assertThat(get("/schedules?account=acme", globex).statusCode()).isEqualTo(403);
    }

    @Test
    void an_account_lists_its_own_schedules_on_the_list_and_the_agenda() throws Exception {
        kit.dailyLondon(WebTestKit.ADMIN_TOKEN, "acme", "acme-listed");
        kit.dailyLondon(WebTestKit.ADMIN_TOKEN, "globex", "globex-unlisted");
        String acme = session(login(WebTestKit.ACME_TOKEN));

        for (String page : new String[]{"/schedules", "/agenda"}) {
            HttpResponse<String> r = get(page, acme);
            assertThat(r.statusCode()).as(page).isEqualTo(200);
            assertThat(r.body()).as(page).contains("acme-listed").doesNotContain("globex-unlisted");
        }
    }

    @Test
    void bad_input_is_a_clear_400_not_a_failure() throws Exception {
        String admin = session(login(WebTestKit.ADMIN_TOKEN));
        HttpResponse<String> zone = get("/agenda?zone=Mars/Olympus", admin);
        assertThat(zone.statusCode()).isEqualTo(400);
        assertThat(zone.body()).contains("not a time zone");
        assertThat(get("/schedules?status=SLEEPING", admin).statusCode()).isEqualTo(400);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static ScheduleStatus statusOf(String id) {
        return kit.stub(WebTestKit.ADMIN_TOKEN).getSchedule(GetScheduleRequest.newBuilder().setScheduleId(id).build())
                .getSchedule().getStatus();
    }

    private static String login(String token) throws Exception {
        return post("/login", null, "token=" + token).headers().firstValue("Set-Cookie").orElseThrow();
    }

    private static String session(String setCookie) {
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static String csrfOf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a form with the CSRF token").isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(kit.url(path))).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String cookie, String form)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(kit.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
