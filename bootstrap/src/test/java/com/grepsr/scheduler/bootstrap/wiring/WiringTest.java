package com.grepsr.scheduler.bootstrap.wiring;

import com.grepsr.scheduler.adapters.memory.InMemoryScheduleStore;
import com.grepsr.scheduler.bootstrap.Fixtures;
import com.grepsr.scheduler.bootstrap.observe.ObservedLauncher;
import com.grepsr.scheduler.bootstrap.observe.TimedRunStore;
import com.grepsr.scheduler.bootstrap.runtime.Service;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WiringTest {

    private static SchedulerComponent component(String... env) {
        return DaggerSchedulerComponent.factory().create(Fixtures.settings(env), Clock.systemUTC());
    }

    @ParameterizedTest(name = "role {0} runs {1}")
    @CsvSource(delimiter = ';', value = {
            "all; metrics calculator reconciler processor api web readiness",
            "api; metrics api web readiness",
            "calculator; metrics calculator",
            "processor; metrics processor",
            "reconciler; metrics reconciler",
            "calculator,reconciler; metrics calculator reconciler",
            "processor,api; metrics processor api web readiness",
    })
    void each_role_runs_its_own_services(String role, String expected) {
        List<String> names = component("PHOENIX_ROLE", role).node().services().stream().map(Service::name).toList();

        assertThat(names).containsExactlyElementsOf(Arrays.asList(expected.split(" ")));
    }

    @Test
    void metrics_off_runs_no_endpoint() {
        assertThat(component("PHOENIX_ROLE", "calculator", "PHOENIX_METRICS_PORT", "off").node().services())
                .extracting(Service::name).containsExactly("calculator");
    }

    @Test
    void the_default_wires_the_memory_store_and_the_simulated_launcher_behind_the_observers() {
        SchedulerComponent c = component();

        assertThat(c.ports().schedules()).isInstanceOf(InMemoryScheduleStore.class);
        assertThat(c.ports().runs()).isInstanceOf(TimedRunStore.class);
        assertThat(c.ports().launcher()).isInstanceOf(ObservedLauncher.class);
        assertThat(c.core().ports()).isSameAs(c.ports());
    }

    @Test
    void one_component_is_one_scheduler() {
        SchedulerComponent c = component();

        assertThat(c.core()).isSameAs(c.core());
        assertThat(c.node()).isSameAs(c.node());
    }

    @Test
    void with_a_dynamodb_table_the_reconciler_role_also_relays_activity_events() {
        String[] dynamo = {"PHOENIX_DYNAMO_TABLE", "phoenix-activity", "PHOENIX_DYNAMO_ENDPOINT", "http://127.0.0.1:1"};

        assertThat(component(with(dynamo, "PHOENIX_ROLE", "reconciler")).node().services()).extracting(Service::name)
                .containsExactly("metrics", "reconciler", "activity-relay");
        assertThat(component(with(dynamo, "PHOENIX_ROLE", "reconciler", "PHOENIX_DYNAMO_CREATE_TABLE", "true"))
                .node().services()).extracting(Service::name)
                .containsExactly("metrics", "reconciler", "activity-table", "activity-relay");
        assertThat(component(with(dynamo, "PHOENIX_ROLE", "calculator")).node().services())
                .extracting(Service::name).containsExactly("metrics", "calculator");
    }

    private static String[] with(String[] base, String... more) {
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void a_processor_with_a_remote_trigger_connects_lazily_and_closes_its_channel_on_stop() throws Exception {
        SchedulerComponent c = component("PHOENIX_ROLE", "processor", "PHOENIX_PROCESSOR_TRIGGER", "localhost:1",
                "PHOENIX_PROCESSOR_TOKEN", "processor-secret-0123");

        assertThat(c.node().services()).extracting(Service::name).containsExactly("metrics", "processor");
        c.node().start().close(); // no run is due, so nothing calls the unreachable target
    }
}
