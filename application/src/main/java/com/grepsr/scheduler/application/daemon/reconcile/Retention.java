package com.grepsr.scheduler.application.daemon.reconcile;

import com.grepsr.scheduler.application.port.out.ActivityOutboxPort;
import com.grepsr.scheduler.application.port.out.ScheduledRunStorePort;
import com.grepsr.scheduler.application.port.out.TaskHistoryStorePort;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.application.port.out.TransactionPort;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Deletes what is done and older than its {@link RetentionSettings retention}: settled runs,
 * finished tasks (a parent with its children) with their history, delivered activity events.
 * One {@link #pass} deletes at most one batch of each, each in its own short transaction, so the
 * reconciler calls it every tick and a backlog drains over several. Several replicas may prune at
 * once: each deletes what is still there.
 */
public final class Retention {

    /** Rows one pass deleted (or, in a dry run, would delete). */
    public record Pruned(int runs, int tasks, int history, int events) {

        public static final Pruned NONE = new Pruned(0, 0, 0, 0);

        public int total() {
            return runs + tasks + history + events;
        }

        Pruned plus(Pruned o) {
            return new Pruned(runs + o.runs, tasks + o.tasks, history + o.history, events + o.events);
        }
    }

    private final ScheduledRunStorePort runs;
    private final TaskStorePort tasks;
    private final TaskHistoryStorePort history;
    private final ActivityOutboxPort outbox;
    private final TransactionPort tx;
    private final RetentionSettings settings;

    public Retention(ScheduledRunStorePort runs, TaskStorePort tasks, TaskHistoryStorePort history,
                     ActivityOutboxPort outbox, TransactionPort tx, RetentionSettings settings) {
        this.runs = runs;
        this.tasks = tasks;
        this.history = history;
        this.outbox = outbox;
        this.tx = tx;
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** One bounded batch of each table. */
    public Pruned pass(Instant now) {
        int r = kept(settings.runs()) ? 0 : runs.deleteSettledBefore(now.minus(settings.runs()), settings.batch());
        int[] t = kept(settings.tasks()) ? new int[] {0, 0} : tasksBefore(now.minus(settings.tasks()));
        int e = kept(settings.events()) ? 0
                : outbox.deleteDeliveredBefore(now.minus(settings.events()), settings.batch());
        return new Pruned(r, t[0], t[1], e);
    }

    /** Passes until nothing is left to delete (the CLI's {@code prune}). */
    public Pruned all(Instant now) {
        Pruned sum = Pruned.NONE;
        for (Pruned p = pass(now); p.total() > 0; p = pass(now)) {
            sum = sum.plus(p);
        }
        return sum;
    }

    /**
     * What {@link #all} would delete, counted by deleting in one transaction that is then rolled
     * back: exact, at the price of holding the rows' locks until it ends (run it off-peak).
     */
    public Pruned dryRun(Instant now) {
        try {
            tx.inTransaction(() -> {
                throw new RolledBack(all(now));
            });
            throw new IllegalStateException("unreachable");
        } catch (RolledBack counted) {
            return counted.pruned;
        }
    }

    private static boolean kept(Duration retention) {
        return retention.isZero();
    }

    /** Returns {tasks, history entries} deleted. */
    private int[] tasksBefore(Instant cutoff) {
        List<TaskId> roots = tasks.finishedRootsBefore(cutoff, settings.batch());
        if (roots.isEmpty()) {
            return new int[] {0, 0};
        }
        // a task a live (PENDING) run still points at stays until the run settles
        List<TaskId> free = tasks.findAll(roots).stream().filter(t -> !referencedByLiveRun(t)).map(Task::id).toList();
        return tx.inTransaction(() -> {
            List<TaskId> deleted = tasks.deleteWithChildren(free);
            return new int[] {deleted.size(), history.deleteOfTasks(deleted)};
        });
    }

    private boolean referencedByLiveRun(Task t) {
        return t.scheduledRunId().flatMap(runs::find).map(ScheduledRun::status)
                .filter(s -> s == RunStatus.PENDING).isPresent();
    }

    /** Carries a dry run's counts out of the transaction it rolls back. */
    private static final class RolledBack extends RuntimeException {
        private final transient Pruned pruned;

        RolledBack(Pruned pruned) {
            super(null, null, false, false);
            this.pruned = pruned;
        }
    }
}
