package com.grepsr.scheduler.adapters.web;

import com.grepsr.scheduler.adapters.web.view.Chrome;
import com.grepsr.scheduler.adapters.web.view.Pages;
import com.grepsr.scheduler.adapters.web.view.Rows;
import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.TaskStats;
import com.grepsr.scheduler.application.model.TimeWindow;
import com.grepsr.scheduler.application.port.in.GetAllMissedRunsUseCase;
import com.grepsr.scheduler.application.port.in.GetStatsUseCase;
import com.grepsr.scheduler.domain.run.MissCause;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Counts by task status, success rate and durations (GetStats over the last 24 hours), dispatch
 * in the last hour (the service's own meters), and the last 24 hours' misses by cause — counted
 * over at most {@value #MISS_SAMPLE} of them, one page, so the page stays fast on any history.
 */
final class OverviewPage {

    static final Duration WINDOW = Duration.ofHours(24);
    static final int MISS_SAMPLE = PageRequest.MAX_SIZE;

    private final GetStatsUseCase stats;
    private final GetAllMissedRunsUseCase missed;
    private final DispatchMeters meters;

    OverviewPage(GetStatsUseCase stats, GetAllMissedRunsUseCase missed, DispatchMeters meters) {
        this.stats = stats;
        this.missed = missed;
        this.meters = meters;
    }

    Pages.Overview render(Chrome chrome, Caller caller, Instant now) {
        Instant from = now.minus(WINDOW);
        TaskStats s = stats.execute(caller, GetStatsUseCase.Query.of(Optional.empty(), GetStatsUseCase.Basis.CREATED,
                TimeWindow.of(from, now))).stats();
        List<Rows.Count> statuses = new ArrayList<>();
        for (TaskStatus status : TaskStatus.values()) {
            statuses.add(new Rows.Count(status.name(), s.countsByStatus().getOrDefault(status, 0L)));
        }
        // listing every schedule's misses is an admin's call (as over gRPC); an account sees them per report
        var misses = caller.isAdmin() ? missed.execute(caller, new GetAllMissedRunsUseCase.Query(Optional.empty(),
                true, Optional.of(from), Optional.of(now), PageRequest.first(MISS_SAMPLE))).page()
                : Page.<ScheduledRun>last(List.of());
        Map<MissCause, Long> byCause = new EnumMap<>(MissCause.class);
        for (ScheduledRun r : misses.items()) {
            if (r.missCause() != null) {
                byCause.merge(r.missCause(), 1L, Long::sum);
            }
        }
        List<Rows.Count> causes = new ArrayList<>();
        for (MissCause c : MissCause.values()) {
            causes.add(new Rows.Count(c.name(), byCause.getOrDefault(c, 0L)));
        }
        List<DispatchMeters.Minute> minutes = meters.lastHour();
        List<Rows.Minute> minuteRows = new ArrayList<>();
        long launched = 0;
        for (DispatchMeters.Minute m : minutes) {
            launched += m.launched();
            minuteRows.add(new Rows.Minute(Formats.utc(m.start()).substring(11), m.launched(),
                    Formats.duration(m.meanLag()), Formats.duration(m.maxLag())));
        }
        return new Pages.Overview(chrome, "last 24 hours", statuses, s.total(),
                s.finished() == 0 ? "no finished tasks" : String.format(Locale.ROOT, "%.1f %%", 100 * s.successRate()),
                Formats.duration(s.averageDuration()), Formats.duration(s.maxDuration()), causes,
                !caller.isAdmin() ? "(admins only: see the Missed runs page by report)"
                        : misses.hasNext() ? "(the latest " + MISS_SAMPLE + ")" : "", minuteRows, launched, chartData(minutes));
    }

    /** "epochSeconds,launched,meanLagSeconds;…": read by charts.js; the table beside it holds the same. */
    private static String chartData(List<DispatchMeters.Minute> minutes) {
        StringJoiner j = new StringJoiner(";");
        for (DispatchMeters.Minute m : minutes) {
            j.add(m.start().getEpochSecond() + "," + m.launched() + ","
                    + String.format(Locale.ROOT, "%.3f", m.meanLag().toMillis() / 1000.0));
        }
        return j.toString();
    }
}
