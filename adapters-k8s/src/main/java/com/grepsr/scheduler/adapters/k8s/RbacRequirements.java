package com.grepsr.scheduler.adapters.k8s;

import java.util.List;
import java.util.Set;

/**
 * The one list of Kubernetes permissions the scheduler needs in its namespace. Every API call the
 * launcher makes names its rule and verb here ({@link ApiCalls} refuses a verb not listed), the
 * informer names the verbs it uses, and a test checks that {@code deploy/rbac.yaml} grants exactly
 * these: adding a call without updating the Role fails the build, not a production launch.
 */
public final class RbacRequirements {

    /**
     * Verbs on one resource.
     *
     * @param apiGroup {@code ""} for the core group
     * @param resource plural resource name
     * @param verbs    sorted verbs
     */
    public record Rule(String apiGroup, String resource, List<String> verbs) {
        public Rule {
            verbs = verbs.stream().sorted().toList();
        }

        /** Throws when {@code verb} is not granted by this rule. */
        String require(String verb) {
            if (!verbs.contains(verb)) {
                throw new IllegalArgumentException("verb '" + verb + "' on " + resource
                        + " is not in RbacRequirements; add it there and to deploy/rbac.yaml");
            }
            return verb;
        }

        /** {@code jobs.batch}-style name for messages. */
        public String qualifiedResource() {
            return apiGroup.isEmpty() ? resource : resource + "." + apiGroup;
        }
    }

    /**
     * Jobs: create (launch), get (confirm an existing Job is this task's on AlreadyExists),
     * delete (stop), list and watch (the status informer).
     */
    public static final Rule JOBS = new Rule("batch", "jobs", List.of("create", "delete", "get", "list", "watch"));

    /**
     * Pods, read-only: not called by this code; the issue grants them so that operators and
     * crawler-log readers running as the scheduler's account can see why a Job's pod is stuck.
     */
    public static final Rule PODS = new Rule("", "pods", List.of("get", "list", "watch"));

    /** What the scheduler's Role must grant, and nothing more. */
    public static final List<Rule> RULES = List.of(JOBS, PODS);

    /** The verbs the Job informer uses. */
    static final Set<String> INFORMER_VERBS = Set.of(JOBS.require("list"), JOBS.require("watch"));

    private RbacRequirements() {
    }
}
