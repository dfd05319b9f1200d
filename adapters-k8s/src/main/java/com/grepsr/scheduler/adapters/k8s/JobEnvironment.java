package com.grepsr.scheduler.adapters.k8s;

import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskKind;
import com.grepsr.scheduler.domain.task.TaskOrigin;
import io.fabric8.kubernetes.api.model.EnvVar;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The environment a crawler container starts with. Everything a user sent (parameters, the work
 * item) reaches the crawler as an environment value or a file, never spliced into the command
 * line, so no value can inject arguments or shell syntax.
 *
 * <p>Variables: TASK_ID, TASK_KIND, JOB_NAME, REPORT_ID, PROJECT_ID, ACCOUNT_ID, SERVICE_CODE,
 * SCHEDULE_ID and SCHEDULED_RUN_ID (when the task has them), TEST_RUN ({@code true}/{@code false}),
 * TEST_ROW_LIMIT (test runs), PARENT_TASK_ID and PROCESSOR_INDEX (multi-process children),
 * WORK_ITEM (a child's payload) or WORK_ITEM_FILE (its path, when the payload is larger than the
 * configured limit), SCHEDULER_ADDRESS (for UpdateTaskHistory / UpdateMetaByJob), TASK_TOKEN
 * (the bearer token to report there with, when a crawler token secret is configured), and
 * PARAM_&lt;KEY&gt; per crawler parameter (key upper-cased, other characters as {@code _}).
 *
 * <p>TASK_TOKEN is a plain value in the Job spec, not a reference to a Secret: whoever may read
 * Jobs (or Pods) in the namespace can read it, and with it report on that one task until it ends —
 * nothing else. A Secret per Job would add a create and a delete per launch (and their crash
 * windows) and an RBAC grant on Secrets to the scheduler, which is worth more to an attacker than
 * any single task's token.
 * The catalog's fixed env comes first; the scheduler's variables win over it.
 */
final class JobEnvironment {

    /** Where a large work item is mounted (a downward-API file from a pod annotation). */
    static final String WORK_ITEM_DIR = "/var/run/phoenix";
    static final String WORK_ITEM_FILE = "work-item";

    /** The variables, and whether the work item travels as a file. */
    record Result(List<EnvVar> env, boolean workItemAsFile) {
    }

    private JobEnvironment() {
    }

    /**
     * @throws IllegalArgumentException when two parameter keys map to one variable name
     */
    static Result of(Task task, String jobName, Map<String, String> catalogEnv, String schedulerAddress,
                     Optional<String> taskToken, int workItemEnvLimitBytes) {
        TaskOrigin origin = task.origin();
        Map<String, String> vars = new LinkedHashMap<>(new TreeMap<>(catalogEnv));
        put(vars, "TASK_ID", task.id().value());
        put(vars, "TASK_KIND", origin.kind().name());
        put(vars, "JOB_NAME", jobName);
        put(vars, "REPORT_ID", origin.report().reportId().value());
        put(vars, "PROJECT_ID", origin.report().projectId().value());
        put(vars, "ACCOUNT_ID", origin.report().accountId().value());
        put(vars, "SERVICE_CODE", origin.report().serviceCode().value());
        task.scheduleId().ifPresent(id -> put(vars, "SCHEDULE_ID", id.value()));
        task.scheduledRunId().ifPresent(id -> put(vars, "SCHEDULED_RUN_ID", id.value()));
        put(vars, "TEST_RUN", Boolean.toString(origin.kind() == TaskKind.TEST));
        if (origin.testRowLimit() != null) {
            put(vars, "TEST_ROW_LIMIT", origin.testRowLimit().toString());
        }
        task.parentId().ifPresent(id -> put(vars, "PARENT_TASK_ID", id.value()));
        if (origin.processorIndex() != null) {
            put(vars, "PROCESSOR_INDEX", origin.processorIndex().toString());
        }
        boolean asFile = false;
        if (origin.workItem() != null) {
            asFile = origin.workItem().getBytes(StandardCharsets.UTF_8).length > workItemEnvLimitBytes;
            if (asFile) {
                // Linux caps one env string at 128 KiB; a file has no such limit
                put(vars, "WORK_ITEM_FILE", WORK_ITEM_DIR + "/" + WORK_ITEM_FILE);
            } else {
                put(vars, "WORK_ITEM", origin.workItem());
            }
        }
        if (schedulerAddress != null && !schedulerAddress.isBlank()) {
            put(vars, "SCHEDULER_ADDRESS", schedulerAddress);
        }
        taskToken.ifPresent(t -> put(vars, "TASK_TOKEN", t));
        Map<String, String> fromKey = new TreeMap<>();
        for (Map.Entry<String, String> p : origin.parameters().values().entrySet()) {
            String name = KubernetesNames.parameterEnvName(p.getKey());
            String clash = fromKey.putIfAbsent(name, p.getKey());
            if (clash != null) {
                throw new IllegalArgumentException("parameters '" + clash + "' and '" + p.getKey()
                        + "' would both be passed as " + name + "; rename one of them");
            }
            put(vars, name, p.getValue());
        }
        List<EnvVar> env = new ArrayList<>(vars.size());
        vars.forEach((k, v) -> env.add(new EnvVar(k, v, null)));
        return new Result(List.copyOf(env), asFile);
    }

    private static void put(Map<String, String> vars, String name, String value) {
        vars.remove(name); // the scheduler's value wins and is listed after the catalog's
        vars.put(name, value);
    }
}
