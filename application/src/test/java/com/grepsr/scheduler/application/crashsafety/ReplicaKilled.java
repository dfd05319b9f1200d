package com.grepsr.scheduler.application.crashsafety;

/**
 * Stands for a replica's process dying at one exact step. An {@link Error}, not an exception:
 * the services catch {@code RuntimeException} to defer or retry, and nothing may survive a kill,
 * so no service code can handle it. An open transaction sees it like a dropped connection and
 * rolls back. The killed replica's daemon objects are never used again.
 */
public final class ReplicaKilled extends Error {

    public ReplicaKilled(String where) {
        super("replica killed " + where, null, false, false);
    }
}
