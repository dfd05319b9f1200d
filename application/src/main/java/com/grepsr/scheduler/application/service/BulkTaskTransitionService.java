package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.port.in.UpdateAllTaskHistoryByStatusUseCase;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.application.port.out.TransactionPort;
import com.grepsr.scheduler.domain.error.IllegalTransitionException;
import com.grepsr.scheduler.domain.error.VersionConflictException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry.Source;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Moves many tasks from one status to another for an admin, a chunk per transaction so a large
 * call neither holds one huge transaction nor loses all work to one late failure.
 */
public final class BulkTaskTransitionService implements UpdateAllTaskHistoryByStatusUseCase {

    /** Tasks read and moved per transaction. */
    static final int CHUNK = 200;

    private final TaskStorePort tasks;
    private final TaskStatusRecorder recorder;
    private final TransactionPort transactions;

    public BulkTaskTransitionService(TaskStorePort tasks, TaskStatusRecorder recorder, TransactionPort transactions) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public Result execute(Caller caller, Command c) {
        caller.requireAdmin("moving all tasks of a status");
        TaskFilter filter = new TaskFilter(c.account(), c.report(), c.schedule(), Optional.empty(),
                Set.of(c.fromStatus()), Set.of(), Optional.empty(), Optional.empty(), c.updatedBefore());
        Map<String, String> metadata = Map.of("bulk", "true", "actor", caller.name());
        String message = c.message().isEmpty() ? null : c.message();
        int moved = 0;
        int skipped = 0;
        // Keyset paging: tasks already moved drop out of the filter, but the token's position
        // is a sort key, so no remaining task is skipped or visited twice.
        String token = "";
        do {
            PageRequest page = new PageRequest(Math.min(CHUNK, c.limit() - moved), token);
            Chunk chunk = transactions.inTransaction(() -> moveChunk(filter, page, c, message, metadata));
            moved += chunk.moved();
            skipped += chunk.skipped();
            token = chunk.next().nextPageToken();
        } while (!token.isEmpty() && moved < c.limit());
        return new Result(moved, skipped, !token.isEmpty());
    }

    private record Chunk(Page<Task> next, int moved, int skipped) {
    }

    private Chunk moveChunk(TaskFilter filter, PageRequest page, Command c, String message,
                            Map<String, String> metadata) {
        Page<Task> found = tasks.list(filter, page);
        int moved = 0;
        int skipped = 0;
        for (Task t : found.items()) {
            try {
                recorder.recordFrom(t, c.toStatus(), null, message, metadata, Source.USER);
                moved++;
            } catch (VersionConflictException | IllegalTransitionException changedMeanwhile) {
                // It moved on by itself (e.g. its crawler finished) between the list and the write.
                skipped++;
            }
        }
        return new Chunk(found, moved, skipped);
    }
}
