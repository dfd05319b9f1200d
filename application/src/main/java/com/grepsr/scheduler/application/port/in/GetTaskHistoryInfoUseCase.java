package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;

/** GetTaskHistoryInfo: one history entry, by the sequence number it was given when written. */
public interface GetTaskHistoryInfoUseCase {

    record Query(long sequence) {
        public Query {
            if (sequence < 1) {
                throw ValidationException.of("sequence", "must be a positive history sequence number, was " + sequence);
            }
        }
    }

    record Result(TaskHistoryEntry entry) {
    }

    /**
     * @throws com.grepsr.scheduler.domain.error.NotFoundException for an unknown sequence
     * @throws com.grepsr.scheduler.domain.error.AccessDeniedException for another account's entry
     */
    Result execute(Caller caller, Query query);
}
