package com.grepsr.scheduler.application.port.out;

import com.grepsr.scheduler.domain.common.ServiceCode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a report's service code to the crawler that produces it (image and run settings);
 * configuration such as a file or a Kubernetes ConfigMap.
 */
public interface CrawlerCatalogPort {

    /**
     * How to run one crawler.
     *
     * @param image          container image
     * @param command        entrypoint override, or empty
     * @param args           arguments, or empty
     * @param env            fixed environment
     * @param cpuRequest     e.g. {@code 500m}, or null
     * @param memoryRequest  e.g. {@code 512Mi}, or null
     * @param cpuLimit       or null
     * @param memoryLimit    or null
     * @param defaultTimeout how long a task may run unless its schedule says otherwise
     * @param settings       further launcher-specific settings (service account, node selector …)
     */
    record CrawlerSpec(String image, List<String> command, List<String> args, Map<String, String> env,
                       String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit,
                       Duration defaultTimeout, Map<String, String> settings) {
        public CrawlerSpec {
            command = command == null ? List.of() : List.copyOf(command);
            args = args == null ? List.of() : List.copyOf(args);
            env = env == null ? Map.of() : Map.copyOf(env);
            settings = settings == null ? Map.of() : Map.copyOf(settings);
            defaultTimeout = defaultTimeout == null ? Duration.ofHours(6) : defaultTimeout;
        }

        public static CrawlerSpec image(String image) {
            return new CrawlerSpec(image, null, null, null, null, null, null, null, null, null);
        }
    }

    Optional<CrawlerSpec> find(ServiceCode serviceCode);
}
