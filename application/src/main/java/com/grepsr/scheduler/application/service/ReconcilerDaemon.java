package com.grepsr.scheduler.application.service;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * The Reconciler: brings the stores in line with the world. Each tick runs its steps in order:
 * <ol>
 *   <li>{@link ResumePausesStep} — resumes schedules whose pause-until has passed;</li>
 *   <li>{@link FollowLaunchesStep} — moves launched tasks along with what the launcher observes,
 *       and marks LOST those whose launch vanished;</li>
 *   <li>{@link RelaunchOrphansStep} — relaunches tasks a crash left QUEUED;</li>
 *   <li>{@link AdvanceParentsStep} — advances multi-process parents;</li>
 *   <li>{@link MissOverdueRunsStep} — marks MISSED the runs nobody dispatched before their deadline;</li>
 *   <li>{@link ForgetRequestIdsStep} — forgets request ids past their retention;</li>
 *   <li>{@link Retention} — prunes what is done and past its retention.</li>
 * </ol>
 * Every step is idempotent, tolerates racing a crawler's own report or another replica, and
 * reads or writes a bounded batch, so any number of replicas may run the reconciler.
 */
public final class ReconcilerDaemon {

    private static final System.Logger LOG = System.getLogger(ReconcilerDaemon.class.getName());
    /** The batch a step reads at a time. */
    static final int PAGE = 200;

    /** The reconciler's steps, in the order a tick runs them. */
    record Steps(ResumePausesStep resumePauses, FollowLaunchesStep followLaunches,
                 RelaunchOrphansStep relaunchOrphans, AdvanceParentsStep advanceParents,
                 MissOverdueRunsStep missOverdueRuns, ForgetRequestIdsStep forgetRequestIds, Retention retention) {
    }

    /** What one tick did. */
    public record TickResult(int resumed, int statusChanges, int lost, int relaunched, int parentsAdvanced,
                             int runsMissed, int requestIdsForgotten, Retention.Pruned pruned) {
    }

    private final Steps steps;

    ReconcilerDaemon(Steps steps) {
        this.steps = steps;
    }

    public TickResult tick(Instant now) {
        // the steps are independent: a launcher that is down must not keep pauses from ending
        // or overdue runs from being missed, so a failing step is logged and the others still run
        int resumed = step("resume pauses", () -> steps.resumePauses().run(now), 0);
        FollowLaunchesStep.Followed followed = step("follow launches", () -> steps.followLaunches().run(now),
                FollowLaunchesStep.Followed.NONE);
        int relaunched = step("relaunch orphans", () -> steps.relaunchOrphans().run(now), 0);
        int advanced = step("advance parents", () -> steps.advanceParents().run(now), 0);
        int missed = step("miss overdue runs", () -> steps.missOverdueRuns().run(now), 0);
        int forgotten = step("forget old request ids", () -> steps.forgetRequestIds().run(now), 0);
        Retention.Pruned pruned = step("prune old records", () -> steps.retention().pass(now), Retention.Pruned.NONE);
        return new TickResult(resumed, followed.changes(), followed.lost(), relaunched, advanced, missed, forgotten,
                pruned);
    }

    private static <T> T step(String name, Supplier<T> body, T none) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "reconciler step '" + name + "' failed; the next tick retries", e);
            return none;
        }
    }
}
