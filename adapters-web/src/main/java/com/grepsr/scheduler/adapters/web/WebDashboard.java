package com.grepsr.scheduler.adapters.web;

import com.grepsr.scheduler.adapters.web.view.Chrome;
import com.grepsr.scheduler.adapters.web.view.Pages;
import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.StoreUnavailableException;
import com.grepsr.scheduler.domain.error.AccessDeniedException;
import com.grepsr.scheduler.domain.error.DomainException;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.error.ValidationException;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The operators' dashboard: server-rendered pages (jte templates compiled at build time) on an
 * embedded Javalin server. Every page reads through the use cases with the logged-in Caller, so
 * it sees and may do exactly what that token may over gRPC. Pages work without JavaScript; the
 * overview's chart is the one script, and its numbers are in a table beside it.
 *
 * <p>Login exchanges a bearer token for a session cookie (HttpOnly, SameSite=Strict); every POST
 * carries the session's CSRF token. Nothing secret is put in a URL or logged.
 */
public final class WebDashboard implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WebDashboard.class.getName());
    private static final String SESSION = "phoenix.session";

    private final Authenticator auth;
    private final Sessions sessions;
    private final Clock clock;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final OverviewPage overview;
    private final AgendaPage agenda;
    private final SchedulePages schedules;
    private final TaskPages tasks;
    private final MissedPage missed;
    private final Javalin app;

    private WebDashboard(DashboardUseCases useCases, Authenticator auth, DispatchMeters meters, Clock clock) {
        this.auth = Objects.requireNonNull(auth, "auth");
        this.clock = clock;
        this.sessions = new Sessions(clock);
        this.overview = new OverviewPage(useCases.getStats(), useCases.getAllMissedRuns(), meters);
        ScheduleLists lists = new ScheduleLists(useCases.getAllSchedules(), useCases.getSchedules());
        this.agenda = new AgendaPage(lists);
        this.schedules = new SchedulePages(useCases, lists, clock);
        this.tasks = new TaskPages(useCases, clock);
        this.missed = new MissedPage(useCases.getAllMissedRuns(), useCases.getMissedScheduleRuns());
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.staticFiles.enableWebjars();
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/web-assets";
                files.location = Location.CLASSPATH;
            });
        });
        routes();
    }

    public static WebDashboard create(DashboardUseCases useCases, Authenticator auth, DispatchMeters meters,
                                      Clock clock) {
        return new WebDashboard(useCases, auth, meters, clock);
    }

    /** Binds and serves; port 0 picks a free one (see {@link #port()}). */
    public WebDashboard start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private void routes() {
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'");
            if (isPublic(ctx.path())) {
                return;
            }
            ctx.header("Cache-Control", "no-store");
            Sessions.Session s = session(ctx).orElseThrow(NotLoggedIn::new);
            if (ctx.method().name().equals("POST") && !s.csrf().equals(ctx.formParam("csrf"))) {
                throw new AccessDeniedException("the form is stale or came from another site: reload the page");
            }
            ctx.attribute(SESSION, s);
        });
        app.get("/login", ctx -> ctx.html(render("login.jte", new Pages.Login(null))));
        app.post("/login", this::login);
        app.post("/logout", ctx -> {
            sessions.close(ctx.cookie(Sessions.COOKIE));
            ctx.header("Set-Cookie", Sessions.expiredCookie());
            ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
        });
        app.get("/healthz", ctx -> ctx.contentType("text/plain").result("ok\n"));
        app.get("/", ctx -> page(ctx, "overview.jte", overview.render(chrome(ctx, "Overview", "overview"),
                caller(ctx), clock.instant())));
        app.get("/agenda", ctx -> page(ctx, "agenda.jte", agenda.render(chrome(ctx, "Agenda", "agenda"),
                caller(ctx), clock.instant(), ctx.queryParam("account"), ctx.queryParam("zone"),
                ctx.queryParam("page"))));
        app.get("/schedules", ctx -> page(ctx, "schedules.jte", schedules.list(chrome(ctx, "Schedules", "schedules"),
                caller(ctx), ctx.queryParam("account"), ctx.queryParam("project"), ctx.queryParam("report"),
                ctx.queryParam("status"), ctx.queryParam("page"))));
        app.get("/schedules/{id}", ctx -> page(ctx, "schedule.jte", schedules.show(
                chrome(ctx, "Schedule", "schedules"), caller(ctx), ctx.pathParam("id"))));
        app.post("/schedules/{id}/run", ctx -> {
            var task = schedules.runNow(caller(ctx), ctx.pathParam("id"));
            ctx.redirect("/tasks/" + Links.segment(task.value()), io.javalin.http.HttpStatus.SEE_OTHER);
        });
        app.post("/schedules/{id}/pause", ctx -> {
            schedules.pause(caller(ctx), ctx.pathParam("id"), ctx.formParam("until"));
            backToSchedule(ctx);
        });
        app.post("/schedules/{id}/unpause", ctx -> {
            schedules.unpause(caller(ctx), ctx.pathParam("id"));
            backToSchedule(ctx);
        });
        app.get("/tasks", ctx -> page(ctx, "tasks.jte", tasks.list(chrome(ctx, "Tasks", "tasks"), caller(ctx),
                ctx.queryParam("which"), ctx.queryParam("account"), ctx.queryParam("report"),
                ctx.queryParam("page"))));
        app.get("/tasks/{id}", ctx -> page(ctx, "task.jte", tasks.show(chrome(ctx, "Task", "tasks"), caller(ctx),
                ctx.pathParam("id"))));
        app.get("/missed", ctx -> page(ctx, "missed.jte", missed.render(chrome(ctx, "Missed runs", "missed"),
                caller(ctx), ctx.queryParam("account"), ctx.queryParam("report"), ctx.queryParam("cause"),
                ctx.queryParam("page"))));

        app.exception(NotLoggedIn.class, (e, ctx) -> ctx.redirect("/login"));
        app.exception(AccessDeniedException.class, (e, ctx) -> error(ctx, 403, "Not allowed", e.getMessage()));
        app.exception(NotFoundException.class, (e, ctx) -> error(ctx, 404, "Not found", e.getMessage()));
        app.exception(ValidationException.class, (e, ctx) -> error(ctx, 400, "Not valid", e.getMessage()));
        app.exception(DomainException.class, (e, ctx) -> error(ctx, 409, "Not possible now", e.getMessage()));
        app.exception(StoreUnavailableException.class, (e, ctx) -> error(ctx, 503, "Store unavailable",
                "The store did not answer; try again shortly."));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.log(System.Logger.Level.ERROR, "dashboard page " + ctx.path() + " failed", e);
            error(ctx, 500, "Something went wrong", "The page failed; the service log has the details.");
        });
    }

    private void login(Context ctx) {
        String token = Optional.ofNullable(ctx.formParam("token")).map(String::trim).orElse("");
        Optional<Caller> caller = token.isEmpty() ? Optional.empty() : auth.authenticate(token);
        if (caller.isEmpty() || caller.get().crawler().isPresent()) {
            ctx.status(401).html(render("login.jte", new Pages.Login("That token is not valid here.")));
            return;
        }
        Sessions.Session s = sessions.open(caller.get());
        ctx.header("Set-Cookie", Sessions.cookie(s, ctx.scheme().equals("https")));
        ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** The browser's session; in the development mode (no tokens) an admin one is opened on first sight. */
    private Optional<Sessions.Session> session(Context ctx) {
        Optional<Sessions.Session> s = sessions.find(ctx.cookie(Sessions.COOKIE));
        if (s.isEmpty() && auth.isOpen()) {
            Sessions.Session opened = sessions.open(auth.authenticate("").orElseThrow());
            ctx.header("Set-Cookie", Sessions.cookie(opened, false));
            return Optional.of(opened);
        }
        return s;
    }

    private static boolean isPublic(String path) {
        return path.equals("/login") || path.equals("/healthz") || path.startsWith("/assets/")
                || path.startsWith("/webjars/");
    }

    private static Caller caller(Context ctx) {
        Sessions.Session s = ctx.attribute(SESSION);
        return s.caller();
    }

    private Chrome chrome(Context ctx, String title, String current) {
        Sessions.Session s = ctx.attribute(SESSION);
        if (s == null) {
            return new Chrome(title, current, "", "", false);
        }
        Caller c = s.caller();
        String who = c.name() + c.account().map(a -> " (account " + a.value() + ")").orElse(" (admin)");
        return new Chrome(title, current, who, s.csrf(), !auth.isOpen());
    }

    private void backToSchedule(Context ctx) {
        ctx.redirect("/schedules/" + Links.segment(ctx.pathParam("id")), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void page(Context ctx, String template, Object model) {
        ctx.html(render(template, model));
    }

    private void error(Context ctx, int status, String title, String message) {
        ctx.status(status).html(render("error.jte", new Pages.Error(chrome(ctx, title, ""), status, message)));
    }

    private String render(String template, Object model) {
        StringOutput out = new StringOutput();
        templates.render(template, model, out);
        return out.toString();
    }

    /** Thrown before a page when the browser has no live session: answered with the login form. */
    private static final class NotLoggedIn extends RuntimeException {
        NotLoggedIn() {
            super("not logged in", null, false, false);
        }
    }
}
