package com.grepsr.scheduler.benchmarks.dispatch;

import com.grepsr.scheduler.application.daemon.DaemonSettings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders the peer comparison as the markdown section and the flat JSON object the lead assembles. */
final class PeerReport {

    private static final String OURS = PhoenixSide.LABEL;
    private static final String NO_OP = DbSchedulerSide.LABEL;
    private static final String DBS_WORK = DbSchedulerSide.SAME_WORK_LABEL;
    private static final String QUARTZ = QuartzSide.LABEL;
    private static final List<String> SIDES = List.of(OURS, NO_OP, DBS_WORK, QUARTZ);

    private PeerReport() {
    }

    static String markdown(PeerBenchmark.Parameters p, DaemonSettings s, List<ThroughputComparison.Row> rows,
                           BurstComparison.Result burst, long seconds) {
        StringBuilder md = new StringBuilder("## Peers side by side (issue 15)\n\n");
        md.append(String.format(Locale.ROOT, "N = %,d executions due at once per measurement; %d repetition(s), "
                + "interleaved (each repetition starts with the next side); medians; one untimed warm-up run of each side "
                + "first. Each replica: %d worker threads. Ours: ProcessorDaemon per replica, claim batch %d, lease %s, pool of "
                + "%d; `%s`: db-scheduler as in the dispatch part (`threads(%d)`, `pollUsingLockAndFetch(1.0, 4.0)`, 100 ms "
                + "polling, pool of %d), empty body; `%s`: the same, its body doing our work (launch through the same "
                + "simulated launcher, then a task row and a history row in one transaction, plain JDBC); `%s`: Quartz 2.5.2, "
                + "clustered `JobStoreTX` with `PostgreSQLDelegate` on its own DDL, `threadCount` %d, "
                + "`batchTriggerAcquisitionMaxCount` %d (default 1; Quartz never takes more than its free threads) with "
                + "`acquireTriggersWithinLock`, misfire threshold 10 min, idle wait 1 s, pool of %d (threads + 3, as its "
                + "documentation asks), one durable job and N one-shot triggers, the job doing the same work. Every "
                + "measurement verified (runs, tasks, history, launches; peers: N distinct executions, their table(s) empty, N "
                + "task rows and N history rows). Rows written = inserts + updates + deletes in `pg_stat_user_tables` across "
                + "the measurement, read once no session of the side is left (PostgreSQL 15 flushes a backend's counts at "
                + "the latest when it exits), ÷ N.%n%n",
                p.executions(), p.repetitions(), p.threads(), s.claimBatch(), s.claimLease(), p.threads() + 1, NO_OP,
                p.threads(), p.threads() + 1, DBS_WORK, QUARTZ, p.threads(), p.threads(), p.threads() + 3));
        md.append("| replicas | side | executions/s | ours ÷ side | rows written per execution | each run |\n");
        md.append("| ---: | --- | ---: | ---: | ---: | --- |\n");
        for (ThroughputComparison.Row r : rows) {
            for (String side : SIDES) {
                md.append(String.format(Locale.ROOT, "| %d | %s | %,.0f | %s | %.2f | %s |%n", r.replicas(), side,
                        r.median(side), side.equals(OURS) ? "" : String.format(Locale.ROOT, "%.2f", r.ratio(OURS, side)),
                        r.writesPerExecution(side), DispatchReport.each(r.rates(side))));
            }
        }
        ThroughputComparison.Row headline = headline(p, rows);
        md.append(String.format(Locale.ROOT, "%nRows written per execution by table (the median-rate measurement at %d "
                + "replicas; setup rows — runs, triggers, executions scheduled beforehand — are not counted):%n%n",
                headline.replicas()));
        md.append("| side | rows per execution, by table |\n| --- | --- |\n");
        for (String side : SIDES) {
            Measurement m = headline.typical(side);
            md.append("| ").append(side).append(" | ").append(m.writes().byTable().entrySet().stream()
                    .map(e -> perExecution(e.getKey(), e.getValue() / (double) m.executions()))
                    .collect(Collectors.joining(", "))).append(" |\n");
        }
        md.append(String.format(Locale.ROOT, "%n### Burst: %,d runs due at the same instant, a %d ms launcher (issue 15)%n%n"
                + "%d replicas each; every launch call sleeps %d ms (like a Kubernetes API call), then launches through the "
                + "simulated launcher; time from start until every run is launched and recorded (ours: DISPATCHED; "
                + "db-scheduler: its table empty), verified as above. Ours: the service's settings as they are (claim batch "
                + "%d, fired in chunks of 50). db-scheduler: the same work in its body, `threads(%d)`, "
                + "`pollUsingLockAndFetch(%.1f, %.1f)`, pool of %d per instance (its documentation gives no rule for I/O-bound "
                + "bodies; its published high-throughput runs use 20, 50 and 100 threads).%n%n",
                burst.runs(), BurstComparison.LAUNCH_TIME.toMillis(), BurstComparison.REPLICAS,
                BurstComparison.LAUNCH_TIME.toMillis(), s.claimBatch(), BurstComparison.DBS_CONFIG.threads(),
                BurstComparison.DBS_CONFIG.lowerFraction(), BurstComparison.DBS_CONFIG.upperFraction(),
                BurstComparison.DBS_CONFIG.poolSize()));
        md.append("| side | seconds until the last is launched | launches/s | rows written per run |\n| --- | ---: | ---: | ---: |\n");
        md.append(burstRow(OURS, burst.ours())).append(burstRow(DBS_WORK, burst.theirs()));
        md.append(String.format(Locale.ROOT, "%nBurst time ours ÷ db-scheduler: **%.2f** (lower is better).%n", burst.ratio()));
        md.append(String.format(Locale.ROOT, "%nWhole peer script: %d s.%n", seconds));
        return md.toString();
    }

    static String json(PeerBenchmark.Parameters p, List<ThroughputComparison.Row> rows, BurstComparison.Result burst,
                       long seconds) {
        Map<String, Number> v = new LinkedHashMap<>();
        ThroughputComparison.Row h = headline(p, rows);
        v.put("row_writes_per_dispatch", DispatchReport.round(h.writesPerExecution(OURS), 2));
        v.put("dispatch_same_work_ratio_vs_dbscheduler", DispatchReport.round(h.ratio(OURS, DBS_WORK), 3));
        v.put("dispatch_ratio_vs_quartz", DispatchReport.round(h.ratio(OURS, QUARTZ), 3));
        v.put("burst_time_ratio_vs_dbscheduler", DispatchReport.round(burst.ratio(), 3));
        v.put("row_writes_per_execution_dbscheduler", DispatchReport.round(h.writesPerExecution(NO_OP), 2));
        v.put("row_writes_per_execution_dbscheduler_work", DispatchReport.round(h.writesPerExecution(DBS_WORK), 2));
        v.put("row_writes_per_execution_quartz_work", DispatchReport.round(h.writesPerExecution(QUARTZ), 2));
        for (ThroughputComparison.Row r : rows) {
            v.put("peers_noop_ratio_vs_dbscheduler_" + r.replicas(), DispatchReport.round(r.ratio(OURS, NO_OP), 3));
            v.put("peers_same_work_ratio_vs_dbscheduler_" + r.replicas(), DispatchReport.round(r.ratio(OURS, DBS_WORK), 3));
            v.put("peers_ratio_vs_quartz_" + r.replicas(), DispatchReport.round(r.ratio(OURS, QUARTZ), 3));
            for (String side : SIDES) {
                v.put("peers_per_s_" + key(side) + "_" + r.replicas(), DispatchReport.round(r.median(side), 0));
            }
        }
        v.put("burst_runs", burst.runs());
        v.put("burst_seconds_ours", DispatchReport.round(burst.ours().seconds(), 1));
        v.put("burst_seconds_dbscheduler", DispatchReport.round(burst.theirs().seconds(), 1));
        v.put("peers_executions", p.executions());
        v.put("peers_repetitions", p.repetitions());
        v.put("peers_headline_replicas", h.replicas());
        v.put("peers_script_seconds", seconds);
        return DispatchReport.jsonObject(v);
    }

    private static ThroughputComparison.Row headline(PeerBenchmark.Parameters p, List<ThroughputComparison.Row> rows) {
        return rows.stream().filter(r -> r.replicas() == p.headlineReplicas()).findFirst().orElse(rows.get(0));
    }

    private static String burstRow(String side, Measurement m) {
        return String.format(Locale.ROOT, "| %s | %.1f | %,.0f | %.2f |%n", side, m.seconds(), m.perSecond(),
                m.writesPerExecution());
    }

    /** Two decimals, or four for the few rows a side writes now and then (cluster check-ins, locks). */
    private static String perExecution(String table, double rows) {
        return String.format(Locale.ROOT, rows >= 0.01 ? "`%s` %.2f" : "`%s` %.4f", table, rows);
    }

    private static String key(String side) {
        return side.replace("db-scheduler", "dbscheduler").replace("+", "_").replace("-", "_");
    }
}
