package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.domain.error.DomainException;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A daemon's step may lose a race to a crawler's own report, a user or another replica (the task
 * finished, the schedule changed): the loser's domain error means "someone else did it", which a
 * daemon counts as not done rather than as a failure.
 */
final class Races {

    private Races() {
    }

    /** Runs {@code step}; false when it lost a race. */
    static boolean ignoringRaces(Runnable step) {
        return unlessRaced(() -> {
            step.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    /** {@link #ignoringRaces(Runnable)} with the step's answer; empty when it lost a race. */
    static <T> Optional<T> unlessRaced(Supplier<T> step) {
        try {
            return Optional.of(step.get());
        } catch (DomainException raced) {
            return Optional.empty();
        }
    }
}
