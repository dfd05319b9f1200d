package com.grepsr.scheduler.testkit;

import com.grepsr.scheduler.adapters.memory.InMemoryScheduler;
import com.grepsr.scheduler.adapters.memory.SimulatedCrawlerLauncher;
import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.TimingInput;
import com.grepsr.scheduler.application.port.in.ScheduleUseCase;
import com.grepsr.scheduler.application.service.DaemonSettings;
import com.grepsr.scheduler.application.service.SchedulerCore;
import com.grepsr.scheduler.application.time.SettableClock;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.Task;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole scheduler in memory for an app's tests: every use case and daemon over the in-memory
 * stores and a simulated launcher, on a {@link SettableClock} that only the test moves. Create
 * schedules, {@link #advance} time (the daemons tick as the scheduler's would), and assert what was
 * {@link #launched}:
 *
 * <pre>{@code
 * Schedule s = scheduler.createSchedule("hourly", report, new RecurrenceSpec.FixedInterval(Duration.ofHours(1)));
 * scheduler.advance(Duration.ofMinutes(150));
 * assertThat(scheduler.launched(s.id())).hasSize(3);   // at 00:00, 01:00 and 02:00
 * }</pre>
 *
 * Anything else is one call away: {@link #core()} has every use case, {@link #inMemory()} the stores.
 */
public final class TestScheduler {

    /** How far the clock moves between two ticks of the daemons in {@link #advance(Duration)}. */
    public static final Duration DEFAULT_STEP = Duration.ofMinutes(1);

    /** Whom {@link #createSchedule} acts as: an admin, allowed on every account. */
    public static final Caller TEST_ADMIN = Caller.admin("testkit");

    private final InMemoryScheduler scheduler;

    public TestScheduler(InMemoryScheduler scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** Default daemon settings; simulated crawls take one minute. */
    public static TestScheduler startingAt(Instant start) {
        return new TestScheduler(new InMemoryScheduler(new SettableClock(start), Duration.ofMinutes(1),
                DaemonSettings.DEFAULTS));
    }

    /**
     * A schedule on {@code recurrence} in UTC starting at the clock's instant (a fixed interval's
     * first run is due right then), created through the ScheduleUseCase as {@link #TEST_ADMIN}.
     */
    public Schedule createSchedule(String name, ReportRef report, RecurrenceSpec recurrence) {
        return createSchedule(name, report, TimingInput.of(recurrence, "UTC",
                LocalDateTime.ofInstant(now(), ZoneOffset.UTC)));
    }

    /** A schedule with any timing (zone, start, end, excluded dates…), created as {@link #TEST_ADMIN}. */
    public Schedule createSchedule(String name, ReportRef report, TimingInput timing) {
        ScheduleUseCase.Command command = new ScheduleUseCase.Command(name, report, timing, null, null, null,
                Optional.empty(), Optional.empty());
        return core().useCases().schedule().execute(TEST_ADMIN, command).schedule();
    }

    /** Moves the clock {@code by}, a {@link #DEFAULT_STEP} at a time, ticking every daemon after each step. */
    public void advance(Duration by) {
        advance(by, DEFAULT_STEP);
    }

    /** Moves the clock {@code by}, {@code step} at a time, ticking every daemon after each step. */
    public void advance(Duration by, Duration step) {
        scheduler.advance(by, step);
    }

    /** Every task the scheduler launched so far, in launch order. */
    public List<Task> launched() {
        return launcher().launchedTasks();
    }

    /** The tasks launched for one schedule, in launch order. */
    public List<Task> launched(ScheduleId schedule) {
        return launched().stream()
                .filter(t -> schedule.equals(t.origin().scheduleId()))
                .toList();
    }

    public Instant now() { return scheduler.clock().instant(); }
    public SettableClock clock() { return scheduler.clock(); }
    public SchedulerCore core() { return scheduler.core(); }
    public SimulatedCrawlerLauncher launcher() { return scheduler.adapters().launcher; }
    public InMemoryScheduler inMemory() { return scheduler; }
}
