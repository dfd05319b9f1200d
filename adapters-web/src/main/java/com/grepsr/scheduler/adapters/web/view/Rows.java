package com.grepsr.scheduler.adapters.web.view;

import java.util.List;

/** The table rows the pages show: plain strings, formatted once in Java, escaped by the templates. */
public final class Rows {

    private Rows() {
    }

    /** A label and a count (tasks by status, misses by cause). */
    public record Count(String label, long count) {
    }

    public record Schedule(String id, String name, String account, String project, String report, String status,
                           String nextRun, String timing, String zone) {
    }

    public record Fire(String utc, String local) {
    }

    public record Miss(String scheduleId, String report, String account, String fireAt, String status,
                       String cause) {
    }

    public record Task(String id, String report, String account, String scheduleId, String kind, String status,
                       String progress, String created, String finished, String duration, String message) {
    }

    public record History(String at, String taskId, String status, String progress, String source,
                          String message) {
    }

    public record Minute(String minute, long launched, String meanLag, String maxLag) {
    }

    /** One schedule's row of the agenda: a cell per hour of the horizon. */
    public record AgendaRow(String scheduleId, String name, String account, List<AgendaCell> cells, long total) {
    }

    /** Runs in one hour; {@code title} names the hour in the chosen zone, for hover and screen readers. */
    public record AgendaCell(int count, String title) {
    }

    /** A local day over the agenda's hour columns: DST days span 23 or 25 of them. */
    public record AgendaDay(String label, int span) {
    }
}
