package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.model.TaskStats;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.domain.error.AlreadyExistsException;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.error.VersionConflictException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Tasks in a map. */
public final class InMemoryTaskStore implements TaskStorePort {

    private static final Comparator<Task> NEWEST_FIRST =
            Comparator.comparing(Task::createdAt).thenComparing(Task::id).reversed();

    private final Map<TaskId, Task> tasks = new ConcurrentHashMap<>();
    private final InMemoryTransactions tx;

    public InMemoryTaskStore(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void insert(Task task) {
        tx.locked(() -> {
            if (tasks.containsKey(task.id())) {
                throw new AlreadyExistsException("task", task.id().value());
            }
            tx.write(() -> tasks.put(task.id(), task), () -> tasks.remove(task.id()));
            return null;
        });
    }

    @Override
    public void update(Task updated, long expectedVersion) {
        tx.locked(() -> {
            Task current = tasks.get(updated.id());
            if (current == null) {
                throw new NotFoundException("task", updated.id().value());
            }
            if (current.version() != expectedVersion) {
                throw new VersionConflictException("task", updated.id().value(), expectedVersion, current.version());
            }
            tx.write(() -> tasks.put(updated.id(), updated), () -> tasks.put(current.id(), current));
            return null;
        });
    }

    @Override
    public Optional<Task> find(TaskId id) {
        return tx.locked(() -> Optional.ofNullable(tasks.get(id)));
    }

    @Override
    public List<Task> findAll(Collection<TaskId> ids) {
        return tx.locked(() -> ids.stream().distinct().map(tasks::get).filter(Objects::nonNull).toList());
    }

    @Override
    public Optional<Task> findByLaunchName(String launchName) {
        return tx.locked(() -> tasks.values().stream()
                .filter(t -> t.launchName().map(launchName::equals).orElse(false)).findFirst());
    }

    @Override
    public Page<Task> list(TaskFilter filter, PageRequest page) {
        return tx.locked(() -> KeysetPages.page(tasks.values().stream().filter(t -> matches(filter, t)), NEWEST_FIRST,
                t -> new String[] {t.createdAt().toString(), t.id().value()}, 2,
                key -> {
                    Instant at = KeysetPages.keyPart(() -> Instant.parse(key.get(0)));
                    TaskId id = KeysetPages.keyPart(() -> TaskId.of(key.get(1)));
                    return t -> {
                        int c = t.createdAt().compareTo(at);
                        return c < 0 || (c == 0 && t.id().compareTo(id) < 0);
                    };
                }, page));
    }

    @Override
    public TaskStats stats(TaskFilter filter) {
        return tx.locked(() -> computeStats(filter));
    }

    private TaskStats computeStats(TaskFilter filter) {
        Map<TaskStatus, Long> counts = new EnumMap<>(TaskStatus.class);
        long succeeded = 0;
        long finished = 0;
        Duration durations = Duration.ZERO;
        long timed = 0;
        Duration max = Duration.ZERO;
        for (Task t : tasks.values()) {
            if (!matches(filter, t)) {
                continue;
            }
            counts.merge(t.status(), 1L, Long::sum);
            if (t.status().isFinal()) {
                finished++;
                succeeded += t.status() == TaskStatus.SUCCEEDED ? 1 : 0;
                Optional<Duration> d = t.startedAt().isPresent() ? t.duration(t.finishedAt().orElseThrow())
                        : Optional.empty();
                if (d.isPresent()) {
                    durations = durations.plus(d.get());
                    timed++;
                    max = d.get().compareTo(max) > 0 ? d.get() : max;
                }
            }
        }
        // exact to the nanosecond: stores that keep microseconds must agree with this
        Duration avg = timed == 0 ? Duration.ZERO : durations.dividedBy(timed);
        return new TaskStats(counts, succeeded, finished, avg, max);
    }

    static boolean matches(TaskFilter f, Task t) {
        return f.account().map(a -> a.equals(t.report().accountId())).orElse(true)
                && f.report().map(r -> r.equals(t.report().reportId())).orElse(true)
                && f.schedule().map(s -> t.scheduleId().map(s::equals).orElse(false)).orElse(true)
                && f.parent().map(p -> t.parentId().map(p::equals).orElse(false)).orElse(true)
                && (f.statuses().isEmpty() || f.statuses().contains(t.status()))
                && (f.kinds().isEmpty() || f.kinds().contains(t.kind()))
                && f.finishedFrom().map(from -> t.finishedAt().map(e -> !e.isBefore(from)).orElse(false)).orElse(true)
                && f.finishedTo().map(to -> t.finishedAt().map(e -> !e.isAfter(to)).orElse(false)).orElse(true)
                && f.updatedBefore().map(b -> t.updatedAt().isBefore(b)).orElse(true)
                && f.createdFrom().map(from -> !t.createdAt().isBefore(from)).orElse(true)
                && f.createdTo().map(to -> !t.createdAt().isAfter(to)).orElse(true);
    }

    @Override
    public List<TaskId> finishedRootsBefore(Instant cutoff, int limit) {
        return tx.locked(() -> tasks.values().stream()
                .filter(t -> t.parentId().isEmpty() && t.status().isFinal()
                        && t.finishedAt().filter(f -> f.isBefore(cutoff)).isPresent()
                        && childrenOf(t.id()).stream().allMatch(c -> c.status().isFinal()))
                .sorted(Comparator.comparing((Task t) -> t.finishedAt().get()).thenComparing(t -> t.id().value()))
                .limit(Math.max(0, limit)).map(Task::id).toList());
    }

    @Override
    public List<TaskId> deleteWithChildren(Collection<TaskId> roots) {
        return tx.locked(() -> {
            List<Task> doomed = new ArrayList<>();
            for (TaskId root : roots) {
                Task t = tasks.get(root);
                if (t != null) {
                    doomed.add(t);
                    doomed.addAll(childrenOf(root));
                }
            }
            doomed.forEach(t -> tx.write(() -> tasks.remove(t.id()), () -> tasks.put(t.id(), t)));
            return doomed.stream().map(Task::id).toList();
        });
    }

    private List<Task> childrenOf(TaskId parent) {
        return tasks.values().stream().filter(c -> c.parentId().filter(parent::equals).isPresent()).toList();
    }
}
