package com.grepsr.scheduler.adapters.k8s;

import com.grepsr.scheduler.domain.task.Task;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.grepsr.scheduler.adapters.k8s.K8sFixtures.NOW;
import static com.grepsr.scheduler.adapters.k8s.K8sFixtures.manualTask;
import static com.grepsr.scheduler.adapters.k8s.K8sFixtures.plainCrawler;
import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentLaunchTest {

    private MockApiServer api;

    @BeforeEach
    void startMockApiServer() {
        api = MockApiServer.crud();
    }

    @AfterEach
    void stopMockApiServer() {
        api.close();
    }

    @Test
    void two_hundred_tasks_launched_concurrently_make_exactly_two_hundred_jobs_even_when_launches_race() throws Exception {
        KubernetesSettings settings = KubernetesSettings.builder().namespace("crawlers").rateLimit(10_000, 10_000).build();
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            tasks.add(manualTask(1000 + i));
        }
        Set<String> names = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        // 250 racing requests queue for the mock server's connections: the default 10 s wait for a
        // pooled connection is about the machine's speed, not the launcher's correctness
        Config patient = new ConfigBuilder(api.client().getConfiguration())
                .withConnectionTimeout(120_000).withRequestTimeout(120_000).build();
        try (KubernetesAdapters adapters = KubernetesAdapters.create(patient, settings,
                Clock.fixed(NOW, ZoneOffset.UTC))) {
            List<Future<?>> launches = new ArrayList<>();
            for (Task task : tasks) {
                launches.add(pool.submit(() -> names.add(adapters.launcher().launch(task, plainCrawler()))));
            }
            // a quarter of them again, as a racing replica would: the repeat must find the first's Job
            for (Task task : tasks.subList(0, 50)) {
                launches.add(pool.submit(() -> names.add(adapters.launcher().launch(task, plainCrawler()))));
            }
            for (Future<?> f : launches) {
                f.get(180, TimeUnit.SECONDS);
            }
            // counted over the launcher's own connections: a second client opening new ones to the
            // mock server after 250 racing requests waited out its connection timeout
            assertThat(names).hasSize(200);
            assertThat(adapters.client().batch().v1().jobs().inNamespace("crawlers").list().getItems()).hasSize(200)
                    .extracting(j -> j.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(names);
        } finally {
            pool.shutdownNow();
        }
    }
}
