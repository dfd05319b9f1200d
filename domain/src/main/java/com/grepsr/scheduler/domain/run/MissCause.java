package com.grepsr.scheduler.domain.run;

/**
 * Why a run did not fire. A run whose crawler launch is refused did fire: it is DISPATCHED and its
 * task is FAILED with the refusal as its message, so there is no "launch failed" miss.
 */
public enum MissCause {
    /** It came due while no processor was running, and the misfire policy said not to fire it late. */
    SCHEDULER_DOWN,
    /** The schedule's previous task was still running and the overlap policy said skip. */
    OVERLAP,
    /** The schedule was paused when it came due. */
    PAUSED,
    /** It was not dispatched before its deadline (the catch-up window). */
    DEADLINE
}
