package com.grepsr.scheduler.benchmarks.recurrence;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import com.grepsr.scheduler.domain.recurrence.Recurrence;
import org.springframework.scheduling.support.CronExpression;

import java.text.ParseException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

/**
 * Builds each library's cron object for a {@link CronCase} in {@link Starts#ZONE}, and lists a
 * window the only way the peers can: by calling their "next" repeatedly. The benchmarks and
 * {@link CronAgreement} share these so the check covers exactly the calls that are measured.
 */
final class CronEngines {

    private static final CronParser CRON_UTILS_QUARTZ =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private CronEngines() {
    }

    static Recurrence ours(CronCase cron) {
        return Recurrence.cron(cron.ours(), Starts.ZONE);
    }

    /** Spring's expression carries no zone: it follows the zone of the ZonedDateTime it is given. */
    static CronExpression spring(CronCase cron) {
        return CronExpression.parse(cron.spring());
    }

    static org.quartz.CronExpression quartz(CronCase cron) {
        try {
            org.quartz.CronExpression expression = new org.quartz.CronExpression(cron.quartz());
            expression.setTimeZone(TimeZone.getTimeZone(Starts.ZONE));
            return expression;
        } catch (ParseException e) {
            throw new IllegalArgumentException("Quartz rejects " + cron.quartz() + ": " + e.getMessage(), e);
        }
    }

    /** Like Spring's, cron-utils' execution time follows the zone of the ZonedDateTime it is given. */
    static ExecutionTime cronUtils(CronCase cron) {
        return ExecutionTime.forCron(CRON_UTILS_QUARTZ.parse(cron.quartz()));
    }

    // ---- windows (from, to] by repeated next ------------------------------------------------

    static List<ZonedDateTime> springWindow(CronExpression cron, ZonedDateTime from, ZonedDateTime to) {
        List<ZonedDateTime> out = new ArrayList<>();
        for (ZonedDateTime t = cron.next(from); t != null && !t.isAfter(to); t = cron.next(t)) {
            out.add(t);
        }
        return out;
    }

    static List<Date> quartzWindow(org.quartz.CronExpression cron, Date from, Date to) {
        List<Date> out = new ArrayList<>();
        for (Date t = cron.getNextValidTimeAfter(from); t != null && !t.after(to); t = cron.getNextValidTimeAfter(t)) {
            out.add(t);
        }
        return out;
    }

    static List<ZonedDateTime> cronUtilsWindow(ExecutionTime cron, ZonedDateTime from, ZonedDateTime to) {
        List<ZonedDateTime> out = new ArrayList<>();
        for (Optional<ZonedDateTime> t = cron.nextExecution(from);
                t.isPresent() && !t.get().isAfter(to);
                t = cron.nextExecution(t.get())) {
            out.add(t.get());
        }
        return out;
    }
}
