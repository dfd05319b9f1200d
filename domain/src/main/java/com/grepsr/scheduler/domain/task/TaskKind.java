package com.grepsr.scheduler.domain.task;

/** Why a task exists. */
public enum TaskKind {
    /** Fired by a schedule's occurrence. */
    SCHEDULED,
    /** Run now by a user (OneTimeRun). */
    MANUAL,
    /** A limited trial run (OneTimeTestRun). */
    TEST,
    /** The head of a multi-process run; its children do the work. */
    PARENT,
    /** One processor of a multi-process run. */
    CHILD
}
