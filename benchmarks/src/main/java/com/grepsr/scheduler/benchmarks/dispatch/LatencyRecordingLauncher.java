package com.grepsr.scheduler.benchmarks.dispatch;

import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.task.Task;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * Wraps a launcher and records, for each launch of a scheduled task, the time from its run's fire
 * instant to the launch call, in microseconds.
 */
final class LatencyRecordingLauncher extends ForwardingLauncher {

    private final Function<ScheduledRunId, Instant> fireAtOf;
    private final Clock clock;
    private final Histogram micros = new ConcurrentHistogram(Duration.ofMinutes(10).toNanos() / 1000, 3);

    LatencyRecordingLauncher(CrawlerLauncherPort delegate, Function<ScheduledRunId, Instant> fireAtOf, Clock clock) {
        super(delegate);
        this.fireAtOf = fireAtOf;
        this.clock = clock;
    }

    @Override
    public String launch(Task task, CrawlerSpec crawler) {
        Instant called = clock.instant();
        task.scheduledRunId().map(fireAtOf).ifPresent(fireAt ->
                micros.recordValue(Math.max(0, Duration.between(fireAt, called).toNanos() / 1000)));
        return delegate.launch(task, crawler);
    }

    Histogram micros() {
        return micros;
    }
}
