package com.grepsr.scheduler.benchmarks.horizon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Writes the fill and idle-tick medians as a markdown section and a flat JSON object of numbers. */
final class HorizonReport {

    private final Measurements m;
    private final int schedules;
    private final int repeats;

    HorizonReport(Measurements m, int schedules, int repeats) {
        this.m = m;
        this.schedules = schedules;
        this.repeats = repeats;
    }

    void write(Path prefix) throws IOException {
        Path parent = prefix.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(Path.of(prefix + ".md"), markdown());
        Files.writeString(Path.of(prefix + ".json"), json());
        System.out.print(markdown());
    }

    private Map<String, Double> numbers() {
        Map<String, Double> n = new LinkedHashMap<>();
        n.put("horizon_fill_fraction_of_raw", m.median("fill_fraction_of_raw"));
        n.put("horizon_schedules", (double) schedules);
        n.put("horizon_repeats", (double) repeats);
        for (String key : new String[] {"fill_rows", "fill_seconds", "fill_rows_per_s", "fill_ticks", "fill_statements",
                "raw_batch_seconds", "raw_batch_rows_per_s", "raw_copy_seconds", "raw_copy_rows_per_s",
                "idle_tick_ms", "idle_tick_statements", "idle_tick_schedules_read",
                "old_idle_tick_ms", "old_idle_tick_statements", "old_idle_tick_schedules_read"}) {
            n.put("horizon_" + key, m.median(key));
        }
        return n;
    }

    private String json() {
        StringBuilder out = new StringBuilder("{\n");
        Map<String, Double> n = numbers();
        int i = 0;
        for (Map.Entry<String, Double> e : n.entrySet()) {
            double v = e.getValue();
            String value = v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v)
                    : String.format(Locale.ROOT, "%.4f", v);
            out.append("  \"").append(e.getKey()).append("\": ").append(value)
                    .append(++i < n.size() ? ",\n" : "\n");
        }
        return out.append("}\n").toString();
    }

    private String markdown() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "### Horizon fill: %,d ACTIVE schedules, 3-day horizon, PostgreSQL%n%n",
                schedules));
        out.append("Mix: ").append(String.join(", ", HorizonFillBenchmark.describeMix()))
                .append(" (crons in 8 zones, minutes and hours spread; 5,000 distinct timings, the rest copies of")
                .append(" them under their own ids). Calculator as the service wires it: SQL stores")
                .append(" on a HikariCP pool of 10, READ COMMITTED, `DaemonSettings.DEFAULTS` (horizon 3d, margin 1h,")
                .append(" 10,000 runs per schedule per tick). Raw baselines insert exactly the rows the calculator")
                .append(" wrote (same table, columns, indexes, constraints; emptied first): batched INSERTs of ")
                .append(RawInserts.BATCH).append(" rows (`reWriteBatchedInserts=true`, commit every ")
                .append(RawInserts.COMMIT_EVERY).append(") and one COPY. Each repetition: calculator, then the two")
                .append(" raw ways (order alternating); ").append(repeats).append(" repetitions, medians.\n\n");
        out.append("| | rows | seconds | rows/s | runs (rows/s) |\n| --- | ---: | ---: | ---: | --- |\n");
        row(out, "calculator (ours)", "fill");
        row(out, "raw JDBC batched INSERT", "raw_batch");
        row(out, "raw COPY", "raw_copy");
        out.append(String.format(Locale.ROOT, "%nours ÷ best raw: **%.2f** (runs: %s); goal ≥ 0.50. Ours ÷ batched"
                        + " INSERT: %.2f; ours ÷ COPY: %.2f. The fill took %.0f calculator tick(s) and %.0f SQL"
                        + " statements.%n%n",
                m.median("fill_fraction_of_raw"), m.values("fill_fraction_of_raw", "%.2f"),
                m.median("fill_rows_per_s") / m.median("raw_batch_rows_per_s"),
                m.median("fill_rows_per_s") / m.median("raw_copy_rows_per_s"),
                m.median("fill_ticks"), m.median("fill_statements")));
        out.append("Where the calculator's fill time goes (median seconds; a port call's wall time includes its"
                + " database round trips; `calculator itself` is recurrence math, ids and mapping):\n\n"
                + "| part | seconds |\n| --- | ---: |\n");
        for (String part : new String[] {"ScheduleStore.dueForCalculation", "ScheduledRunStore.latestFireAts",
                "ScheduledRunStore.insertIfAbsent", "ScheduleStore.calculatedUntil", "commit_and_begin",
                "calculator_itself"}) {
            out.append(String.format(Locale.ROOT, "| %s | %.2f |%n", part, m.median("fill_in_" + part)));
        }
        out.append("\n#### One calculator tick when nothing changed\n\n");
        out.append("| | schedules read | SQL statements | ms (median) | runs (ms) |\n| --- | ---: | ---: | ---: | --- |\n");
        out.append(String.format(Locale.ROOT, "| now: due schedules only (`calculate_at` index) | %.0f | %.0f | %.2f | %s |%n",
                m.median("idle_tick_schedules_read"), m.median("idle_tick_statements"), m.median("idle_tick_ms"),
                m.values("idle_tick_ms", "%.2f")));
        out.append(String.format(Locale.ROOT, "| before: every ACTIVE schedule, pages of 500 | %.0f | %.0f | %.2f | %s |%n",
                m.median("old_idle_tick_schedules_read"), m.median("old_idle_tick_statements"),
                m.median("old_idle_tick_ms"), m.values("old_idle_tick_ms", "%.1f")));
        out.append("\n\"Before\" is the work the previous calculator did on every idle tick (it listed all ACTIVE"
                + " schedules and skipped them against an in-memory watermark), measured in the same run through the"
                + " same store.\n");
        return out.toString();
    }

    private void row(StringBuilder out, String label, String key) {
        out.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %,.0f | %s |%n", label,
                m.median("fill_rows"), m.median(key + "_seconds"),
                m.median(key + "_rows_per_s"), m.values(key + "_rows_per_s", "%.0f")));
    }
}
