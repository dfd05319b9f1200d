package com.grepsr.scheduler.bootstrap.cli;

import com.grepsr.scheduler.client.SchedulerClient;
import com.grepsr.scheduler.adapters.grpc.v1.GetActiveTasksV2Request;
import com.grepsr.scheduler.adapters.grpc.v1.GetCompletedTasksRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetTaskHistoryBySchedulerIdRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetTaskHistoryBySchedulerIdResponse;
import com.grepsr.scheduler.adapters.grpc.v1.GetTaskInfoRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetTaskInfoResponse;
import com.grepsr.scheduler.adapters.grpc.v1.TaskHistoryEntry;
import com.grepsr.scheduler.application.time.DurationText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tasks …}: active and completed tasks, and one task with its history. */
@Command(name = "tasks", mixinStandardHelpOptions = true, description = "List active or completed tasks; show one.",
        subcommands = {TasksCommand.Active.class, TasksCommand.Completed.class, TasksCommand.Show.class})
public final class TasksCommand {

    /** Filters shared by the lists. */
    static final class Filters {
        @Option(names = "--account", paramLabel = "ID") String account = "";
        @Option(names = "--report", paramLabel = "ID") String report = "";
        @Option(names = "--schedule", paramLabel = "ID") String schedule = "";
        @Option(names = "--page-size", paramLabel = "N") int pageSize;
        @Option(names = "--page-token", paramLabel = "TOKEN") String pageToken = "";
    }

    /** {@code tasks active}. */
    @Command(name = "active", mixinStandardHelpOptions = true, description = "Queued, launching and running tasks.")
    static final class Active implements Callable<Integer> {
        @Mixin ClientOptions client;
        @Mixin Filters f;

        @Override
        public Integer call() {
            try (SchedulerClient c = client.connect()) {
                var r = c.blocking().getActiveTasksV2(GetActiveTasksV2Request.newBuilder().setAccountId(f.account)
                        .setReportId(f.report).setScheduleId(f.schedule).setPageSize(f.pageSize)
                        .setPageToken(f.pageToken).build());
                if (client.json) {
                    System.out.println(Text.json(r));
                } else {
                    Views.tasks(System.out, r.getTasksList());
                    Views.more(System.out, r.getNextPageToken());
                }
                return 0;
            }
        }
    }

    /** {@code tasks completed}. */
    @Command(name = "completed", mixinStandardHelpOptions = true, description = "Tasks that finished recently.")
    static final class Completed implements Callable<Integer> {
        @Mixin ClientOptions client;
        @Mixin Filters f;
        @Option(names = "--since", paramLabel = "DURATION", defaultValue = "1d",
                description = "how far back (default ${DEFAULT-VALUE}; at most 93 days)")
        String since;

        @Override
        public Integer call() {
            Instant now = Instant.now(); // the client's clock only frames the window it asks about
            try (SchedulerClient c = client.connect()) {
                var r = c.blocking().getCompletedTasks(GetCompletedTasksRequest.newBuilder().setAccountId(f.account)
                        .setReportId(f.report).setScheduleId(f.schedule).setPageSize(f.pageSize)
                        .setPageToken(f.pageToken)
                        .setFrom(ScheduleChanges.instant(now.minus(DurationText.parse(since)).toString()))
                        .setTo(ScheduleChanges.instant(now.plusSeconds(1).toString())).build());
                if (client.json) {
                    System.out.println(Text.json(r));
                } else {
                    Views.tasks(System.out, r.getTasksList());
                    Views.more(System.out, r.getNextPageToken());
                }
                return 0;
            }
        }
    }

    /** {@code tasks show ID}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "One task with its history.")
    static final class Show implements Callable<Integer> {
        /** History pages read at most, so a schedule with a long past cannot keep the command busy. */
        static final int MAX_HISTORY_PAGES = 20;

        @Mixin ClientOptions client;
        @Parameters(paramLabel = "TASK_ID") String id;

        @Override
        public Integer call() {
            try (SchedulerClient c = client.connect()) {
                GetTaskInfoResponse info = c.blocking().getTaskInfo(GetTaskInfoRequest.newBuilder().setTaskId(id)
                        .build());
                List<TaskHistoryEntry> history = history(c, info.getTask().getScheduleId());
                if (client.json) {
                    System.out.println("{\"task_info\": " + Text.json(info) + ",\n\"history\": ["
                            + String.join(",\n", history.stream().map(Text::json).toList()) + "]}");
                    return 0;
                }
                Views.task(System.out, info.getTask(), Text.duration(info.getDuration()));
                System.out.println();
                if (info.getTask().getScheduleId().isEmpty()) {
                    System.out.println("(history is served per schedule; this task has none)");
                } else {
                    Views.history(System.out, history);
                }
                return 0;
            }
        }

        /** The task's entries from its schedule's history (the API serves history per schedule). */
        private List<TaskHistoryEntry> history(SchedulerClient c, String schedule) {
            List<TaskHistoryEntry> mine = new ArrayList<>();
            if (schedule.isEmpty()) {
                return mine;
            }
            String token = "";
            for (int page = 0; page < MAX_HISTORY_PAGES; page++) {
                GetTaskHistoryBySchedulerIdResponse r = c.blocking().getTaskHistoryBySchedulerId(
                        GetTaskHistoryBySchedulerIdRequest.newBuilder().setScheduleId(schedule).setPageSize(500)
                                .setPageToken(token).build());
                r.getEntriesList().stream().filter(e -> e.getTaskId().equals(id)).forEach(mine::add);
                token = r.getNextPageToken();
                if (token.isEmpty()) {
                    break;
                }
            }
            return mine;
        }
    }
}
