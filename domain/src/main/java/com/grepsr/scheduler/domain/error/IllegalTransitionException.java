package com.grepsr.scheduler.domain.error;

/** A lifecycle move the state machine forbids, e.g. a SUCCEEDED task asked to run again. */
public final class IllegalTransitionException extends DomainException {

    private final String kind;
    private final String id;
    private final String from;
    private final String to;

    public IllegalTransitionException(String kind, String id, Object from, Object to) {
        super(kind + " " + id + " cannot go from " + from + " to " + to);
        this.kind = kind;
        this.id = id;
        this.from = String.valueOf(from);
        this.to = String.valueOf(to);
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }
}
