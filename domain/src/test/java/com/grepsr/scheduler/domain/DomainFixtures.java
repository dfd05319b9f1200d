package com.grepsr.scheduler.domain;

import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.run.MissCause;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleDetails;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;
import com.grepsr.scheduler.domain.schedule.ScheduleTiming;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskOrigin;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The domain test kit: values and aggregates that read like sentences. Time is pinned
 * ({@link #NOW}) and the zone is London in December, where the wall clock equals UTC, so a local
 * time written in a test is the instant it fires.
 *
 * <p>Only one-time and fixed-interval recurrences are built here: the cron and RRULE parsers are
 * tested with the recurrence engine.
 */
public final class DomainFixtures {

    /** 2026-12-01T08:00Z, a Tuesday; London is on GMT (no DST transition near it). */
    public static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** A version an aggregate read from storage might be at. */
    public static final long STORED_VERSION = 7;

    private DomainFixtures() {
    }

    // ---- time ---------------------------------------------------------------------------------

    public static Instant minutesFromNow(long minutes) {
        return NOW.plus(Duration.ofMinutes(minutes));
    }

    public static Instant hoursFromNow(long hours) {
        return NOW.plus(Duration.ofHours(hours));
    }

    public static Instant hoursAgo(long hours) {
        return NOW.minus(Duration.ofHours(hours));
    }

    /** The London wall-clock time of an instant (equal to UTC in December). */
    public static LocalDateTime wallClock(Instant instant) {
        return LocalDateTime.ofInstant(instant, LONDON);
    }

    // ---- reports and ids ----------------------------------------------------------------------

    public static ReportRef anyReport() {
        return ReportRef.of("report-42", "project-7", "account-3", "amazon-products");
    }

    public static ScheduleId anyScheduleId() {
        return ScheduleId.of("sch-0001");
    }

    public static TaskId anyTaskId() {
        return TaskId.of("task-0001");
    }

    public static ScheduledRunId anyRunId() {
        return ScheduledRunId.of("run-0001");
    }

    public static Parameters parameters(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Parameters.of(map);
    }

    // ---- schedules ----------------------------------------------------------------------------

    /** Fires once, at {@code at}. */
    public static ScheduleTiming oneTimeAt(Instant at) {
        return ScheduleTiming.of(new RecurrenceSpec.OneTime(wallClock(at)), LONDON, null);
    }

    /** Every hour on the hour from 09:00 today (one hour after {@link #NOW}). */
    public static ScheduleTiming everyHourFromNineToday() {
        return ScheduleTiming.of(new RecurrenceSpec.FixedInterval(Duration.ofHours(1)), LONDON,
                wallClock(hoursFromNow(1)));
    }

    /** Every 15 minutes from 09:00 today. */
    public static ScheduleTiming everyQuarterHourFromNineToday() {
        return ScheduleTiming.of(new RecurrenceSpec.FixedInterval(Duration.ofMinutes(15)), LONDON,
                wallClock(hoursFromNow(1)));
    }

    /** A new ACTIVE schedule (version 1, created at {@link #NOW}) that fires once at {@code at}. */
    public static Schedule activeOneTimeSchedule(Instant at) {
        return Schedule.create(anyScheduleId(), "launch day", anyReport(), ScheduleDetails.of(oneTimeAt(at)), NOW);
    }

    /** A new ACTIVE schedule (version 1, created at {@link #NOW}) firing every hour from 09:00. */
    public static Schedule everyHourSchedule() {
        return Schedule.create(anyScheduleId(), "hourly prices", anyReport(),
                ScheduleDetails.of(everyHourFromNineToday()), NOW);
    }

    /** The hourly schedule as storage kept it: in {@code status}, at {@link #STORED_VERSION}, last changed an hour ago. */
    public static Schedule everyHourScheduleIn(ScheduleStatus status) {
        return Schedule.reconstitute(anyScheduleId(), "hourly prices", anyReport(),
                ScheduleDetails.of(everyHourFromNineToday()), status, null, Set.of(), STORED_VERSION, hoursAgo(24),
                hoursAgo(1));
    }

    /** The hourly schedule, paused until {@code until}. */
    public static Schedule everyHourSchedulePausedUntil(Instant until) {
        return Schedule.reconstitute(anyScheduleId(), "hourly prices", anyReport(),
                ScheduleDetails.of(everyHourFromNineToday()), ScheduleStatus.PAUSED, until, Set.of(), STORED_VERSION,
                hoursAgo(24), hoursAgo(1));
    }

    // ---- runs ---------------------------------------------------------------------------------

    /** A run of the hourly schedule due at 09:00, written at {@link #NOW}. */
    public static ScheduledRun pendingRun() {
        return ScheduledRun.pending(anyRunId(), anyScheduleId(), anyReport(), hoursFromNow(1), NOW);
    }

    /** The pending run, already moved to {@code status}. */
    public static ScheduledRun runIn(RunStatus status) {
        ScheduledRun run = pendingRun();
        Instant later = hoursFromNow(1);
        return switch (status) {
            case PENDING -> run;
            case DISPATCHED -> run.dispatch(anyTaskId(), later);
            case MISSED -> run.miss(MissCause.SCHEDULER_DOWN, later);
            case SKIPPED -> run.skip(MissCause.OVERLAP, later);
            case CANCELLED -> run.cancel(later);
        };
    }

    // ---- tasks --------------------------------------------------------------------------------

    /** A report run by hand with a one-hour timeout. */
    public static TaskOrigin manualOrigin() {
        return TaskOrigin.manual(anyReport(), null, parameters("category", "shoes"), Duration.ofHours(1));
    }

    /** A new QUEUED manual task (version 1, created at {@link #NOW}) with a one-hour timeout. */
    public static Task queuedManualTask() {
        return Task.queue(anyTaskId(), manualOrigin(), NOW);
    }

    /**
     * The manual task as storage kept it in {@code status}, at {@link #STORED_VERSION}: created two
     * hours ago; started an hour ago if it got to RUNNING; finished half an hour ago if final.
     */
    public static Task manualTaskIn(TaskStatus status) {
        boolean ran = status == TaskStatus.RUNNING || status.isFinal();
        return Task.reconstitute(anyTaskId(), manualOrigin(), status, ran ? 40 : null, "stored", null, STORED_VERSION,
                hoursAgo(2), ran ? hoursAgo(1) : null, status.isFinal() ? minutesFromNow(-30) : null,
                minutesFromNow(-30));
    }

    public static Map<String, String> noMetadata() {
        return Map.of();
    }
}
