package com.grepsr.scheduler.benchmarks.recurrence;

import com.cronutils.model.time.ExecutionTime;
import com.grepsr.scheduler.domain.recurrence.Recurrence;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.springframework.scheduling.support.CronExpression;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Every occurrence in a 3-day window (start, start + 3 days] in America/New_York: ours
 * ({@code Recurrence.occurrences}) beside Spring, Quartz and cron-utils, which have no window
 * query and call their "next" repeatedly. Every library returns a list, as ours does. Starts are
 * the same {@value Starts#COUNT} instants as {@link CronNextBenchmark}'s.
 *
 * <p>Goal: ours at most 1/10 of Spring's ns/op (see RESULTS.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CronWindowBenchmark {

    @Param({"WEEKDAY_QUARTER_HOURS", "LAST_DAY_NOON", "EVERY_MINUTE"})
    public CronCase cron;

    private final Starts starts = new Starts();
    private int cursor;

    private Recurrence ours;
    private CronExpression spring;
    private org.quartz.CronExpression quartz;
    private ExecutionTime cronUtils;

    /** Checks that the libraries agree (failing the run if not), then builds the measured one only. */
    @Setup
    public void setUp(BenchmarkParams params) {
        Library measured = Library.ofBenchmark(params.getBenchmark());
        CronAgreement.verify(cron, measured, starts);
        switch (measured) {
            case OURS -> ours = CronEngines.ours(cron);
            case SPRING -> spring = CronEngines.spring(cron);
            case QUARTZ -> quartz = CronEngines.quartz(cron);
            case CRON_UTILS -> cronUtils = CronEngines.cronUtils(cron);
        }
    }

    private int nextStart() {
        return cursor++ & (Starts.COUNT - 1);
    }

    @Benchmark
    public List<Instant> ours() {
        int i = nextStart();
        return ours.occurrences(starts.instants[i], starts.windowEndInstants[i]);
    }

    @Benchmark
    public List<ZonedDateTime> spring() {
        int i = nextStart();
        return CronEngines.springWindow(spring, starts.zoned[i], starts.windowEndZoned[i]);
    }

    @Benchmark
    public List<Date> quartz() {
        int i = nextStart();
        return CronEngines.quartzWindow(quartz, starts.dates[i], starts.windowEndDates[i]);
    }

    @Benchmark
    public List<ZonedDateTime> cronUtils() {
        int i = nextStart();
        return CronEngines.cronUtilsWindow(cronUtils, starts.zoned[i], starts.windowEndZoned[i]);
    }
}
