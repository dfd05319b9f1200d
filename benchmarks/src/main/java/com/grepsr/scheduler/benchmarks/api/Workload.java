package com.grepsr.scheduler.benchmarks.api;

import com.grepsr.scheduler.adapters.grpc.v1.GetActiveTasksV2Request;
import com.grepsr.scheduler.adapters.grpc.v1.GetActiveTasksV2Response;
import com.grepsr.scheduler.adapters.grpc.v1.GetTaskStatusRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetTaskStatusResponse;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleResponse;
import com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.SchedulerServiceBlockingStub;
import com.grepsr.scheduler.adapters.grpc.v1.Task;
import com.grepsr.scheduler.adapters.grpc.v1.TaskStatus;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One gRPC method under load: how a client thread makes its next request and checks the answer.
 * A check that fails counts as an error, like a failed call: a fast wrong answer is no throughput.
 */
interface Workload {

    /** The method's name in tables, and its key in api.json ({@code api_<key>_rps}). */
    String name();

    String key();

    /** One client thread's caller; {@code random} is the thread's own. */
    Call newCall(SplittableRandom random);

    /** Makes one call; returns null when the answer is right, else what was wrong. */
    interface Call {
        String call(SchedulerServiceBlockingStub stub);
    }

    Set<TaskStatus> ACTIVE = EnumSet.of(TaskStatus.TASK_STATUS_QUEUED, TaskStatus.TASK_STATUS_LAUNCHING,
            TaskStatus.TASK_STATUS_RUNNING);

    /** Schedule: creates a schedule of a random report; the answer must carry its id and next runs. */
    static Workload schedule(ScheduleRequests requests) {
        return new Named("Schedule (create)", "schedule", random -> stub -> {
            ScheduleResponse r = stub.schedule(requests.next(random));
            return r.getSchedule().getScheduleId().isEmpty() || r.getNextFireTimesCount() == 0
                    ? "schedule without id or next runs" : null;
        });
    }

    /** GetTaskStatus of a random seeded task (active or finished); the answer must be that task's. */
    static Workload taskStatus(List<String> taskIds) {
        return new Named("GetTaskStatus", "get_task_status", random -> stub -> {
            String id = taskIds.get(random.nextInt(taskIds.size()));
            GetTaskStatusResponse r = stub.getTaskStatus(GetTaskStatusRequest.newBuilder().setTaskId(id).build());
            return id.equals(r.getStatus().getTaskId()) ? null : "status of another task";
        });
    }

    /**
     * GetActiveTasksV2, pages of 50: each client walks one account's active tasks page by page
     * (as a dashboard scrolls), then starts over with another account; {@code account} false: an
     * admin walks every account's active tasks. Every task on a page must be active, of the
     * account asked, and the page at most 50 long.
     */
    static Workload activeTasks(Fleet fleet, boolean byAccount) {
        return new Named(byAccount ? "GetActiveTasksV2 (one account, page of 50)"
                : "GetActiveTasksV2 (all accounts, admin, page of 50)",
                byAccount ? "get_active_tasks_v2" : "get_active_tasks_v2_all", random -> new Call() {
            private String account = "";
            private String token = "";

            @Override
            public String call(SchedulerServiceBlockingStub stub) {
                if (token.isEmpty() && byAccount) {
                    account = fleet.randomAccount(random);
                }
                GetActiveTasksV2Response r = stub.getActiveTasksV2(GetActiveTasksV2Request.newBuilder()
                        .setAccountId(account).setPageSize(50).setPageToken(token).build());
                token = r.getNextPageToken();
                if (r.getTasksCount() > 50) {
                    return "page longer than 50";
                }
                for (Task t : r.getTasksList()) {
                    if (!ACTIVE.contains(t.getStatus()) || byAccount && !account.equals(t.getReport().getAccountId())) {
                        return "finished or foreign task on the page";
                    }
                }
                return null;
            }
        });
    }

    /** A workload from its name, key and call factory. */
    record Named(String name, String key, java.util.function.Function<SplittableRandom, Call> calls)
            implements Workload {
        @Override
        public Call newCall(SplittableRandom random) {
            return calls.apply(random);
        }
    }
}
