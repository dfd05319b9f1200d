package com.grepsr.scheduler.application.crashsafety;

/**
 * Where a replica dies, one constant per row of docs/crash-safety.md. Each names the step, the
 * moment around it, which daemon dies, and whether it is a kill or only a lost answer.
 */
public enum CrashPoint {
    BEFORE_CLAIM_COMMIT(Victim.PROCESSOR, Step.CLAIM, Moment.BEFORE, Fault.KILL),
    CLAIMED_BEFORE_TASK_COMMIT(Victim.PROCESSOR, Step.CLAIM, Moment.AFTER_COMMIT, Fault.KILL),
    INSIDE_TASK_TRANSACTION(Victim.PROCESSOR, Step.TASK_INSERT, Moment.AFTER, Fault.KILL),
    TASK_COMMITTED_BEFORE_LAUNCH(Victim.PROCESSOR, Step.TASK_INSERT, Moment.AFTER_COMMIT, Fault.KILL),
    JOB_CREATED_BEFORE_LAUNCHING(Victim.PROCESSOR, Step.LAUNCH, Moment.AFTER, Fault.KILL),
    JOB_CREATED_RESPONSE_LOST(Victim.PROCESSOR, Step.LAUNCH, Moment.AFTER, Fault.LOSE_RESPONSE),
    INSIDE_LAUNCHING_TRANSACTION(Victim.PROCESSOR, Step.LAUNCHING_CHANGE, Moment.AFTER, Fault.KILL),
    LAUNCHING_COMMITTED_BEFORE_SETTLE(Victim.PROCESSOR, Step.LAUNCHING_CHANGE, Moment.AFTER_COMMIT, Fault.KILL),
    INSIDE_SETTLE_TRANSACTION(Victim.PROCESSOR, Step.RUN_SETTLE, Moment.AFTER, Fault.KILL),
    RUN_SETTLED_BEFORE_RELAY(Victim.PROCESSOR, Step.RUN_SETTLE, Moment.AFTER_COMMIT, Fault.KILL),
    RELAY_PUBLISHED_BEFORE_MARK(Victim.RELAY, Step.PUBLISH, Moment.AFTER, Fault.KILL),
    RECONCILER_JOB_CREATED_BEFORE_LAUNCHING(Victim.RECONCILER, Step.LAUNCH, Moment.AFTER, Fault.KILL),
    RECONCILER_LAUNCHING_COMMITTED(Victim.RECONCILER, Step.LAUNCHING_CHANGE, Moment.AFTER_COMMIT, Fault.KILL);

    /** Which daemon dies. */
    public enum Victim { PROCESSOR, RECONCILER, RELAY }

    /** When, relative to the step. */
    public enum Moment {
        /** The step is about to run: it leaves nothing. */
        BEFORE,
        /** The step ran, inside its transaction if one is open (which then rolls back). */
        AFTER,
        /** The transaction holding the step committed (or, with none open, the step ran). */
        AFTER_COMMIT
    }

    /** What goes wrong. */
    public enum Fault {
        /** The process dies ({@link ReplicaKilled}). */
        KILL,
        /** The step took effect but its answer never arrived (a RuntimeException); the replica lives on. */
        LOSE_RESPONSE
    }

    private final Victim victim;
    private final Step step;
    private final Moment moment;
    private final Fault fault;

    CrashPoint(Victim victim, Step step, Moment moment, Fault fault) {
        this.victim = victim;
        this.step = step;
        this.moment = moment;
        this.fault = fault;
    }

    public Victim victim() { return victim; }
    public Step step() { return step; }
    public Moment moment() { return moment; }
    public Fault fault() { return fault; }
}
