package com.grepsr.scheduler.adapters.k8s;

/**
 * The API server answered 403: the scheduler's service account may not do this. Retrying cannot
 * help; the message names the verb, resource and namespace so an operator can fix the Role.
 */
public final class KubernetesAccessDeniedException extends RuntimeException {

    private final String verb;
    private final String resource;
    private final String namespace;

    public KubernetesAccessDeniedException(String verb, String resource, String namespace, Throwable cause) {
        super("Kubernetes RBAC forbids '" + verb + "' on " + resource + " in namespace '" + namespace
                + "' for the scheduler's service account; grant it in the scheduler's Role (deploy/rbac.yaml)"
                + " (server said: " + cause.getMessage() + ")", cause);
        this.verb = verb;
        this.resource = resource;
        this.namespace = namespace;
    }

    public String verb() {
        return verb;
    }

    public String resource() {
        return resource;
    }

    public String namespace() {
        return namespace;
    }
}
