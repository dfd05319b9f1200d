package com.grepsr.scheduler.domain.schedule;

import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.recurrence.DstPolicy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The platform's "Create a schedule" form, field for field: a start date and time (the first
 * run), Repeat (never, hourly, daily, weekly, monthly), Repeats every N, Repeats on (weekdays for
 * weekly, days of the month for monthly; -1 is the last day), and Ends (never, or on a date).
 * {@link #toTiming(ZoneId)} turns it into an RRULE timing, so it can be previewed before saving.
 */
public record ScheduleForm(LocalDateTime start, Repeat repeat, int every, Set<DayOfWeek> repeatsOnWeekdays,
                           Set<Integer> repeatsOnMonthDays, LocalDate endsOn) {

    public static final int MAX_EVERY = 1000;

    public enum Repeat { NEVER, HOURLY, DAILY, WEEKLY, MONTHLY }

    public ScheduleForm {
        if (start == null) {
            throw ValidationException.of("form.start", "is required: the date and time of the first run");
        }
        if (repeat == null) {
            throw ValidationException.of("form.repeat", "is required: never, hourly, daily, weekly or monthly");
        }
        repeatsOnWeekdays = repeatsOnWeekdays == null ? Set.of() : Set.copyOf(repeatsOnWeekdays);
        repeatsOnMonthDays = repeatsOnMonthDays == null ? Set.of() : Set.copyOf(repeatsOnMonthDays);
        if (repeat != Repeat.NEVER && (every < 1 || every > MAX_EVERY)) {
            throw ValidationException.of("form.every", "must be between 1 and " + MAX_EVERY + ", was " + every);
        }
        if (!repeatsOnWeekdays.isEmpty() && repeat != Repeat.WEEKLY) {
            throw ValidationException.of("form.repeats_on_weekdays", "only applies to weekly schedules");
        }
        if (!repeatsOnMonthDays.isEmpty() && repeat != Repeat.MONTHLY) {
            throw ValidationException.of("form.repeats_on_month_days", "only applies to monthly schedules");
        }
        for (int d : repeatsOnMonthDays) {
            if (d == 0 || d < -31 || d > 31) {
                throw ValidationException.of("form.repeats_on_month_days", "days are 1-31, or -1 for the last day; was " + d);
            }
        }
        if (endsOn != null && endsOn.isBefore(start.toLocalDate())) {
            throw ValidationException.of("form.ends_on", "ends on " + endsOn + ", before the start " + start);
        }
    }

    /** The form as a schedule timing in {@code zone}. */
    public ScheduleTiming toTiming(ZoneId zone) {
        LocalDateTime end = endsOn == null ? null : endsOn.atTime(LocalTime.MAX.withNano(0));
        RecurrenceSpec spec = repeat == Repeat.NEVER ? new RecurrenceSpec.OneTime(start) : new RecurrenceSpec.RRule(rrule());
        return new ScheduleTiming(spec, zone, start, end, null, Set.of(), DstPolicy.DEFAULT);
    }

    /** The RRULE this form stands for, e.g. {@code FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH}. */
    public String rrule() {
        StringBuilder rule = new StringBuilder("FREQ=").append(repeat.name()).append(";INTERVAL=").append(every);
        if (!repeatsOnWeekdays.isEmpty()) {
            rule.append(";BYDAY=").append(new TreeSet<>(repeatsOnWeekdays).stream()
                    .map(d -> d.name().substring(0, 2)).collect(Collectors.joining(",")));
        }
        if (!repeatsOnMonthDays.isEmpty()) {
            rule.append(";BYMONTHDAY=").append(new TreeSet<>(repeatsOnMonthDays).stream()
                    .map(String::valueOf).collect(Collectors.joining(",")));
        }
        return rule.toString();
    }
}
