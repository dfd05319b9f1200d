package com.grepsr.scheduler.bootstrap.cli;

import com.grepsr.scheduler.client.SchedulerClient;
import com.grepsr.scheduler.adapters.grpc.v1.GetStatsRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetStatsResponse;
import com.grepsr.scheduler.application.time.DurationText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code stats}: task counts by status, success rate and durations (GetStats). */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Task counts, success rate and durations.")
public final class StatsCommand implements Callable<Integer> {

    @Mixin ClientOptions client;
    @Option(names = "--account", paramLabel = "ID") String account = "";
    @Option(names = "--report", paramLabel = "ID") String report = "";
    @Option(names = "--schedule", paramLabel = "ID") String schedule = "";
    @Option(names = "--since", paramLabel = "DURATION", defaultValue = "7d",
            description = "the window, back from now (default ${DEFAULT-VALUE})")
    String since;

    @Override
    public Integer call() {
        Instant now = Instant.now(); // the client's clock only frames the window it asks about
        try (SchedulerClient c = client.connect()) {
            GetStatsResponse r = c.blocking().getStats(GetStatsRequest.newBuilder().setAccountId(account)
                    .setReportId(report).setScheduleId(schedule)
                    .setFrom(ScheduleChanges.instant(now.minus(DurationText.parse(since)).toString()))
                    .setTo(ScheduleChanges.instant(now.plusSeconds(1).toString())).build());
            if (client.json) {
                System.out.println(Text.json(r));
                return 0;
            }
            Table counts = new Table("STATUS", "TASKS");
            r.getCountsByStatusList().forEach(s -> counts.row(Text.name(s.getStatus()), s.getCount()));
            counts.print(System.out);
            System.out.println();
            Table summary = new Table("TOTAL", "FINISHED", "SUCCEEDED", "SUCCESS RATE", "AVG DURATION", "MAX DURATION");
            summary.row(r.getTotal(), r.getFinished(), r.getSucceeded(),
                    String.format(Locale.ROOT, "%.1f%%", r.getSuccessRate() * 100),
                    Text.duration(r.getAverageDuration()), Text.duration(r.getMaxDuration()));
            summary.print(System.out);
            return 0;
        }
    }
}
