package com.grepsr.scheduler.adapters.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kustomize base in deploy/, rendered as {@code kubectl apply -k deploy/} would apply it, loads
 * with fabric8's serializer and fits what the code needs. (bootstrap's DeployManifestsTest checks
 * it against the settings.)
 */
class DeployManifestsTest {

    private static final Path DEPLOY = Path.of("..", "deploy");
    private static final List<HasMetadata> RESOURCES = new ArrayList<>();

    /** What {@code kubectl apply -k deploy/} applies: the Kustomize base rendered offline. */
    @BeforeAll
    static void renderTheKustomizeBase() throws Exception {
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", DEPLOY.toString()).redirectErrorStream(true).start();
        byte[] out = kubectl.getInputStream().readAllBytes();
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kubectl.exitValue()).as("kubectl kustomize deploy/: " + new String(out, StandardCharsets.UTF_8)).isZero();
        Object parsed = Serialization.unmarshal(new ByteArrayInputStream(out));
        List<?> items = parsed instanceof List<?> l ? l : List.of(parsed);
        assertThat(items).isNotEmpty().allMatch(HasMetadata.class::isInstance);
        items.forEach(i -> RESOURCES.add((HasMetadata) i));
    }

    @Test
    void every_namespaced_resource_lives_in_the_phoenix_namespace() {
        assertThat(RESOURCES).filteredOn(r -> !r.getKind().equals("Namespace"))
                .allSatisfy(r -> assertThat(r.getMetadata().getNamespace()).as(r.getKind() + " " + r.getMetadata().getName())
                        .isEqualTo("phoenix"));
    }

    @Test
    void the_role_grants_exactly_the_verbs_the_launcher_and_informer_use() {
        Role role = one(Role.class, "phoenix-scheduler");
        Map<String, Set<String>> granted = new TreeMap<>();
        for (PolicyRule rule : role.getRules()) {
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    granted.computeIfAbsent(group + "/" + resource, k -> new java.util.TreeSet<>()).addAll(rule.getVerbs());
                }
            }
        }
        Map<String, Set<String>> required = RbacRequirements.RULES.stream().collect(Collectors.toMap(
                r -> r.apiGroup() + "/" + r.resource(), r -> Set.copyOf(r.verbs()), (a, b) -> a, TreeMap::new));
        assertThat(granted).isEqualTo(required);
        assertThat(RbacRequirements.JOBS.verbs()).containsAll(RbacRequirements.INFORMER_VERBS);
        assertThat(role.getRules()).allSatisfy(r -> assertThat(r.getVerbs()).doesNotContain("*"));
    }

    @Test
    void the_role_is_bound_to_the_service_account_the_launching_roles_run_as() {
        RoleBinding binding = one(RoleBinding.class, "phoenix-scheduler");
        one(ServiceAccount.class, "phoenix-scheduler");
        assertThat(binding.getRoleRef().getName()).isEqualTo("phoenix-scheduler");
        assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
            assertThat(s.getKind()).isEqualTo("ServiceAccount");
            assertThat(s.getName()).isEqualTo("phoenix-scheduler");
        });
        for (String role : List.of("api", "processor", "reconciler")) {
            assertThat(deployment(role).getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("phoenix-scheduler");
        }
        assertThat(deployment("calculator").getSpec().getTemplate().getSpec().getAutomountServiceAccountToken()).isFalse();
    }

    @Test
    void one_deployment_per_role_of_the_same_image_chosen_by_phoenix_role() {
        for (String role : List.of("api", "calculator", "processor", "reconciler")) {
            var container = deployment(role).getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getImage()).endsWith("/phoenix-scheduler:0.1.0"); // set in kustomization.yaml
            assertThat(container.getEnv()).anyMatch(e -> e.getName().equals("PHOENIX_ROLE") && role.equals(e.getValue()));
            // credentials only by reference to a Secret, never inline
            assertThat(container.getEnv()).filteredOn(e -> e.getName().startsWith("PHOENIX_DB_") || e.getName().contains("TOKEN"))
                    .isNotEmpty().allSatisfy(DeployManifestsTest::fromSecret);
        }
    }

    @Test
    void the_api_and_the_launching_roles_share_the_crawler_token_secret() {
        // the processor launches nothing itself: it calls the API's OneTimeRun
        for (String role : List.of("api", "reconciler")) {
            var env = deployment(role).getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                    .filter(e -> e.getName().equals("PHOENIX_CRAWLER_TOKEN_SECRET")).toList();
            assertThat(env).as(role).hasSize(1);
            assertThat(env.get(0).getValueFrom().getSecretKeyRef().getName()).as(role).isEqualTo("phoenix-crawler-token");
        }
    }

    @Test
    void the_api_service_exposes_grpc_and_metrics() {
        Service api = one(Service.class, "phoenix-api");
        assertThat(api.getSpec().getPorts()).extracting(p -> p.getName() + ":" + p.getPort())
                .containsExactlyInAnyOrder("grpc:50051", "metrics:9090");
    }

    @Test
    void the_catalog_config_map_is_a_valid_crawler_catalog() {
        ConfigMap catalog = one(ConfigMap.class, "phoenix-crawler-catalog");
        assertThat(CrawlerCatalogDocument.parse(catalog.getData().get("catalog.yaml"))).isNotEmpty();
        assertThat(one(ConfigMap.class, "phoenix-config").getData())
                .containsEntry("PHOENIX_CRAWLER_CATALOG_FILE", "/etc/phoenix/catalog/catalog.yaml");
    }

    private static void fromSecret(EnvVar e) {
        assertThat(e.getValue()).as(e.getName()).isNull();
        assertThat(e.getValueFrom().getSecretKeyRef()).as(e.getName()).isNotNull();
    }

    private static Deployment deployment(String role) {
        return one(Deployment.class, "phoenix-" + role);
    }

    private static <T extends HasMetadata> T one(Class<T> type, String name) {
        List<T> found = RESOURCES.stream().filter(type::isInstance).map(type::cast)
                .filter(r -> r.getMetadata().getName().equals(name)).toList();
        assertThat(found).as(type.getSimpleName() + " " + name).hasSize(1);
        return found.get(0);
    }
}
