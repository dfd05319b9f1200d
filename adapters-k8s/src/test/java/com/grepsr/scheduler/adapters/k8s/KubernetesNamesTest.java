package com.grepsr.scheduler.adapters.k8s;

import com.grepsr.scheduler.domain.task.TaskId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KubernetesNamesTest {

    @Test
    void a_ulid_task_id_becomes_crawl_dash_id() {
        assertThat(KubernetesNames.jobName(TaskId.of("01jdz9q6w3xk4m2p8r7t5v0abc")))
                .isEqualTo("crawl-01jdz9q6w3xk4m2p8r7t5v0abc");
    }

    @Test
    void the_same_task_id_always_gives_the_same_name() {
        TaskId id = TaskId.of("Some:Odd.ID_1");
        assertThat(KubernetesNames.jobName(id)).isEqualTo(KubernetesNames.jobName(TaskId.of("Some:Odd.ID_1")));
    }

    @Test
    void ids_that_need_sanitizing_get_a_hash_so_they_stay_distinct() {
        String upper = KubernetesNames.jobName(TaskId.of("ABC"));
        String lower = KubernetesNames.jobName(TaskId.of("abc"));
        String colon = KubernetesNames.jobName(TaskId.of("a:b"));
        String dot = KubernetesNames.jobName(TaskId.of("a.b"));
        assertThat(lower).isEqualTo("crawl-abc");
        assertThat(upper).startsWith("crawl-abc-").isNotEqualTo(lower);
        assertThat(colon).startsWith("crawl-a-b-").isNotEqualTo(dot);
        assertThat(upper).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    }

    @Test
    void the_longest_ids_fit_in_63_characters() {
        String longest = "A".repeat(30) + "_:." + "z".repeat(31);
        String name = KubernetesNames.jobName(TaskId.of(longest));
        assertThat(name).hasSizeLessThanOrEqualTo(63);
        assertThat(KubernetesNames.isValidJobName(name)).isTrue();
        assertThat(KubernetesNames.jobName(TaskId.of("b".repeat(64)))).hasSize(63)
                .isNotEqualTo(KubernetesNames.jobName(TaskId.of("b".repeat(63))));
    }

    @Test
    void label_values_keep_valid_values_and_hash_the_rest() {
        assertThat(KubernetesNames.labelValue("report-7")).isEqualTo("report-7");
        String account = KubernetesNames.labelValue("acct:42");
        assertThat(account).startsWith("acct_42_").hasSize("acct_42_".length() + 10);
        assertThat(KubernetesNames.isValidLabelValue(account)).isTrue();
        String tooLong = KubernetesNames.labelValue("x".repeat(64));
        assertThat(tooLong).hasSizeLessThanOrEqualTo(63);
        assertThat(KubernetesNames.isValidLabelValue(tooLong)).isTrue();
        assertThat(KubernetesNames.isValidLabelValue(KubernetesNames.labelValue("ends-with-dash-"))).isTrue();
    }

    @Test
    void parameter_keys_become_upper_case_env_names() {
        assertThat(KubernetesNames.parameterEnvName("category")).isEqualTo("PARAM_CATEGORY");
        assertThat(KubernetesNames.parameterEnvName("max.pages-2")).isEqualTo("PARAM_MAX_PAGES_2");
    }
}
