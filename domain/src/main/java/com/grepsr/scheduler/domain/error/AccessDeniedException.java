package com.grepsr.scheduler.domain.error;

/** The caller's scope (an account, or non-admin) does not cover what it asked for. */
public final class AccessDeniedException extends DomainException {

    private final String resource;

    public AccessDeniedException(String resource) {
        super("not allowed: " + resource);
        this.resource = resource;
    }

    public String resource() {
        return resource;
    }
}
