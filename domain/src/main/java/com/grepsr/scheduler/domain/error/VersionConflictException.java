package com.grepsr.scheduler.domain.error;

/** An optimistic-concurrency race was lost: someone changed the aggregate since it was read. */
public final class VersionConflictException extends DomainException {

    private final String kind;
    private final String id;
    private final long expectedVersion;
    private final long actualVersion;

    public VersionConflictException(String kind, String id, long expectedVersion, long actualVersion) {
        super(kind + " " + id + " is at version " + actualVersion + ", not " + expectedVersion
                + "; read it again and retry");
        this.kind = kind;
        this.id = id;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long actualVersion() {
        return actualVersion;
    }
}
