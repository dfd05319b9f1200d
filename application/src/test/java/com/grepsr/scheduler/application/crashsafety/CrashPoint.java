package com.grepsr.scheduler.application.crashsafety;

/**
 * Where a replica dies, one constant per row of docs/crash-safety.md. Each names the step, the
 * moment around it, which daemon dies, and whether it is a kill or only a lost answer.
 */
public enum CrashPoint {
    // the locking path (in-process trigger): one transaction per chunk from the lock to the settle
    BEFORE_LOCK(Victim.PROCESSOR, Path.LOCKED, Step.CLAIM, Moment.BEFORE, Fault.KILL),
    LOCKED_BEFORE_LAUNCH(Victim.PROCESSOR, Path.LOCKED, Step.CLAIM, Moment.AFTER, Fault.KILL),
    JOB_CREATED_BEFORE_COMMIT(Victim.PROCESSOR, Path.LOCKED, Step.LAUNCH, Moment.AFTER, Fault.KILL),
    JOB_CREATED_RESPONSE_LOST(Victim.PROCESSOR, Path.LOCKED, Step.LAUNCH, Moment.AFTER, Fault.LOSE_RESPONSE),
    TASK_INSERTED_BEFORE_COMMIT(Victim.PROCESSOR, Path.LOCKED, Step.TASK_INSERT, Moment.AFTER, Fault.KILL),
    INSIDE_SETTLE_TRANSACTION(Victim.PROCESSOR, Path.LOCKED, Step.RUN_SETTLE, Moment.AFTER, Fault.KILL),
    RUN_SETTLED_BEFORE_RELAY(Victim.PROCESSOR, Path.LOCKED, Step.RUN_SETTLE, Moment.AFTER_COMMIT, Fault.KILL),
    // the leased path (a trigger in another process): claim, task, launch, LAUNCHING, settle, each committed
    BEFORE_CLAIM_COMMIT(Victim.PROCESSOR, Path.LEASED, Step.CLAIM, Moment.BEFORE, Fault.KILL),
    CLAIMED_BEFORE_TASK_COMMIT(Victim.PROCESSOR, Path.LEASED, Step.CLAIM, Moment.AFTER_COMMIT, Fault.KILL),
    INSIDE_TASK_TRANSACTION(Victim.PROCESSOR, Path.LEASED, Step.TASK_INSERT, Moment.AFTER, Fault.KILL),
    TASK_COMMITTED_BEFORE_LAUNCH(Victim.PROCESSOR, Path.LEASED, Step.TASK_INSERT, Moment.AFTER_COMMIT, Fault.KILL),
    JOB_CREATED_BEFORE_LAUNCHING(Victim.PROCESSOR, Path.LEASED, Step.LAUNCH, Moment.AFTER, Fault.KILL),
    INSIDE_LAUNCHING_TRANSACTION(Victim.PROCESSOR, Path.LEASED, Step.LAUNCHING_CHANGE, Moment.AFTER, Fault.KILL),
    LAUNCHING_COMMITTED_BEFORE_SETTLE(Victim.PROCESSOR, Path.LEASED, Step.LAUNCHING_CHANGE, Moment.AFTER_COMMIT, Fault.KILL),
    LEASED_RUN_SETTLED(Victim.PROCESSOR, Path.LEASED, Step.RUN_SETTLE, Moment.AFTER_COMMIT, Fault.KILL),
    // the other daemons
    RELAY_PUBLISHED_BEFORE_MARK(Victim.RELAY, Path.LOCKED, Step.PUBLISH, Moment.AFTER, Fault.KILL),
    RECONCILER_JOB_CREATED_BEFORE_LAUNCHING(Victim.RECONCILER, Path.LOCKED, Step.LAUNCH, Moment.AFTER, Fault.KILL),
    RECONCILER_LAUNCHING_COMMITTED(Victim.RECONCILER, Path.LOCKED, Step.LAUNCHING_CHANGE, Moment.AFTER_COMMIT, Fault.KILL);

    /**
     * How the victim processor claims: {@code LOCKED} with the in-process trigger (the runs locked
     * by the chunk's transaction), {@code LEASED} with a trigger that cannot join it (a remote one).
     * The healers always run the in-process processor; other victims' processors too.
     */
    public enum Path { LOCKED, LEASED }

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
    private final Path path;
    private final Step step;
    private final Moment moment;
    private final Fault fault;

    CrashPoint(Victim victim, Path path, Step step, Moment moment, Fault fault) {
        this.victim = victim;
        this.path = path;
        this.step = step;
        this.moment = moment;
        this.fault = fault;
    }

    public Victim victim() { return victim; }
    public Path path() { return path; }
    public Step step() { return step; }
    public Moment moment() { return moment; }
    public Fault fault() { return fault; }
}
