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
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The next occurrence of a cron expression in America/New_York after a start instant: ours
 * ({@code Recurrence.next}) beside Spring, Quartz and cron-utils. Each call takes the next of the
 * same {@value Starts#COUNT} start instants, in each library's own argument type.
 *
 * <p>Goal: ours at most 1/8 of Spring's ns/op (see RESULTS.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CronNextBenchmark {

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
    public Optional<Instant> ours() {
        return ours.next(starts.instants[nextStart()]);
    }

    @Benchmark
    public ZonedDateTime spring() {
        return spring.next(starts.zoned[nextStart()]);
    }

    @Benchmark
    public Date quartz() {
        return quartz.getNextValidTimeAfter(starts.dates[nextStart()]);
    }

    @Benchmark
    public Optional<ZonedDateTime> cronUtils() {
        return cronUtils.nextExecution(starts.zoned[nextStart()]);
    }
}
