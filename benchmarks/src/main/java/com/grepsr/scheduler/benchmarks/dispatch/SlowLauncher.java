package com.grepsr.scheduler.benchmarks.dispatch;

import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.domain.task.Task;

import java.time.Duration;

/**
 * A launcher whose launch call takes a fixed time before it answers, as a Kubernetes API call
 * creating a Job does (the thread waits, the CPU does not work), then launches through the
 * simulated launcher it wraps.
 */
final class SlowLauncher extends ForwardingLauncher {

    private final Duration callTime;

    SlowLauncher(CrawlerLauncherPort delegate, Duration callTime) {
        super(delegate);
        this.callTime = callTime;
    }

    @Override
    public String launch(Task task, CrawlerSpec crawler) {
        try {
            Thread.sleep(callTime.toMillis(), callTime.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while launching " + task.id(), e);
        }
        return delegate.launch(task, crawler);
    }
}
