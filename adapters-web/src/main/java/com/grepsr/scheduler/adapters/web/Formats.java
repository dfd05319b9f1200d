package com.grepsr.scheduler.adapters.web;

import com.grepsr.scheduler.adapters.web.view.Rows;
import com.grepsr.scheduler.application.port.in.GetSchedulesUseCase.ScheduleSummary;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** How the pages write times, durations and the domain's objects: once, here. */
final class Formats {

    static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm (xxx)", Locale.ROOT);

    private Formats() {
    }

    static String utc(Instant t) {
        return t == null ? "" : UTC.format(t);
    }

    static String utc(Optional<Instant> t) {
        return t.map(Formats::utc).orElse("");
    }

    static String local(Instant t, ZoneId zone) {
        return LOCAL.format(t.atZone(zone));
    }

    static String duration(Duration d) {
        if (d == null) {
            return "";
        }
        long s = d.toSeconds();
        if (s < 60) {
            return d.toMillis() < 10_000 && s < 10 ? String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0)
                    : s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    static Rows.Schedule schedule(ScheduleSummary summary) {
        Schedule s = summary.schedule();
        return new Rows.Schedule(s.id().value(), s.name(), s.report().accountId().value(),
                s.report().projectId().value(), s.report().reportId().value(), s.status().name(),
                utc(summary.nextRunAt()), s.recurrence().describe(), s.timing().zone().getId());
    }

    static Rows.Miss miss(ScheduledRun r) {
        return new Rows.Miss(r.scheduleId().value(), r.report().reportId().value(), r.report().accountId().value(),
                utc(r.fireAt()), r.status().name(), r.missCause() == null ? "" : r.missCause().name());
    }

    static Rows.Task task(Task t, Clock clock) {
        return new Rows.Task(t.id().value(), t.report().reportId().value(), t.report().accountId().value(),
                t.scheduleId().map(id -> id.value()).orElse(""), t.kind().name(), t.status().name(),
                t.progress().map(p -> p + " %").orElse(""), utc(t.createdAt()), utc(t.finishedAt()),
                duration(t.duration(clock.instant()).orElse(null)), t.message() == null ? "" : t.message());
    }

    static Rows.History history(TaskHistoryEntry e) {
        return new Rows.History(utc(e.at()), e.taskId().value(), e.status().name(),
                e.progress() == null ? "" : e.progress() + " %", e.source().name().toLowerCase(Locale.ROOT),
                e.message() == null ? "" : e.message());
    }
}
