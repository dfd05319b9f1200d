package com.grepsr.scheduler.domain.schedule;

import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.recurrence.DstPolicy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
        // a form is filled in as a whole: report every wrong field at once, not the first one
        List<ValidationException.FieldViolation> wrong = new ArrayList<>();
        if (start == null) {
            wrong.add(violation("form.start", "is required: the date and time of the first run"));
        }
        if (repeat == null) {
            wrong.add(violation("form.repeat", "is required: never, hourly, daily, weekly or monthly"));
        }
        repeatsOnWeekdays = repeatsOnWeekdays == null ? Set.of() : Set.copyOf(repeatsOnWeekdays);
        repeatsOnMonthDays = repeatsOnMonthDays == null ? Set.of() : Set.copyOf(repeatsOnMonthDays);
        if (repeat != null && repeat != Repeat.NEVER && (every < 1 || every > MAX_EVERY)) {
            wrong.add(violation("form.every", "must be between 1 and " + MAX_EVERY + ", was " + every));
        }
        if (repeat != null && !repeatsOnWeekdays.isEmpty() && repeat != Repeat.WEEKLY) {
            wrong.add(violation("form.repeats_on_weekdays", "only applies to weekly schedules"));
        }
        if (repeat != null && !repeatsOnMonthDays.isEmpty() && repeat != Repeat.MONTHLY) {
            wrong.add(violation("form.repeats_on_month_days", "only applies to monthly schedules"));
        }
        for (int d : new TreeSet<>(repeatsOnMonthDays)) {
            if (d == 0 || d < -31 || d > 31) {
                wrong.add(violation("form.repeats_on_month_days",
                        "days are 1-31, or -1 (the last day) to -31 counting from the end; was " + d));
            }
        }
        if (start != null && endsOn != null && endsOn.isBefore(start.toLocalDate())) {
            wrong.add(violation("form.ends_on", "ends on " + endsOn + ", before the start " + start));
        }
        if (!wrong.isEmpty()) {
            throw new ValidationException(wrong);
        }
    }

    /** The form as a schedule timing in {@code zone}. */
    public ScheduleTiming toTiming(ZoneId zone) {
        LocalDateTime end = endsOn == null ? null : endsOn.atTime(LocalTime.MAX.withNano(0));
        RecurrenceSpec spec = repeat == Repeat.NEVER ? new RecurrenceSpec.OneTime(start) : new RecurrenceSpec.RRule(rrule());
        return new ScheduleTiming(spec, zone, start, end, null, Set.of(), DstPolicy.DEFAULT);
    }

    /**
     * The RRULE this form stands for, e.g. {@code FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH}. A form that
     * never repeats stands for a single run at its start: {@code FREQ=DAILY;COUNT=1}.
     */
    public String rrule() {
        if (repeat == Repeat.NEVER) {
            return "FREQ=DAILY;COUNT=1";
        }
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

    private static ValidationException.FieldViolation violation(String field, String description) {
        return new ValidationException.FieldViolation(field, description);
    }
}
