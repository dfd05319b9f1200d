package com.grepsr.scheduler.domain.event;

import com.grepsr.scheduler.domain.schedule.MisfirePolicy;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleDetails;
import com.grepsr.scheduler.domain.schedule.ScheduleTiming;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A schedule as the activity feed shows it to platform users: plain key/values a person reads
 * ({@code cron: 0 3 * * *}, {@code zone: Europe/Berlin}, {@code every: 1h 30m}), never a Java
 * object's text. The keys are stable, so feed consumers may also read them.
 */
final class ScheduleDescription {

    /** What an absent value reads as in a change ("every: (none) → 1h"). */
    static final String NONE = "(none)";

    private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter WALL_CLOCK_SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** Keys that change on every write and so never count as "what changed". */
    private static final Set<String> BOOKKEEPING = Set.of("status", "version");

    private ScheduleDescription() {
    }

    static Map<String, String> of(Schedule s) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("name", s.name());
        d.put("status", s.status().name());
        timing(d, s.timing());
        ScheduleDetails details = s.details();
        d.put("misfire", misfire(details.misfire()));
        d.put("overlap", words(details.overlap().name()));
        if (details.taskTimeout() != null) {
            d.put("task_timeout", duration(details.taskTimeout()));
        }
        if (!details.parameters().values().isEmpty()) {
            // names only: values may be long or private, and the feed only needs to show which inputs are set
            d.put("parameters", String.join(", ", new TreeSet<>(details.parameters().values().keySet())));
        }
        d.put("version", Long.toString(s.version()));
        return d;
    }

    /**
     * What differs between two descriptions, as "key: old → new" parts joined by "; ", in the
     * order of {@code after}'s keys then the keys only {@code before} had; empty when nothing did.
     */
    static String changes(Map<String, String> before, Map<String, String> after) {
        Set<String> keys = new LinkedHashSet<>(after.keySet());
        keys.addAll(before.keySet());
        List<String> parts = new ArrayList<>();
        for (String key : keys) {
            String was = before.getOrDefault(key, NONE);
            String now = after.getOrDefault(key, NONE);
            if (!BOOKKEEPING.contains(key) && !was.equals(now)) {
                parts.add(key + ": " + was + " → " + now);
            }
        }
        return String.join("; ", parts);
    }

    /** Occurrences skipped by {@code after} that {@code before} did not skip, in the schedule's wall clock. */
    static String newSkips(Schedule before, Schedule after) {
        ZoneId zone = after.timing().zone();
        return after.skippedOccurrences().stream().filter(t -> !before.skippedOccurrences().contains(t))
                .sorted().map(t -> wallClock(LocalDateTime.ofInstant(t, zone))).reduce((a, b) -> a + ", " + b)
                .orElse("");
    }

    private static void timing(Map<String, String> d, ScheduleTiming t) {
        RecurrenceSpec spec = t.spec();
        if (spec instanceof RecurrenceSpec.Cron c) {
            d.put("cron", c.expression());
        } else if (spec instanceof RecurrenceSpec.RRule r) {
            d.put("rrule", r.rule());
        } else if (spec instanceof RecurrenceSpec.FixedInterval f) {
            d.put("every", duration(f.every()));
        } else {
            d.put("once_at", wallClock(((RecurrenceSpec.OneTime) spec).at()));
        }
        d.put("zone", t.zone().getId());
        if (t.start() != null && !t.isOneTime()) {
            d.put("start", wallClock(t.start()));
        }
        if (t.end() != null) {
            d.put("end", wallClock(t.end()));
        }
        if (t.maxRuns() != null) {
            d.put("max_runs", Integer.toString(t.maxRuns()));
        }
        if (!t.excludedDates().isEmpty()) {
            d.put("excluded_dates", String.join(", ", new TreeSet<>(t.excludedDates()).stream()
                    .map(Object::toString).toList()));
        }
    }

    private static String misfire(MisfirePolicy m) {
        return m.kind() == MisfirePolicy.Kind.FIRE_ALL_WITHIN
                ? "fire all within " + duration(m.catchUpWindow())
                : words(m.kind().name());
    }

    /** {@code FIRE_ONCE_NOW} → {@code fire once now}. */
    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** A wall-clock time without the ISO {@code T}, seconds only when set: {@code 2026-03-02 09:00}. */
    static String wallClock(LocalDateTime t) {
        return (t.getSecond() == 0 && t.getNano() == 0 ? WALL_CLOCK : WALL_CLOCK_SECONDS).format(t);
    }

    /** An instant as ISO-8601 UTC ({@code 2026-03-02T14:00:00Z}): unambiguous whatever the reader's zone. */
    static String instant(Instant t) {
        return t.toString();
    }

    /** {@code 1d 2h 30m 15s}, leaving out zero parts; sub-second remainders in ms. */
    static String duration(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder b = new StringBuilder();
        append(b, d.toDaysPart(), "d");
        append(b, d.toHoursPart(), "h");
        append(b, d.toMinutesPart(), "m");
        append(b, d.toSecondsPart(), "s");
        append(b, d.toMillisPart(), "ms");
        return b.length() == 0 ? d.toString() : b.toString();
    }

    private static void append(StringBuilder b, long amount, String unit) {
        if (amount != 0) {
            b.append(b.length() == 0 ? "" : " ").append(amount).append(unit);
        }
    }
}
