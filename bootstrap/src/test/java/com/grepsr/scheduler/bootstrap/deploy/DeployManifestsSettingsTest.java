package com.grepsr.scheduler.bootstrap.deploy;

import com.grepsr.scheduler.application.daemon.DaemonSettings;
import com.grepsr.scheduler.bootstrap.config.Setting;
import com.grepsr.scheduler.bootstrap.config.Settings;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/} rendered as {@code kubectl apply -k deploy/} would apply it (kubectl renders the
 * Kustomize base offline) agrees with the code: image, user, ports, probes, env names, grace
 * periods, the API's disruption budget and the processor's remote trigger (adapters-k8s's
 * DeployManifestsTest checks RBAC and the Secrets).
 */
class DeployManifestsSettingsTest {

    private static final Path DEPLOY = Path.of("..", "deploy");
    private static List<HasMetadata> rendered;

    @BeforeAll
    static void render() throws Exception {
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", DEPLOY.toString()).redirectErrorStream(true).start();
        byte[] out = kubectl.getInputStream().readAllBytes();
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kubectl.exitValue()).as("kubectl kustomize deploy/: " + new String(out)).isZero();
        try (KubernetesClient client = new KubernetesClientBuilder().build()) {
            rendered = client.load(new ByteArrayInputStream(out)).items();
        }
    }

    @Test
    void every_role_runs_the_one_image_named_in_the_kustomization_as_the_dockerfiles_user() throws Exception {
        String kustomization = Files.readString(DEPLOY.resolve("kustomization.yaml"));
        String name = value(kustomization, "newName:");
        String tag = value(kustomization, "newTag:").replace("\"", "");
        assertThat(deployments()).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder("phoenix-api", "phoenix-calculator", "phoenix-processor", "phoenix-reconciler");
        String dockerfile = Files.readString(Path.of("..", "Dockerfile"));
        assertThat(dockerfile).contains("USER 10001").contains("bootstrap/target/phoenix-scheduler.jar")
                .containsPattern("FROM .*17-jre");
        for (Deployment d : deployments()) {
            assertThat(scheduler(d).getImage()).as(d.getMetadata().getName()).isEqualTo(name + ":" + tag);
            assertThat(d.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser()).isEqualTo(10001L);
            assertThat(scheduler(d).getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        }
    }

    @Test
    void every_role_is_probed_on_the_metrics_port_and_outlives_its_shutdown_grace_plus_a_tick() {
        Settings defaults = Settings.defaults();
        long needed = defaults.shutdownGrace().plus(DaemonSettings.DEFAULTS.maxSleep()).toSeconds();
        String metricsPort = config().getData().get(Setting.METRICS_PORT.env());
        for (Deployment d : deployments()) {
            String name = d.getMetadata().getName();
            Container c = scheduler(d);
            assertThat(ports(c).get("metrics")).as(name).isEqualTo(Integer.parseInt(metricsPort));
            assertProbe(c.getLivenessProbe(), "/livez", name);
            assertProbe(c.getReadinessProbe(), "/readyz", name);
            assertThat(d.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()).as(name)
                    .isGreaterThan(needed);
        }
        assertThat(ports(scheduler(deployment("phoenix-api"))).get("grpc"))
                .isEqualTo(Integer.parseInt(Setting.GRPC_PORT.defaultValue()));
    }

    @Test
    void every_variable_set_is_a_setting_of_the_code() {
        Set<String> settings = Arrays.stream(Setting.values()).map(Setting::env).collect(Collectors.toSet());
        assertThat(config().getData().keySet()).filteredOn(k -> k.startsWith("PHOENIX_")).isSubsetOf(settings);
        for (Deployment d : deployments()) {
            assertThat(scheduler(d).getEnv()).extracting(EnvVar::getName).as(d.getMetadata().getName())
                    .isSubsetOf(settings);
        }
    }

    @Test
    void the_processor_calls_the_apis_one_time_run_and_the_reconciler_relays_to_dynamodb() {
        Map<String, EnvVar> processor = env(deployment("phoenix-processor"));
        assertThat(processor.get(Setting.TRIGGER.env()).getValue()).isEqualTo("phoenix-api:" + Setting.GRPC_PORT.defaultValue());
        assertThat(processor.get(Setting.TRIGGER_TOKEN.env()).getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("phoenix-processor-token");
        assertThat(rendered).filteredOn(r -> r.getKind().equals("Service"))
                .extracting(r -> r.getMetadata().getName()).contains("phoenix-api");
        Map<String, EnvVar> reconciler = env(deployment("phoenix-reconciler"));
        assertThat(reconciler).containsKeys(Setting.DYNAMO_TABLE.env(), Setting.DYNAMO_REGION.env());
    }

    @Test
    void the_api_keeps_a_replica_through_voluntary_disruptions() {
        PodDisruptionBudget pdb = (PodDisruptionBudget) rendered.stream()
                .filter(r -> r.getKind().equals("PodDisruptionBudget")).findFirst().orElseThrow();
        assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
        assertThat(pdb.getSpec().getSelector().getMatchLabels())
                .isEqualTo(deployment("phoenix-api").getSpec().getSelector().getMatchLabels());
        assertThat(deployment("phoenix-api").getSpec().getReplicas()).isGreaterThan(1);
    }

    private static void assertProbe(Probe probe, String path, String deployment) {
        assertThat(probe).as(deployment + " probe " + path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(deployment).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).as(deployment).isEqualTo("metrics");
    }

    private static List<Deployment> deployments() {
        return rendered.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast).toList();
    }

    private static Deployment deployment(String name) {
        return deployments().stream().filter(d -> d.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }

    private static ConfigMap config() {
        return rendered.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(c -> c.getMetadata().getName().equals("phoenix-config")).findFirst().orElseThrow();
    }

    private static Container scheduler(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals("scheduler")).findFirst().orElseThrow();
    }

    private static Map<String, Integer> ports(Container c) {
        return c.getPorts().stream().collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort));
    }

    private static Map<String, EnvVar> env(Deployment d) {
        return scheduler(d).getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
    }

    private static String value(String yaml, String key) {
        return yaml.lines().map(String::strip).filter(l -> l.startsWith(key)).findFirst().orElseThrow()
                .substring(key.length()).strip();
    }
}
