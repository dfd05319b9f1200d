package com.grepsr.scheduler.bootstrap.cli;

import com.grepsr.scheduler.client.SchedulerClient;
import com.grepsr.scheduler.adapters.grpc.v1.GetAllSchedulesRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetAllSchedulesResponse;
import com.grepsr.scheduler.adapters.grpc.v1.GetNextSchedulesRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetNextSchedulesResponse;
import com.grepsr.scheduler.adapters.grpc.v1.GetScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetSchedulesRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetSchedulesResponse;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code schedules …}: create, list and show schedules, and preview a saved one's next runs. */
@Command(name = "schedules", mixinStandardHelpOptions = true, description = "Create, list, show, pause, unpause "
        + "and delete schedules.", subcommands = {SchedulesCommand.Create.class, SchedulesCommand.ListCommand.class,
        SchedulesCommand.Show.class, ScheduleChanges.Pause.class, ScheduleChanges.Unpause.class,
        ScheduleChanges.Delete.class, SchedulesCommand.Next.class})
public final class SchedulesCommand {

    /** {@code schedules create}. */
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a schedule for a report.")
    static final class Create implements Callable<Integer> {
        @Mixin ClientOptions client;
        @Mixin ReportOptions report;
        @Mixin TimingOptions timing;
        @Mixin RequestIdOption request;

        @Option(names = "--name", description = "shown in the platform (a report may have several schedules)")
        String name = "";

        @Override
        public Integer call() {
            try (SchedulerClient c = client.connect()) {
                ScheduleResponse r = request.send(id -> c.blocking().schedule(ScheduleRequest.newBuilder()
                        .setName(name).setReport(report.toProto()).setTiming(timing.toProto())
                        .putAllParameters(report.parameters).setRequestId(id).build()));
                if (client.json) {
                    System.out.println(Text.json(r));
                } else {
                    System.out.println("created schedule " + r.getSchedule().getScheduleId());
                    Table t = new Table("NEXT FIRE TIMES (UTC)");
                    r.getNextFireTimesList().forEach(ts -> t.row(Text.time(ts)));
                    t.print(System.out);
                }
                return 0;
            }
        }
    }

    /** {@code schedules list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List schedules of a report or project; with neither, every schedule (admins).")
    static final class ListCommand implements Callable<Integer> {
        @Mixin ClientOptions client;
        @Option(names = "--report", paramLabel = "ID") String report = "";
        @Option(names = "--project", paramLabel = "ID") String project = "";
        @Option(names = "--account", paramLabel = "ID") String account = "";
        @Option(names = "--page-size", paramLabel = "N") int pageSize;
        @Option(names = "--page-token", paramLabel = "TOKEN") String pageToken = "";

        @Override
        public Integer call() {
            try (SchedulerClient c = client.connect()) {
                if (report.isEmpty() && project.isEmpty()) {
                    GetAllSchedulesResponse r = c.blocking().getAllSchedules(GetAllSchedulesRequest.newBuilder()
                            .setAccountId(account).setPageSize(pageSize).setPageToken(pageToken).build());
                    print(r.getSchedulesList(), r.getNextPageToken(), r);
                } else {
                    GetSchedulesResponse r = c.blocking().getSchedules(GetSchedulesRequest.newBuilder()
                            .setReportId(report).setProjectId(project).setAccountId(account).setPageSize(pageSize)
                            .setPageToken(pageToken).build());
                    print(r.getSchedulesList(), r.getNextPageToken(), r);
                }
                return 0;
            }
        }

        private void print(java.util.List<com.grepsr.scheduler.adapters.grpc.v1.Schedule> schedules, String next,
                           com.google.protobuf.MessageOrBuilder response) {
            if (client.json) {
                System.out.println(Text.json(response));
                return;
            }
            Views.schedules(System.out, schedules);
            Views.more(System.out, next);
        }
    }

    /** {@code schedules show ID}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one schedule.")
    static final class Show implements Callable<Integer> {
        @Mixin ClientOptions client;
        @Parameters(paramLabel = "SCHEDULE_ID") String id;

        @Override
        public Integer call() {
            try (SchedulerClient c = client.connect()) {
                var r = c.blocking().getSchedule(GetScheduleRequest.newBuilder().setScheduleId(id).build());
                if (client.json) {
                    System.out.println(Text.json(r));
                } else {
                    Views.schedule(System.out, r.getSchedule());
                }
                return 0;
            }
        }
    }

    /** {@code schedules next ID}. */
    @Command(name = "next", mixinStandardHelpOptions = true, description = "The next fire times of a schedule.")
    static final class Next implements Callable<Integer> {
        @Mixin ClientOptions client;
        @Parameters(paramLabel = "SCHEDULE_ID") String id;
        @Option(names = "--count", paramLabel = "N", defaultValue = "10") int count;

        @Override
        public Integer call() {
            try (SchedulerClient c = client.connect()) {
                GetNextSchedulesResponse r = c.blocking().getNextSchedules(GetNextSchedulesRequest.newBuilder()
                        .setScheduleId(id).setCount(count).build());
                PreviewCommand.print(client, r);
                return 0;
            }
        }
    }
}
