package com.grepsr.scheduler.bootstrap.cli;

import com.grepsr.scheduler.client.SchedulerClient;
import com.grepsr.scheduler.adapters.grpc.v1.GetNextSchedulesRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetNextSchedulesResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code preview}: the next fire times of a timing before it is saved (GetNextSchedules). */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Show the next fire times of a cron, RRULE, interval or one-time timing without saving it.")
public final class PreviewCommand implements Callable<Integer> {

    @Mixin ClientOptions client;
    @Mixin TimingOptions timing;

    @Option(names = "--count", paramLabel = "N", defaultValue = "10", description = "how many (default ${DEFAULT-VALUE})")
    int count;

    @Override
    public Integer call() {
        try (SchedulerClient c = client.connect()) {
            print(client, c.blocking().getNextSchedules(GetNextSchedulesRequest.newBuilder()
                    .setTiming(timing.toProto()).setCount(count).build()));
            return 0;
        }
    }

    static void print(ClientOptions client, GetNextSchedulesResponse r) {
        if (client.json) {
            System.out.println(Text.json(r));
            return;
        }
        Table t = new Table("#", "FIRE TIME (UTC)", "LOCAL (" + r.getZone() + ")");
        for (int i = 0; i < r.getFireTimesCount(); i++) {
            t.row(i + 1, Text.time(r.getFireTimes(i)), i < r.getLocalFireTimesCount() ? r.getLocalFireTimes(i) : "");
        }
        if (t.size() == 0) {
            System.out.println("no upcoming fire times");
            return;
        }
        t.print(System.out);
    }
}
