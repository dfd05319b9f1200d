package com.grepsr.scheduler.adapters.web.view;

import java.util.List;

/** The model of each page: what its template renders, nothing it has to compute. */
public final class Pages {

    private Pages() {
    }

    public record Login(String error) {
    }

    public record Error(Chrome chrome, int status, String message) {
    }

    public record Overview(Chrome chrome, String window, List<Rows.Count> statuses, long total, String successRate,
                           String meanDuration, String maxDuration, List<Rows.Count> missedByCause,
                           String missedNote, List<Rows.Minute> minutes, long launchedLastHour,
                           String chartData) {
    }

    public record Agenda(Chrome chrome, String zone, String account, boolean admin, String from, String to,
                         List<Rows.AgendaDay> days, List<String> hours, List<Rows.AgendaRow> rows,
                         String nextPage) {
    }

    public record Schedules(Chrome chrome, String account, String project, String report, String status,
                            boolean admin, List<Rows.Schedule> rows, String nextPage) {
    }

    public record Schedule(Chrome chrome, Rows.Schedule schedule, String pausedUntil, List<Rows.Fire> next,
                           List<Rows.Miss> missed, List<Rows.Task> active, List<Rows.History> history,
                           boolean paused) {
    }

    public record Tasks(Chrome chrome, String which, String account, String report, boolean admin,
                        List<Rows.Task> rows, String nextPage) {
    }

    public record Task(Chrome chrome, Rows.Task task, String children, List<Rows.Task> childRows,
                       List<Rows.History> history) {
    }

    public record Missed(Chrome chrome, String account, String report, String cause, boolean admin, String note,
                         List<Rows.Miss> rows, String nextPage) {
    }
}
