package com.grepsr.scheduler.domain.error;

/** A {@code kind} with this id (or natural key) already exists. */
public final class AlreadyExistsException extends DomainException {

    private final String kind;
    private final String id;

    public AlreadyExistsException(String kind, String id) {
        super(kind + " " + id + " already exists");
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
