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
import com.grepsr.scheduler.domain.task.TaskId;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Moves many tasks from one status to another for an admin, a page at a time so a large call
 * neither holds one huge transaction nor loses all work to one late failure.
 *
 * <p>A move to a final status ends each task through {@link TaskStopper}, exactly as StopTask
 * does: an operator who marks silent RUNNING tasks FAILED means "this work is over", and a
 * crawler left running would go on writing results nobody follows. The alternative, refusing
 * such moves, would leave the operator no way to clear stuck tasks in bulk. Each task is ended
 * on its own (the crawler is stopped outside any transaction); the one move that stays active
 * (LAUNCHING → RUNNING) touches no crawler and is written a page per transaction.
 */
public final class UpdateAllTaskHistoryByStatusService implements UpdateAllTaskHistoryByStatusUseCase {

    /** Tasks read (and, for moves that stay active, written) per transaction. */
    static final int CHUNK = 200;

    private final TaskStorePort tasks;
    private final TaskTransitions transitions;
    private final TaskStopper stopper;
    private final TransactionPort transactions;

    public UpdateAllTaskHistoryByStatusService(TaskStorePort tasks, TaskTransitions transitions, TaskStopper stopper,
                                     TransactionPort transactions) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.transitions = Objects.requireNonNull(transitions, "transitions");
        this.stopper = Objects.requireNonNull(stopper, "stopper");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public Result execute(Caller caller, Command c) {
        caller.requireAdmin("moving all tasks of a status");
        TaskFilter filter = new TaskFilter(c.account(), c.report(), c.schedule(), Optional.empty(),
                Set.of(c.fromStatus()), Set.of(), Optional.empty(), Optional.empty(), c.updatedBefore());
        Move move = new Move(c, c.message().isEmpty() ? null : c.message(),
                Map.of("bulk", "true", "actor", caller.name()));
        // Keyset paging: tasks already moved drop out of the filter, but the token's position
        // is a sort key, so no remaining task is skipped or visited twice.
        String token = "";
        do {
            PageRequest page = new PageRequest(Math.min(CHUNK, c.limit() - move.moved), token);
            Page<Task> found;
            if (c.toStatus().isFinal()) {
                found = tasks.list(filter, page);
                found.items().forEach(move::end);
            } else {
                found = transactions.inTransaction(() -> {
                    Page<Task> listed = tasks.list(filter, page);
                    listed.items().forEach(move::record);
                    return listed;
                });
            }
            token = found.nextPageToken();
        } while (!token.isEmpty() && move.moved < c.limit());
        return new Result(move.moved, move.skipped, !token.isEmpty());
    }

    /** One call's moves and its counts. */
    private final class Move {
        private final Command c;
        private final String message;
        private final Map<String, String> metadata;
        /** Tasks this call ended, children a parent took along included: they may still be on a page read before. */
        private final Set<TaskId> ended = new HashSet<>();
        int moved;
        int skipped;

        Move(Command c, String message, Map<String, String> metadata) {
            this.c = c;
            this.message = message;
            this.metadata = metadata;
        }

        void end(Task seen) {
            if (ended.contains(seen.id())) {
                return;
            }
            Task now = tasks.find(seen.id()).orElse(null);
            if (now == null || now.status() != seen.status()) {
                // It moved on by itself (e.g. its crawler finished) since the list: the decision was made on stale facts.
                skipped++;
                return;
            }
            try {
                List<TaskId> done = stopper.end(now, c.toStatus(), message, Source.USER, metadata);
                ended.addAll(done);
                moved += done.size();
            } catch (IllegalTransitionException finishedMeanwhile) {
                skipped++;
            }
        }

        void record(Task seen) {
            try {
                transitions.recordFrom(seen, c.toStatus(), null, message, metadata, Source.USER);
                moved++;
            } catch (VersionConflictException | IllegalTransitionException changedMeanwhile) {
                // It moved on by itself (e.g. its crawler finished) between the list and the write.
                skipped++;
            }
        }
    }
}
