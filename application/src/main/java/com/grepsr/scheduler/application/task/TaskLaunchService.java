package com.grepsr.scheduler.application.task;

import com.grepsr.scheduler.application.run.BatchRunFiring;
import com.grepsr.scheduler.application.common.Messages;
import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort;
import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort.LaunchRefusedException;
import com.grepsr.scheduler.application.port.out.TaskHistoryStorePort;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.application.port.out.TransactionPort;
import com.grepsr.scheduler.domain.common.ServiceCode;
import com.grepsr.scheduler.domain.error.DomainException;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry.Source;
import com.grepsr.scheduler.domain.task.TaskKind;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the crawler of a task, in the order that survives a crash at any point: the task row is
 * committed QUEUED first, then the launcher is called outside any transaction (a launch is an
 * external side effect and may be slow), then LAUNCHING is committed with the launch's name.
 *
 * <p>A crash after the first step leaves a QUEUED task; a crash after the second leaves a QUEUED
 * task whose crawler already runs. Both are healed by calling {@link #launchQueued} again (the
 * reconciler does, for QUEUED tasks older than a grace period): launches are idempotent per task
 * id, so the second call finds the first launch instead of starting another crawler.
 */
public final class TaskLaunchService {

    private static final System.Logger LOG = System.getLogger(TaskLaunchService.class.getName());

    private final TaskTransitions transitions;
    private final CrawlerCatalogPort catalog;
    private final CrawlerLauncherPort launcher;
    private final Clock clock;

    public TaskLaunchService(TaskStorePort tasks, TaskHistoryStorePort history, CrawlerCatalogPort catalog,
                             CrawlerLauncherPort launcher, TransactionPort tx, Clock clock) {
        this.transitions = new TaskTransitions(tasks, history, tx, clock);
        this.catalog = catalog;
        this.launcher = launcher;
        this.clock = clock;
    }

    /**
     * The crawler for a service code. Use cases a user calls check this before writing anything,
     * so an unknown code is a clear INVALID_ARGUMENT rather than a task that fails at once.
     */
    public CrawlerSpec requireCrawler(ServiceCode serviceCode) {
        return catalog.find(serviceCode).orElseThrow(() -> ValidationException.of("report.service_code",
                "no crawler is configured for service code '" + serviceCode + "'"));
    }

    /** Stores new QUEUED tasks with their first history rows, in one transaction; launches nothing. */
    public void enqueue(List<Task> queued, Map<String, String> metadata) {
        transitions.insert(queued, Source.SCHEDULER, metadata);
    }

    /** {@link #enqueue} one task, then {@link #launchOrDefer} it: the path of a new run. */
    public Task submit(Task queued, Map<String, String> metadata) {
        enqueue(List.of(queued), metadata);
        return launchOrDefer(queued);
    }

    /**
     * {@link #launchQueued}, except that a launcher that is unavailable (any failure other than a
     * refusal) leaves the task QUEUED for the reconciler to launch later, instead of failing the
     * caller: the task exists and will run, which is what the caller asked for.
     */
    public Task launchOrDefer(Task task) {
        try {
            return launchQueued(task);
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "launch of task " + task.id() + " deferred; it stays QUEUED", e);
            return transitions.find(task.id()).orElse(task);
        }
    }

    /**
     * Launches a committed QUEUED task and records LAUNCHING; a task found in any other status is
     * returned as it is (launched, stopped or failed meanwhile), so repeating the call is safe. An
     * unknown service code or a refused launch makes the task FAILED with the reason.
     *
     * <p>Not for multi-process children: they wait for a slot under their parent's parallelism,
     * and {@code MultiProcessCoordinator} launches them. Not for parents, which run no crawler.
     *
     * @throws RuntimeException what the launcher throws when it is unavailable; the task stays QUEUED
     */
    public Task launchQueued(Task task) {
        Task current = transitions.find(task.id()).orElseThrow(() -> new NotFoundException("task", task.id().value()));
        if (current.status() != TaskStatus.QUEUED) {
            return current;
        }
        if (current.kind() == TaskKind.PARENT) {
            throw new IllegalArgumentException("task " + current.id() + " is a multi-process parent; it runs no crawler");
        }
        Attempt attempt = attempt(current);
        return attempt.failure() != null ? fail(current, attempt.failure(), attempt.failedBy())
                : recordLaunch(current, attempt.name());
    }

    /**
     * What one call to the launcher for a QUEUED task gave: the launch's name, or why the task
     * fails (an unknown service code, a refused launch), and from whom.
     */
    public record Attempt(String name, String failure, Source failedBy) {
    }

    /**
     * Launches {@code task} (its crawler looked up by service code) and records nothing: the
     * caller records the outcome, alone ({@link #launchQueued}) or for a batch ({@link BatchRunFiring}).
     *
     * @throws RuntimeException what the launcher throws when it is unavailable
     */
    public Attempt attempt(Task task) {
        Optional<CrawlerSpec> crawler = catalog.find(task.report().serviceCode());
        if (crawler.isEmpty()) {
            return new Attempt(null, "no crawler is configured for service code '" + task.report().serviceCode() + "'",
                    Source.SCHEDULER);
        }
        try {
            return new Attempt(launcher.launch(task, crawler.get()), null, null);
        } catch (LaunchRefusedException e) {
            return new Attempt(null, Messages.clip("launch refused: " + e.getMessage()), Source.LAUNCHER);
        }
    }

    /** Records LAUNCHING after a launch was made; a task that ended meanwhile gets its launch stopped. */
    private Task recordLaunch(Task task, String name) {
        Task after = transitions.change(task.id(),
                t -> t.status() == TaskStatus.QUEUED ? Optional.of(t.launching(name, clock.instant())) : Optional.empty(),
                Source.LAUNCHER, Map.of("launch_name", name));
        if (after.status().isFinal()) {
            // stopped (or failed) while we launched: do not leave its crawler running
            launcher.stop(name);
        }
        return after;
    }

    private Task fail(Task task, String reason, Source source) {
        String message = Messages.clip(reason);
        return transitions.change(task.id(), t -> t.status() == TaskStatus.QUEUED
                ? Optional.of(t.moveTo(TaskStatus.FAILED, null, message, clock.instant())) : Optional.empty(),
                source, Map.of());
    }
}
