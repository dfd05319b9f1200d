package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.RequestId;
import com.grepsr.scheduler.application.model.TimingInput;
import com.grepsr.scheduler.application.port.in.MultiProcessRunUseCase;
import com.grepsr.scheduler.application.port.in.OneTimeRunUseCase;
import com.grepsr.scheduler.application.port.in.ScheduleUseCase;
import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort;
import com.grepsr.scheduler.application.service.DaemonSettings;
import com.grepsr.scheduler.application.service.SchedulerCore;
import com.grepsr.scheduler.application.service.SchedulerPorts;
import com.grepsr.scheduler.application.service.TimeOrderedIds;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntFunction;

import static com.grepsr.scheduler.adapters.sql.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many callers send the same request id at once, through four replicas (each its own pool and
 * scheduler core, as four processes would): exactly one schedule or task comes of it, every
 * caller gets its answer, and none an error; callers that changed the request get a clear
 * INVALID_ARGUMENT-class refusal, never an internal error.
 */
abstract class ConcurrentRequestIdChecks {

    static final int REPLICAS = 4;
    static final int CALLERS = 16;
    static final Caller ACME = Caller.ofAccount("alice@acme", AccountId.of("acct-1"));

    private static final Map<SqlDatabaseExtension, List<SchedulerCore>> REPLICA_CORES = new ConcurrentHashMap<>();

    abstract SqlDatabaseExtension db();

    @Test
    @Timeout(120)
    void concurrent_schedule_requests_with_one_id_create_one_schedule() throws Exception {
        List<Object> answers = everyoneAtOnce(i -> core -> core.useCases().schedule().execute(ACME, schedule("nightly", "same-1"))
                .schedule().id());

        assertThat(answers).hasSize(CALLERS);
        assertThat(answers.stream().distinct().toList()).hasSize(1);
        assertThat(count("vt_extractor_schedule")).isEqualTo(1);
        assertThat(count("request_log")).isEqualTo(1);
    }

    @Test
    @Timeout(120)
    void concurrent_run_requests_with_one_id_create_one_task() throws Exception {
        OneTimeRunUseCase.Command run = OneTimeRunUseCase.Command.now(report()).withRequestId(new RequestId("same-2"));

        List<Object> answers = everyoneAtOnce(i -> core -> core.useCases().oneTimeRun().execute(ACME, run).task().id());

        assertThat(answers.stream().distinct().toList()).hasSize(1);
        assertThat(count("tasks")).isEqualTo(1);
    }

    @Test
    @Timeout(120)
    void concurrent_multi_process_requests_with_one_id_create_one_parent_and_its_children() throws Exception {
        MultiProcessRunUseCase.Command multi = MultiProcessRunUseCase.Command.of(report(), 5, 2)
                .withRequestId(new RequestId("same-3"));

        List<Object> answers = everyoneAtOnce(i -> core -> {
            MultiProcessRunUseCase.Result r = core.useCases().multiProcessRun().execute(ACME, multi);
            return List.of(r.parent().id(), r.children());
        });

        assertThat(answers.stream().distinct().toList()).hasSize(1);
        assertThat(count("tasks")).isEqualTo(6);
    }

    @Test
    @Timeout(120)
    void concurrent_different_requests_with_one_id_create_one_schedule_and_refuse_the_others_clearly() throws Exception {
        List<Object> answers = everyoneAtOnce(i -> core -> {
            try {
                return core.useCases().schedule().execute(ACME, schedule(i % 2 == 0 ? "even" : "odd", "same-4")).schedule().name();
            } catch (ValidationException e) {
                assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("request_id"));
                return "refused";
            }
        });

        List<Object> created = answers.stream().filter(a -> !a.equals("refused")).distinct().toList();
        assertThat(created).hasSize(1);
        assertThat(answers).filteredOn(created.get(0)::equals).hasSize(CALLERS / 2);
        assertThat(answers).filteredOn("refused"::equals).hasSize(CALLERS / 2);
        assertThat(count("vt_extractor_schedule")).isEqualTo(1);
    }

    /** Runs {@code call(i)} for every caller at once, callers spread over the replicas; any failure fails the test. */
    private List<Object> everyoneAtOnce(IntFunction<Function<SchedulerCore, Object>> call) throws Exception {
        db().fresh();
        List<SchedulerCore> replicas = REPLICA_CORES.computeIfAbsent(db(), ConcurrentRequestIdChecks::replicas);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                SchedulerCore core = replicas.get(i % REPLICAS);
                Function<SchedulerCore, Object> work = call.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.apply(core);
                }));
            }
            start.countDown();
            List<Object> answers = new ArrayList<>();
            for (Future<Object> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The replicas of one database, opened once for its test class (the extension closes their pools). */
    private static List<SchedulerCore> replicas(SqlDatabaseExtension db) {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        List<SchedulerCore> cores = new ArrayList<>();
        for (int r = 0; r < REPLICAS; r++) {
            cores.add(core(db.replica(CALLERS / REPLICAS, clock), clock));
        }
        return cores;
    }

    private static ScheduleUseCase.Command schedule(String name, String requestId) {
        TimingInput hourly = TimingInput.of(new RecurrenceSpec.FixedInterval(Duration.ofHours(1)), "UTC",
                LocalDateTime.ofInstant(T0, ZoneOffset.UTC).plusHours(1));
        return ScheduleUseCase.Command.of(name, report(), hourly).withRequestId(new RequestId(requestId));
    }

    private static ReportRef report() {
        return Fixtures.report("acct-1");
    }

    private long count(String table) throws Exception {
        try (Connection c = db().adapters().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static SchedulerCore core(SqlAdapters sql, Clock clock) {
        CrawlerCatalogPort catalog = code -> Optional.of(CrawlerCatalogPort.CrawlerSpec.image("crawler:test"));
        return new SchedulerCore(new SchedulerPorts(sql.schedules(), sql.runs(), sql.tasks(), sql.history(),
                sql.queue(), sql.outbox(), sql.requests(), new NamingLauncher(), catalog, sql.transactions(),
                new TimeOrderedIds(clock), clock), DaemonSettings.DEFAULTS);
    }
}
