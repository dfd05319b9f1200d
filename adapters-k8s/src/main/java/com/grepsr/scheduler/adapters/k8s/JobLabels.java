package com.grepsr.scheduler.adapters.k8s;

import java.util.Map;
import java.util.TreeMap;

/**
 * Label and annotation keys on the scheduler's Jobs. Labels hold label-safe forms for selecting
 * ({@code kubectl get jobs -l phoenix.grepsr.com/report-id=…}); annotations hold the exact values,
 * and the status cache maps a Job back to its task from the task-id annotation, never by parsing
 * the Job's name.
 */
public final class JobLabels {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY_VALUE = "phoenix-scheduler";
    public static final String COMPONENT = "app.kubernetes.io/component";
    public static final String COMPONENT_VALUE = "crawler";
    private static final String PREFIX = "phoenix.grepsr.com/";
    public static final String INSTANCE = PREFIX + "instance";
    public static final String TASK_ID = PREFIX + "task-id";
    public static final String REPORT_ID = PREFIX + "report-id";
    public static final String PROJECT_ID = PREFIX + "project-id";
    public static final String ACCOUNT_ID = PREFIX + "account-id";
    public static final String SCHEDULE_ID = PREFIX + "schedule-id";
    public static final String SCHEDULED_RUN_ID = PREFIX + "scheduled-run-id";
    public static final String PARENT_TASK_ID = PREFIX + "parent-task-id";
    public static final String SERVICE_CODE = PREFIX + "service-code";
    public static final String KIND = PREFIX + "kind";
    /** Annotation on the pod template holding a work item too large for an env variable. */
    public static final String WORK_ITEM = PREFIX + "work-item";

    private JobLabels() {
    }

    /** The labels every Job of one scheduler instance carries; the informer selects by them. */
    public static Map<String, String> selector(String instance) {
        // sorted, so the selector in every request reads the same (logs, audit, test expectations)
        return new TreeMap<>(Map.of(MANAGED_BY, MANAGED_BY_VALUE, INSTANCE, instance));
    }

    /** Whether a key belongs to the scheduler (catalog labels may not set these). */
    static boolean reserved(String key) {
        return key.startsWith(PREFIX) || key.equals(MANAGED_BY) || key.equals(COMPONENT);
    }
}
