package com.grepsr.scheduler.adapters.k8s;

import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskOrigin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Tasks and crawler specs for the Kubernetes adapter's tests, named for what they are. */
final class K8sFixtures {

    /** 2026-12-01T08:00Z; no time zone matters here. */
    static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    static final ReportRef REPORT = ReportRef.of("report-7", "project-3", "acct:42", "amazon-products");

    private K8sFixtures() {
    }

    /** A 26-character lowercase ULID-like id, as the scheduler's id generator makes them, numbered. */
    static TaskId taskId(int n) {
        return TaskId.of(String.format("01jd%022d", n));
    }

    static Task manualTask(int n) {
        return Task.queue(taskId(n), TaskOrigin.manual(REPORT, null, Parameters.NONE, Duration.ofMinutes(90)), NOW);
    }

    static Task scheduledTaskWithParameters(int n, Map<String, String> parameters) {
        return Task.queue(taskId(n), TaskOrigin.scheduled(REPORT, ScheduleId.of("sched-1"), ScheduledRunId.of("run-9"),
                Parameters.of(parameters), null), NOW);
    }

    static Task testTask(int n, int rowLimit) {
        return Task.queue(taskId(n), TaskOrigin.test(REPORT, Parameters.NONE, rowLimit, null), NOW);
    }

    static Task childTask(int n, Task parent, int index, String workItem) {
        return Task.queue(taskId(n), TaskOrigin.child(parent, index, workItem), NOW);
    }

    static Task parentTask(int n, int parallelism) {
        return Task.queue(taskId(n), TaskOrigin.parent(REPORT, Parameters.NONE, parallelism, null), NOW);
    }

    /** A fully specified crawler: image, command, env, resources, 2-hour default timeout, settings. */
    static CrawlerSpec amazonCrawler() {
        return new CrawlerSpec("registry.example.com/crawlers/amazon:1.4.2", List.of("java", "-jar", "/app/crawler.jar"),
                List.of("--mode=full"), Map.of("LOG_LEVEL", "info", "TASK_ID", "catalog-must-not-win"),
                "500m", "512Mi", "2", "2Gi", Duration.ofHours(2),
                Map.of("serviceAccount", "crawler", "nodeSelector", "pool=crawlers",
                        "tolerations", "dedicated=crawlers:NoSchedule,spot:NoExecute",
                        "imagePullSecrets", "regcred", "labels", "team=data"));
    }

    static CrawlerSpec plainCrawler() {
        return CrawlerSpec.image("registry.example.com/crawlers/plain:1");
    }
}
