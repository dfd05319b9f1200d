package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Reads every task matching a filter, walking the store's keyset pages. */
final class TaskPages {

    /** Queued or launched: what can still be stopped or counts against parallelism. */
    static final Set<TaskStatus> ACTIVE = EnumSet.of(TaskStatus.QUEUED, TaskStatus.LAUNCHING, TaskStatus.RUNNING);

    private TaskPages() {
    }

    static List<Task> all(TaskStorePort tasks, TaskFilter filter) {
        List<Task> all = new ArrayList<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_SIZE);
        while (true) {
            Page<Task> p = tasks.list(filter, page);
            all.addAll(p.items());
            if (!p.hasNext()) {
                return all;
            }
            page = new PageRequest(PageRequest.MAX_SIZE, p.nextPageToken());
        }
    }
}
