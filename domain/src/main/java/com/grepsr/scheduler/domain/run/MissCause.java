package com.grepsr.scheduler.domain.run;

/** Why a run did not fire. */
public enum MissCause {
    /** It came due while no processor was running, and the misfire policy said not to fire it late. */
    SCHEDULER_DOWN,
    /** The schedule's previous task was still running and the overlap policy said skip. */
    OVERLAP,
    /** The schedule was paused when it came due. */
    PAUSED,
    /** It was not dispatched before its deadline (the catch-up window). */
    DEADLINE,
    /** The crawler launch was refused (e.g. unknown service code). */
    LAUNCH_FAILED
}
