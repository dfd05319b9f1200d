package com.grepsr.scheduler.adapters.grpc.client;

import com.grepsr.scheduler.adapters.grpc.mapping.ProtoValues;
import com.grepsr.scheduler.adapters.grpc.v1.OneTimeRunRequest;
import com.grepsr.scheduler.application.port.out.RunTriggerPort;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.task.TaskId;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Fires a claimed run by calling OneTimeRun on a remote scheduler service — the original
 * deployment, with the processor as its own process. The request names the schedule and the
 * scheduled run, which makes the remote call idempotent per run (the task's id is the run's),
 * so retrying after an unanswered call cannot start a second task.
 *
 * <p>Retries UNAVAILABLE (the service restarting, a connection dropped) and DEADLINE_EXCEEDED
 * (no answer in time: safe to ask again, for the reason above) with backoff. Any other status, or
 * the last failed attempt, is thrown as the {@link StatusRuntimeException}: the processor's tick
 * then fails and the run's claim lapses, so it is claimed and fired again later.
 *
 * <p>The client's token must be an admin's: only the scheduler itself fires scheduled runs.
 */
public final class GrpcRunTrigger implements RunTriggerPort {

    /** Waits between attempts; a parameter so tests need not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private static final System.Logger LOG = System.getLogger(GrpcRunTrigger.class.getName());
    private static final Set<Status.Code> RETRYABLE = Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED);

    private final SchedulerClient client;
    private final RetryPolicy retry;
    private final Sleeper sleeper;

    public GrpcRunTrigger(SchedulerClient client, RetryPolicy retry) {
        this(client, retry, d -> Thread.sleep(d.toMillis()));
    }

    public GrpcRunTrigger(SchedulerClient client, RetryPolicy retry, Sleeper sleeper) {
        this.client = Objects.requireNonNull(client, "client");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    @Override
    public TaskId trigger(ScheduledRun run) {
        OneTimeRunRequest request = OneTimeRunRequest.newBuilder()
                .setReport(ProtoValues.reportRef(run.report()))
                .setScheduleId(run.scheduleId().value())
                .setScheduledRunId(run.id().value())
                .build();
        for (int attempt = 1; ; attempt++) {
            try {
                return TaskId.of(client.blocking().oneTimeRun(request).getTask().getTaskId());
            } catch (StatusRuntimeException e) {
                if (!RETRYABLE.contains(e.getStatus().getCode()) || attempt >= retry.maxAttempts()) {
                    throw e;
                }
                Duration pause = retry.backoffAfter(attempt);
                int failed = attempt;
                LOG.log(System.Logger.Level.INFO, () -> "OneTimeRun for scheduled run " + run.id() + " of schedule "
                        + run.scheduleId() + " failed (" + e.getStatus().getCode() + ", attempt " + failed
                        + "); retrying in " + pause.toMillis() + " ms");
                pauseFor(pause, e);
            }
        }
    }

    private void pauseFor(Duration pause, StatusRuntimeException cause) {
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw cause; // shutting down: give up with what we know
        }
    }
}
