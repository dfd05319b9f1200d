package com.grepsr.scheduler.domain.schedule;

import java.time.Duration;
import java.util.Objects;

/**
 * What to do with runs that came due while the scheduler could not fire them (it was down, or
 * behind): fire the latest one once now, skip them all, or fire each one still within a
 * catch-up window.
 *
 * @param kind         the choice
 * @param catchUpWindow for {@link Kind#FIRE_ALL_WITHIN}: how late a run may still fire
 */
public record MisfirePolicy(Kind kind, Duration catchUpWindow) {

    /** Runs less late than this are on time, not misfires: a busy processor is not an outage. */
    public static final Duration GRACE = Duration.ofMinutes(1);
    public static final Duration MAX_CATCH_UP = Duration.ofDays(7);
    public static final MisfirePolicy FIRE_ONCE_NOW = new MisfirePolicy(Kind.FIRE_ONCE_NOW, Duration.ZERO);
    public static final MisfirePolicy SKIP = new MisfirePolicy(Kind.SKIP, Duration.ZERO);

    public enum Kind { FIRE_ONCE_NOW, SKIP, FIRE_ALL_WITHIN }

    public MisfirePolicy {
        Objects.requireNonNull(kind, "kind");
        catchUpWindow = catchUpWindow == null ? Duration.ZERO : catchUpWindow;
        if (kind == Kind.FIRE_ALL_WITHIN && (catchUpWindow.isNegative() || catchUpWindow.isZero()
                || catchUpWindow.compareTo(MAX_CATCH_UP) > 0)) {
            throw com.grepsr.scheduler.domain.error.ValidationException.of("misfire_policy.catch_up_window",
                    "must be positive and at most " + MAX_CATCH_UP + ", was " + catchUpWindow);
        }
    }

    public static MisfirePolicy fireAllWithin(Duration window) {
        return new MisfirePolicy(Kind.FIRE_ALL_WITHIN, window);
    }

    /**
     * Whether deciding for a run this late needs to know if a newer run of its schedule has come
     * due: FIRE_ONCE_NOW fires only the newest late run, and runs within the grace are on time.
     */
    public boolean asksForNewerRuns(Duration lateness) {
        return kind == Kind.FIRE_ONCE_NOW && lateness.compareTo(GRACE) > 0;
    }

    /**
     * Decides for one late run. {@code newestLate} tells whether it is the most recent of the late
     * runs of its schedule (FIRE_ONCE_NOW fires only that one).
     */
    public boolean fires(Duration lateness, boolean newestLate) {
        if (lateness.compareTo(GRACE) <= 0) {
            return true;
        }
        return switch (kind) {
            case FIRE_ONCE_NOW -> newestLate;
            case SKIP -> false;
            case FIRE_ALL_WITHIN -> lateness.compareTo(catchUpWindow) <= 0;
        };
    }
}
