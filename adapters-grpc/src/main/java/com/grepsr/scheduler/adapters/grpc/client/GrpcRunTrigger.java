package com.grepsr.scheduler.adapters.grpc.client;

import com.grepsr.scheduler.adapters.grpc.mapping.ProtoValues;
import com.grepsr.scheduler.adapters.grpc.v1.OneTimeRunRequest;
import com.grepsr.scheduler.application.port.out.RunTriggerPort;
import com.grepsr.scheduler.client.SchedulerClient;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.task.TaskId;
import io.grpc.StatusRuntimeException;

import java.util.Objects;

/**
 * Fires a claimed run by calling OneTimeRun on a remote scheduler service — the original
 * deployment, with the processor as its own process. The request names the schedule and the
 * scheduled run, which makes the remote call idempotent per run (the task's id is the run's),
 * so retrying after an unanswered call cannot start a second task.
 *
 * <p>Retries are the client channel's (its {@link com.grepsr.scheduler.client.RetryPolicy}, through
 * grpc-java's service config): UNAVAILABLE is retried with backoff within the call's deadline. Any
 * other status, or the last failed attempt, is thrown as the {@link StatusRuntimeException}: the
 * processor's tick then fails and the run's claim lapses, so it is claimed and fired again later.
 *
 * <p>The client's token must be an admin's: only the scheduler itself fires scheduled runs.
 */
public final class GrpcRunTrigger implements RunTriggerPort {

    private final SchedulerClient client;

    public GrpcRunTrigger(SchedulerClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public TaskId trigger(ScheduledRun run) {
        OneTimeRunRequest request = OneTimeRunRequest.newBuilder()
                .setReport(ProtoValues.reportRef(run.report()))
                .setScheduleId(run.scheduleId().value())
                .setScheduledRunId(run.id().value())
                .build();
        return TaskId.of(client.blocking().oneTimeRun(request).getTask().getTaskId());
    }
}
