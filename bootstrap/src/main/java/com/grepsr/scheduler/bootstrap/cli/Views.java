package com.grepsr.scheduler.bootstrap.cli;

import com.grepsr.scheduler.adapters.grpc.v1.Schedule;
import com.grepsr.scheduler.adapters.grpc.v1.Task;
import com.grepsr.scheduler.adapters.grpc.v1.TaskHistoryEntry;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/** The tables the CLI prints for schedules, tasks and history. */
final class Views {

    private Views() {
    }

    static void schedules(PrintStream out, List<Schedule> schedules) {
        Table t = new Table("SCHEDULE", "NAME", "REPORT", "STATUS", "TIMING", "NEXT RUN");
        schedules.forEach(s -> t.row(s.getScheduleId(), s.getName(), s.getReport().getReportId(),
                Text.name(s.getStatus()), Text.timing(s.getTiming()), Text.time(s.getNextRunAt())));
        t.print(out);
    }

    static void schedule(PrintStream out, Schedule s) {
        Table t = new Table("FIELD", "VALUE");
        t.row("schedule", s.getScheduleId()).row("name", s.getName()).row("status", Text.name(s.getStatus()))
                .row("report", s.getReport().getReportId()).row("project", s.getReport().getProjectId())
                .row("account", s.getReport().getAccountId()).row("service code", s.getReport().getServiceCode())
                .row("timing", Text.timing(s.getTiming()))
                .row("parameters", s.getParametersMap().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ")))
                .row("misfire", Text.name(s.getMisfirePolicy().getKind()))
                .row("overlap", Text.name(s.getOverlapPolicy()))
                .row("task timeout", Text.duration(s.getTaskTimeout()))
                .row("paused until", Text.time(s.getPausedUntil()))
                .row("next run", Text.time(s.getNextRunAt())).row("version", s.getVersion())
                .row("created", Text.time(s.getCreatedAt())).row("updated", Text.time(s.getUpdatedAt()));
        t.print(out);
    }

    static void tasks(PrintStream out, List<Task> tasks) {
        Table t = new Table("TASK", "KIND", "REPORT", "SCHEDULE", "STATUS", "PROGRESS", "CREATED", "FINISHED",
                "MESSAGE");
        tasks.forEach(k -> t.row(k.getTaskId(), Text.name(k.getKind()), k.getReport().getReportId(),
                k.getScheduleId(), Text.name(k.getStatus()), k.hasProgress() ? k.getProgress() + "%" : "",
                Text.time(k.getCreatedAt()), Text.time(k.getFinishedAt()), k.getMessage()));
        t.print(out);
    }

    static void task(PrintStream out, Task k, String duration) {
        Table t = new Table("FIELD", "VALUE");
        t.row("task", k.getTaskId()).row("kind", Text.name(k.getKind())).row("status", Text.name(k.getStatus()))
                .row("progress", k.hasProgress() ? k.getProgress() + "%" : "").row("message", k.getMessage())
                .row("report", k.getReport().getReportId()).row("account", k.getReport().getAccountId())
                .row("schedule", k.getScheduleId()).row("scheduled run", k.getScheduledRunId())
                .row("parent", k.getParentTaskId()).row("launch", k.getLaunchName())
                .row("created", Text.time(k.getCreatedAt())).row("started", Text.time(k.getStartedAt()))
                .row("finished", Text.time(k.getFinishedAt())).row("duration", duration);
        t.print(out);
    }

    static void history(PrintStream out, List<TaskHistoryEntry> entries) {
        Table t = new Table("SEQ", "AT", "TASK", "STATUS", "PROGRESS", "SOURCE", "MESSAGE");
        entries.forEach(e -> t.row(e.getSequence(), Text.time(e.getAt()), e.getTaskId(), Text.name(e.getStatus()),
                e.hasProgress() ? e.getProgress() + "%" : "", Text.name(e.getSource()), e.getMessage()));
        t.print(out);
    }

    /** The hint under a page that has more. */
    static void more(PrintStream out, String nextPageToken) {
        if (!nextPageToken.isEmpty()) {
            out.println("(more: --page-token " + nextPageToken + ")");
        }
    }
}
