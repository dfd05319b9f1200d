package com.grepsr.scheduler.application.model;

import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.recurrence.Bounds;
import com.grepsr.scheduler.domain.recurrence.DstPolicy;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.ScheduleForm;
import com.grepsr.scheduler.domain.schedule.ScheduleTiming;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * A schedule's timing as a client sends it, before it is trusted: either a recurrence with its
 * bounds, or the platform's "Create a schedule" form; always with a zone id as text. Shared by
 * Schedule, UpdateSchedule and GetNextSchedules, so a preview and a save read timing alike.
 * Construction checks the shape and the zone; {@link #toTiming()} checks the rest (the
 * expression, the bounds) and is what a command calls to validate itself.
 *
 * @param recurrence    the recurrence (one-time, RRULE, cron, fixed interval); null when {@code form} is given
 * @param zone          an IANA zone id such as {@code Europe/London}; required
 * @param start         first possible run (required for RRULE and fixed interval); not with a form
 * @param end           last possible run, or null; not with a form (the form has "ends on")
 * @param maxRuns       at most this many runs, or null; not with a form
 * @param excludedDates local dates that never fire; not with a form
 * @param dst           daylight-saving handling, null for the default; not with a form
 * @param form          the platform's form; null when {@code recurrence} is given
 */
public record TimingInput(RecurrenceSpec recurrence, String zone, LocalDateTime start, LocalDateTime end,
                          Integer maxRuns, Set<LocalDate> excludedDates, DstPolicy dst, ScheduleForm form) {

    /** Longer than any IANA id; refuses megabyte "zones" before they reach the zone parser. */
    public static final int MAX_ZONE_LENGTH = 64;

    public TimingInput {
        excludedDates = excludedDates == null ? Set.of() : Set.copyOf(excludedDates);
        if (recurrence == null && form == null) {
            throw ValidationException.of("timing.recurrence", "is required: give a recurrence or the schedule form");
        }
        if (recurrence != null && form != null) {
            throw ValidationException.of("timing.form", "give either a recurrence or the schedule form, not both");
        }
        if (form != null) {
            rejectWithForm("timing.start", start, "the form's start applies");
            rejectWithForm("timing.end", end, "the form's 'ends on' applies");
            rejectWithForm("timing.max_runs", maxRuns, "the form has no maximum number of runs");
            rejectWithForm("timing.dst", dst, "the form uses the default daylight-saving handling");
            if (!excludedDates.isEmpty()) {
                throw ValidationException.of("timing.excluded_dates", "cannot be combined with the schedule form");
            }
        }
        zoneId(zone); // validates
        ClientTimes.require("timing.start", start);
        ClientTimes.require("timing.end", end);
        if (excludedDates.size() > Bounds.MAX_EXCLUDED_DATES) {
            throw ValidationException.of("timing.excluded_dates", "at most " + Bounds.MAX_EXCLUDED_DATES
                    + " dates, got " + excludedDates.size());
        }
        excludedDates.forEach(d -> ClientTimes.require("timing.excluded_dates", d));
        if (form != null) {
            ClientTimes.require("form.start", form.start());
            ClientTimes.require("form.ends_on", form.endsOn());
        }
        if (recurrence instanceof RecurrenceSpec.OneTime once) {
            ClientTimes.require("timing.recurrence", once.at());
        }
    }

    /** A recurrence in a zone, from {@code start}, with no other bounds. */
    public static TimingInput of(RecurrenceSpec recurrence, String zone, LocalDateTime start) {
        return new TimingInput(recurrence, zone, start, null, null, Set.of(), null, null);
    }

    /** The platform's form in a zone. */
    public static TimingInput ofForm(ScheduleForm form, String zone) {
        return new TimingInput(null, zone, null, null, null, Set.of(), null, form);
    }

    /** The validated timing; a bad expression or bound is a {@link ValidationException}. */
    public ScheduleTiming toTiming() {
        ZoneId z = zoneId(zone);
        if (form != null) {
            return form.toTiming(z);
        }
        return new ScheduleTiming(recurrence, z, start, end, maxRuns, excludedDates, dst);
    }

    private static ZoneId zoneId(String zone) {
        if (zone == null || zone.isBlank()) {
            throw ValidationException.of("timing.zone", "is required (an IANA id such as Europe/London)");
        }
        if (zone.length() > MAX_ZONE_LENGTH) {
            throw ValidationException.of("timing.zone", "must be at most " + MAX_ZONE_LENGTH + " characters");
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw ValidationException.of("timing.zone", "unknown zone '" + zone.strip()
                    + "'; use an IANA id such as Europe/London or America/New_York");
        }
    }

    private static void rejectWithForm(String field, Object value, String why) {
        if (value != null) {
            throw ValidationException.of(field, "cannot be combined with the schedule form: " + why);
        }
    }
}
