package com.grepsr.scheduler.application.crashsafety;

import com.grepsr.scheduler.application.crashsafety.CrashPoint.Fault;
import com.grepsr.scheduler.application.crashsafety.CrashPoint.Moment;

import java.util.ArrayList;
import java.util.List;

/**
 * Fires one fault at the {@code occurrence}-th time the victim reaches its crash point's step
 * (counting from 1, so a kill can land in the middle of a batch). The faulty ports report every
 * step to it; it fires at most once. Thread-safe: a chunk's launches report from several threads at once.
 */
public final class FaultInjector {

    private final CrashPoint point;
    private final int occurrence;
    private int reached;
    /** Which occurrence this thread's step is: a chunk's launches reach the step at once, from several threads. */
    private final ThreadLocal<Integer> reachedHere = new ThreadLocal<>();
    private boolean fired;
    /** Open transactions of the victim, and whether the armed step ran inside the outermost one. */
    private int depth;
    private boolean firesOnCommit;
    private final List<Runnable> onCommit = new ArrayList<>();

    /** An injector that never fires: the ports of a healthy replica. */
    public static FaultInjector disarmed() {
        return new FaultInjector(null, 1);
    }

    public FaultInjector(CrashPoint point, int occurrence) {
        if (occurrence < 1) {
            throw new IllegalArgumentException("occurrence counts from 1, was " + occurrence);
        }
        this.point = point;
        this.occurrence = occurrence;
    }

    public CrashPoint point() {
        return point;
    }

    /** Whether the fault happened: a test whose fault never fired has tested nothing. */
    public synchronized boolean fired() {
        return fired;
    }

    /** The victim is about to run {@code step}. */
    synchronized void before(Step step) {
        if (point != null && step == point.step() && !fired) {
            reachedHere.set(++reached);
            if (reached == occurrence && point.moment() == Moment.BEFORE) {
                fire();
            }
        }
    }

    /** The victim's {@code step} took effect (not committed yet if a transaction is open). */
    synchronized void after(Step step) {
        if (point == null || step != point.step() || fired || reachedHere.get() == null
                || reachedHere.get() != occurrence) {
            return;
        }
        if (point.moment() == Moment.AFTER || (point.moment() == Moment.AFTER_COMMIT && depth == 0)) {
            fire();
        } else if (point.moment() == Moment.AFTER_COMMIT) {
            firesOnCommit = true;
        }
    }

    /** Runs {@code action} once the victim's open transaction commits (at once if none is open). */
    synchronized void onCommit(Runnable action) {
        if (depth == 0) {
            action.run();
        } else {
            onCommit.add(action);
        }
    }

    synchronized void transactionStarted() {
        depth++;
    }

    /** @param committed false when the transaction rolled back: what it held never became durable */
    synchronized void transactionEnded(boolean committed) {
        depth--;
        if (depth == 0) {
            if (committed) {
                onCommit.forEach(Runnable::run);
            }
            onCommit.clear();
        }
        if (depth == 0 && firesOnCommit) {
            firesOnCommit = false;
            if (committed) {
                fire();
            } else {
                reached--; // the armed step was undone by another failure: wait for it again
            }
        }
    }

    private void fire() {
        fired = true;
        String where = point + " (occurrence " + occurrence + " of " + point.step() + ")";
        if (point.fault() == Fault.KILL) {
            throw new ReplicaKilled(where);
        }
        throw new IllegalStateException("response lost at " + where);
    }
}
