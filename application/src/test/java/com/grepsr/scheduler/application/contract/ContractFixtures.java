package com.grepsr.scheduler.application.contract;

import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.event.ActivityEvent;
import com.grepsr.scheduler.domain.event.ActivityEvents;
import com.grepsr.scheduler.domain.event.EventId;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.MisfirePolicy;
import com.grepsr.scheduler.domain.schedule.OverlapPolicy;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleDetails;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;
import com.grepsr.scheduler.domain.schedule.ScheduleTiming;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskOrigin;
import com.grepsr.scheduler.domain.task.TaskStatus;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Records, times and helpers the port contracts are written with, named so tests read as
 * sentences ({@code anHourlyScheduleOf(aReportOf(ACCOUNT_A))}). Every instant has microsecond
 * precision (the SQL stores keep microseconds), and every id is fresh, lowercase, of one length
 * and increasing in creation order, so stores that are not emptied between tests still work and
 * any collation sorts the ids as Java does.
 */
public final class ContractFixtures {

    /** A Monday morning with a microsecond part, so a store that drops precision is caught. */
    public static final Instant BASE = Instant.parse("2026-03-02T09:00:00.123456Z");
    public static final String ACCOUNT_A = "acct-a";
    public static final String ACCOUNT_B = "acct-b";

    private static final String RUN_PREFIX = randomLetters(6);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private ContractFixtures() {
    }

    // ---- time -------------------------------------------------------------------------------

    public static Instant minutesAfterBase(long minutes) {
        return BASE.plus(Duration.ofMinutes(minutes));
    }

    public static Instant hoursAfterBase(long hours) {
        return BASE.plus(Duration.ofHours(hours));
    }

    /** {@code t} as a store keeps it. */
    public static Instant micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    // ---- ids and reports ----------------------------------------------------------------------

    /** A fresh id: a letter for the kind, this JVM's prefix, then a zero-padded counter. */
    public static String aFreshId(char kind) {
        return kind + RUN_PREFIX + String.format("%012d", SEQUENCE.incrementAndGet());
    }

    public static ScheduleId aScheduleId() {
        return ScheduleId.of(aFreshId('s'));
    }

    public static TaskId aTaskId() {
        return TaskId.of(aFreshId('t'));
    }

    public static ScheduledRunId aRunId() {
        return ScheduledRunId.of(aFreshId('r'));
    }

    public static EventId anEventId() {
        return EventId.of(aFreshId('e'));
    }

    /** A fresh report of a fresh project in {@code account}. */
    public static ReportRef aReportOf(String account) {
        return ReportRef.of(aFreshId('p'), aFreshId('j'), account, "svc-web");
    }

    public static ReportRef aReport() {
        return aReportOf(ACCOUNT_A);
    }

    // ---- schedules ----------------------------------------------------------------------------

    /** ACTIVE, version 1, every hour from {@link #BASE} in UTC. */
    public static Schedule anHourlyScheduleOf(ReportRef report) {
        ScheduleTiming timing = ScheduleTiming.of(new RecurrenceSpec.FixedInterval(Duration.ofHours(1)), ZoneOffset.UTC,
                LocalDateTime.ofInstant(BASE, ZoneOffset.UTC));
        return Schedule.create(aScheduleId(), "hourly", report, ScheduleDetails.of(timing), BASE);
    }

    public static Schedule anHourlySchedule() {
        return anHourlyScheduleOf(aReport());
    }

    /** A schedule using every field a store must keep: bounds, parameters, policies, a pause, skips. */
    public static Schedule aScheduleWithEveryFieldSet() {
        ZoneId zone = ZoneId.of("Asia/Kathmandu");
        LocalDateTime start = LocalDateTime.of(2026, 3, 2, 9, 30, 15, 123_456_000);
        ScheduleTiming timing = new ScheduleTiming(new RecurrenceSpec.FixedInterval(Duration.ofMinutes(90)), zone,
                start, start.plusDays(30), 200, Set.of(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 17)), null);
        ScheduleDetails details = new ScheduleDetails(timing, Parameters.of(Map.of("category", "shoes", "lang", "ne")),
                MisfirePolicy.SKIP, OverlapPolicy.SKIP, Duration.ofMinutes(45));
        Instant skipped = timing.toRecurrence().next(hoursAfterBase(24)).orElseThrow();
        return Schedule.reconstitute(aScheduleId(), "Every 90 minutes · Nepal", aReport(), details,
                ScheduleStatus.PAUSED, hoursAfterBase(48), Set.of(skipped), 7, BASE, minutesAfterBase(5));
    }

    /** {@code s} paused until {@code until} (or indefinitely when null), as stored. */
    public static Schedule pausedUntil(Schedule s, Instant until) {
        return Schedule.reconstitute(s.id(), s.name(), s.report(), s.details(), ScheduleStatus.PAUSED, until,
                s.skippedOccurrences(), s.version() + 1, s.createdAt(), s.updatedAt());
    }

    // ---- scheduled runs -----------------------------------------------------------------------

    public static ScheduledRun aPendingRun(Schedule s, Instant fireAt) {
        return ScheduledRun.pending(aRunId(), s.id(), s.report(), fireAt, BASE);
    }

    /** {@code count} PENDING runs of {@code s}, {@code every} apart from {@code first}. */
    public static List<ScheduledRun> pendingRuns(Schedule s, Instant first, Duration every, int count) {
        return IntStream.range(0, count).mapToObj(i -> aPendingRun(s, first.plus(every.multipliedBy(i)))).toList();
    }

    // ---- tasks --------------------------------------------------------------------------------

    public static Task aManualTask(ReportRef report, Instant createdAt) {
        return Task.queue(aTaskId(), TaskOrigin.manual(report, null, Parameters.NONE, null), createdAt);
    }

    /** A task fired by {@code run} of {@code s}, with parameters and a timeout. */
    public static Task aScheduledTask(Schedule s, ScheduledRun run, Instant createdAt) {
        return Task.queue(aTaskId(), TaskOrigin.scheduled(s.report(), s.id(), run.id(),
                Parameters.of(Map.of("category", "books")), Duration.ofMinutes(30)), createdAt);
    }

    public static Task aTestTask(ReportRef report, Instant createdAt) {
        return Task.queue(aTaskId(), TaskOrigin.test(report, Parameters.NONE, 25, null), createdAt);
    }

    public static Task aParentTask(ReportRef report, int parallelism, Instant createdAt) {
        return Task.queue(aTaskId(), TaskOrigin.parent(report, Parameters.NONE, parallelism, null), createdAt);
    }

    public static Task aChildOf(Task parent, int index, Instant createdAt) {
        return Task.queue(aTaskId(), TaskOrigin.child(parent, index, "item-" + index), createdAt);
    }

    /** QUEUED → LAUNCHING under a launch name derived from the id. */
    public static Task launched(Task t, Instant at) {
        return t.launching("crawl-" + t.id().value(), at);
    }

    /** Launched and RUNNING since {@code startedAt}. */
    public static Task running(Task t, Instant startedAt) {
        return launched(t, startedAt).moveTo(TaskStatus.RUNNING, 10, "started", startedAt);
    }

    /** Ran from {@code startedAt} for {@code ranFor} and ended in {@code status}. */
    public static Task finished(Task t, TaskStatus status, Instant startedAt, Duration ranFor) {
        return running(t, startedAt).moveTo(status, null, "ended " + status, startedAt.plus(ranFor));
    }

    // ---- history and events -------------------------------------------------------------------

    public static TaskHistoryEntry aHistoryEntry(Task t, TaskStatus status, Instant at) {
        return new TaskHistoryEntry(0, t.id(), t.scheduleId().orElse(null), t.report().accountId(), status, 40,
                "status " + status, Map.of("rows", "120", "job", "crawl-" + t.id().value()),
                TaskHistoryEntry.Source.CRAWLER, at);
    }

    public static ActivityEvent aCreatedEvent(Schedule s, Instant at) {
        return ActivityEvents.created(anEventId(), s, "alice@example.com", at);
    }

    // ---- paging -------------------------------------------------------------------------------

    /**
     * Follows next-page tokens from the first page to the last and returns every item in order.
     * Checks the paging promises on the way: no page exceeds its size, a page that has a next
     * token is full, and the walk ends.
     */
    public static <T> List<T> walkAllPages(int pageSize, Function<PageRequest, Page<T>> list) {
        List<T> all = new ArrayList<>();
        String token = "";
        for (int pages = 0; pages < 10_000; pages++) {
            Page<T> page = list.apply(new PageRequest(pageSize, token));
            assertThat(page.items()).as("page %d", pages).hasSizeLessThanOrEqualTo(pageSize);
            all.addAll(page.items());
            if (!page.hasNext()) {
                return all;
            }
            assertThat(page.items()).as("a page with a next token is full").hasSize(pageSize);
            token = page.nextPageToken();
        }
        return fail("paging did not end after 10,000 pages");
    }

    /** The call fails as a bad {@code page_token}, and as nothing else. */
    public static void assertRejectedAsPageToken(ThrowingCallable list) {
        assertThatThrownBy(list).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.violations()).extracting(v -> v.field()).containsExactly("page_token"));
    }

    // ---- concurrency --------------------------------------------------------------------------

    /** What one parallel worker produced: a value or the exception it threw. */
    public record Outcome<T>(T value, Throwable error) {
        public boolean succeeded() {
            return error == null;
        }
    }

    /** Runs {@code work} on {@code threads} threads released together; waits at most 60 s. */
    public static <T> List<Outcome<T>> inParallel(int threads, Callable<T> work) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Outcome<T>>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        return new Outcome<>(work.call(), null);
                    } catch (Exception | Error e) {
                        return new Outcome<T>(null, e);
                    }
                }));
            }
            ready.await(10, TimeUnit.SECONDS);
            go.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<Outcome<T>> f : futures) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } catch (Exception e) {
            return fail("parallel work did not finish", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String randomLetters(int n) {
        SecureRandom r = new SecureRandom();
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + r.nextInt(26)));
        }
        return b.toString();
    }
}
