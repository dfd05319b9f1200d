package com.grepsr.scheduler.domain.recurrence.cron;

/** Builds the one shape of error message every cron parse failure has. */
final class CronErrors {

    static final String EXAMPLE = "e.g. '0 */15 9-17 * * MON-FRI'";
    private static final int SHOWN_CHARS = 120;

    private CronErrors() {
    }

    /** {@code invalid cron expression '<expr>': <problem>; e.g. '<a valid one>'}. */
    static IllegalArgumentException invalid(String expression, String problem) {
        String shown = expression.length() <= SHOWN_CHARS ? expression
                : expression.substring(0, SHOWN_CHARS) + "…";
        return new IllegalArgumentException("invalid cron expression '" + shown + "': " + problem + "; " + EXAMPLE);
    }
}
