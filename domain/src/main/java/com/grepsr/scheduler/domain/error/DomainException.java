package com.grepsr.scheduler.domain.error;

/**
 * The closed set of rule violations the domain reports. Each carries the ids involved so an
 * adapter can map it to a precise answer (gRPC status, HTTP code) in one place.
 */
public abstract sealed class DomainException extends RuntimeException
        permits ValidationException, NotFoundException, IllegalTransitionException,
                VersionConflictException, AlreadyExistsException, AccessDeniedException {

    protected DomainException(String message) {
        super(message);
    }
}
