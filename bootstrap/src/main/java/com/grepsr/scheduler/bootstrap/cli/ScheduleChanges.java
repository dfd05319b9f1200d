package com.grepsr.scheduler.bootstrap.cli;

import com.google.protobuf.Timestamp;
import com.grepsr.scheduler.client.SchedulerClient;
import com.grepsr.scheduler.adapters.grpc.v1.StopScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.StopScheduleResponse;
import com.grepsr.scheduler.adapters.grpc.v1.UnpauseScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.UnpauseScheduleResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

/** {@code schedules pause|unpause|delete ID}: a schedule's lifecycle. */
final class ScheduleChanges {

    private ScheduleChanges() {
    }

    /** {@code schedules pause}. */
    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Pause a schedule (StopSchedule).")
    static final class Pause implements Callable<Integer> {
        @Mixin ClientOptions client;
        @Parameters(paramLabel = "SCHEDULE_ID") String id;
        @Option(names = "--until", paramLabel = "INSTANT", description = "resume by itself then, e.g. 2026-12-24T00:00:00Z")
        String until;
        @Option(names = "--stop-tasks", description = "also stop the schedule's queued and running tasks")
        boolean stopTasks;

        @Override
        public Integer call() {
            StopScheduleRequest.Builder req = StopScheduleRequest.newBuilder().setScheduleId(id)
                    .setStopActiveTasks(stopTasks);
            if (until != null) {
                req.setPauseUntil(instant(until));
            }
            return stop(client, req.build(), "paused");
        }
    }

    /** {@code schedules delete}. */
    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a schedule (StopSchedule).")
    static final class Delete implements Callable<Integer> {
        @Mixin ClientOptions client;
        @Parameters(paramLabel = "SCHEDULE_ID") String id;
        @Option(names = "--stop-tasks", description = "also stop the schedule's queued and running tasks")
        boolean stopTasks;

        @Override
        public Integer call() {
            return stop(client, StopScheduleRequest.newBuilder().setScheduleId(id).setDelete(true)
                    .setStopActiveTasks(stopTasks).build(), "deleted");
        }
    }

    /** {@code schedules unpause}. */
    @Command(name = "unpause", mixinStandardHelpOptions = true, description = "Resume a paused schedule.")
    static final class Unpause implements Callable<Integer> {
        @Mixin ClientOptions client;
        @Parameters(paramLabel = "SCHEDULE_ID") String id;

        @Override
        public Integer call() {
            try (SchedulerClient c = client.connect()) {
                UnpauseScheduleResponse r = c.blocking().unpauseSchedule(UnpauseScheduleRequest.newBuilder()
                        .setScheduleId(id).build());
                if (client.json) {
                    System.out.println(Text.json(r));
                } else {
                    System.out.println("unpaused schedule " + id + "; next run "
                            + (r.getNextFireTimesCount() == 0 ? "none" : Text.time(r.getNextFireTimes(0))));
                }
                return 0;
            }
        }
    }

    private static int stop(ClientOptions client, StopScheduleRequest req, String done) {
        try (SchedulerClient c = client.connect()) {
            StopScheduleResponse r = c.blocking().stopSchedule(req);
            if (client.json) {
                System.out.println(Text.json(r));
            } else {
                System.out.println(done + " schedule " + req.getScheduleId() + " (" + r.getCancelledRuns()
                        + " upcoming runs cancelled" + (req.getStopActiveTasks()
                        ? ", " + r.getStoppedTaskIdsCount() + " tasks stopped" : "") + ")");
            }
            return 0;
        }
    }

    static Timestamp instant(String text) {
        try {
            Instant i = Instant.parse(text);
            return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an instant such as 2026-12-24T00:00:00Z");
        }
    }
}
