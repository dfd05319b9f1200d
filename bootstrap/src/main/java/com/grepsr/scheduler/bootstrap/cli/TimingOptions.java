package com.grepsr.scheduler.bootstrap.cli;

import com.grepsr.scheduler.adapters.grpc.v1.OneTime;
import com.grepsr.scheduler.adapters.grpc.v1.Timing;
import com.grepsr.scheduler.application.time.DurationText;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.util.List;

/**
 * When a schedule fires, as command-line options: exactly one of {@code --cron}, {@code --rrule},
 * {@code --every} or {@code --at}, a zone, and optional bounds. The server validates the rest,
 * so the CLI and the API can never disagree on what a valid timing is.
 */
public final class TimingOptions {

    /** The recurrence: exactly one. */
    static final class Recurrence {
        @Option(names = "--cron", paramLabel = "EXPR",
                description = "cron: 5 fields, 6 with seconds, 7 with years, macros (@daily), Quartz ? L W #")
        String cron;

        @Option(names = "--rrule", paramLabel = "RULE",
                description = "RFC 5545 RRULE without DTSTART, e.g. FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH (needs --start)")
        String rrule;

        @Option(names = "--every", paramLabel = "DURATION",
                description = "fixed interval, e.g. 90s, 15m, 2h (from --start)")
        String every;

        @Option(names = "--at", paramLabel = "LOCAL_DATE_TIME", description = "once, e.g. 2026-12-01T09:00")
        String at;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Recurrence recurrence;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "IANA zone the times are read in (default ${DEFAULT-VALUE})")
    String zone;

    @Option(names = "--start", paramLabel = "LOCAL_DATE_TIME",
            description = "first possible run, e.g. 2026-12-01T09:00 (required with --rrule and --every)")
    String start;

    @Option(names = "--end", paramLabel = "LOCAL_DATE_TIME", description = "last possible run")
    String end;

    @Option(names = "--max-runs", paramLabel = "N", description = "at most N runs")
    Integer maxRuns;

    @Option(names = "--exclude", paramLabel = "DATE", split = ",", description = "local dates that never fire")
    List<String> excluded = List.of();

    Timing toProto() {
        Timing.Builder t = Timing.newBuilder().setZone(zone);
        if (recurrence.cron != null) {
            t.setCron(recurrence.cron);
        } else if (recurrence.rrule != null) {
            t.setRrule(recurrence.rrule);
        } else if (recurrence.every != null) {
            java.time.Duration d = DurationText.parse(recurrence.every);
            t.setFixedInterval(com.google.protobuf.Duration.newBuilder().setSeconds(d.getSeconds())
                    .setNanos(d.getNano()));
        } else {
            t.setOneTime(OneTime.newBuilder().setAt(recurrence.at));
        }
        if (start != null) {
            t.setStart(start);
        }
        if (end != null) {
            t.setEnd(end);
        }
        if (maxRuns != null) {
            t.setMaxRuns(maxRuns);
        }
        return t.addAllExcludedDates(excluded).build();
    }
}
