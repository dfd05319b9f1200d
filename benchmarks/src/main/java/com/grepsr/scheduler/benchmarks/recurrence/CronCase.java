package com.grepsr.scheduler.benchmarks.recurrence;

/**
 * The cron expressions measured, each spelled for every library with the same meaning.
 *
 * <p>Quartz (and cron-utils with its QUARTZ definition) needs {@code ?} in exactly one of
 * day-of-month and day-of-week; Spring and ours accept {@code ?} as "any". Day-of-week numbers
 * differ (Quartz 1 = Sunday, Spring/ours 1 = Monday), so only names or the numbering-free
 * {@code L} day-of-month form are used. Times of day avoid the 01:00–03:00 daylight-saving hours
 * except for the every-minute case, whose windows do cross them (see {@link CronAgreement}).
 */
public enum CronCase {

    /** Every quarter hour from 09:00 to 17:45, Monday to Friday: the required case. */
    WEEKDAY_QUARTER_HOURS("0 */15 9-17 * * MON-FRI", "0 */15 9-17 * * MON-FRI", "0 */15 9-17 ? * MON-FRI"),

    /** Noon on the last day of every month: a Quartz extension ({@code L}). */
    LAST_DAY_NOON("0 0 12 L * ?", "0 0 12 L * ?", "0 0 12 L * ?"),

    /** Every minute, on the minute. */
    EVERY_MINUTE("0 * * * * *", "0 * * * * *", "0 * * * * ?");

    private final String ours;
    private final String spring;
    private final String quartz;

    CronCase(String ours, String spring, String quartz) {
        this.ours = ours;
        this.spring = spring;
        this.quartz = quartz;
    }

    /** For {@code Recurrence.cron}. */
    public String ours() {
        return ours;
    }

    /** For Spring's {@code CronExpression.parse}. */
    public String spring() {
        return spring;
    }

    /** For Quartz's {@code CronExpression} and cron-utils' QUARTZ definition. */
    public String quartz() {
        return quartz;
    }
}
