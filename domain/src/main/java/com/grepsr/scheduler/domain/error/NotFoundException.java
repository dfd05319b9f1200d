package com.grepsr.scheduler.domain.error;

/** No {@code kind} with this id exists (or the caller may not know that it does). */
public final class NotFoundException extends DomainException {

    private final String kind;
    private final String id;

    public NotFoundException(String kind, String id) {
        super(kind + " " + id + " not found");
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
