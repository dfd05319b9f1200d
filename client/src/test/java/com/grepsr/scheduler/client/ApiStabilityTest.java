package com.grepsr.scheduler.client;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gRPC API is the contract other teams build on: every line of the committed baseline
 * (src/test/resources/api-baseline.txt, see {@link ApiShape}) must still hold. Adding fields,
 * messages, values or methods is fine; removing, renumbering, retyping or renaming one fails here.
 *
 * <p>To change the API on purpose (a new major version, or an addition the baseline should now
 * protect), rewrite the baseline and commit it with the change:
 * {@code mvn -o -q -pl client -am test -Dtest=ApiStabilityTest -Dapi.baseline.update=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ApiStabilityTest {

    private static final Path BASELINE = Path.of("src/test/resources/api-baseline.txt");

    @Test
    void the_api_keeps_every_line_of_the_baseline() throws IOException {
        Set<String> current = ApiShape.current();
        if (Boolean.getBoolean("api.baseline.update")) {
            Files.write(BASELINE, current, StandardCharsets.UTF_8);
        }
        List<String> baseline = Files.readAllLines(BASELINE, StandardCharsets.UTF_8);

        assertThat(breakingChanges(baseline, current))
                .as("breaking changes to the gRPC API (lines of %s that no longer hold); if this is on purpose, "
                        + "regenerate the baseline with -Dapi.baseline.update=true (see ApiStabilityTest)", BASELINE)
                .isEmpty();
    }

    @Test
    void a_removed_renumbered_or_retyped_field_or_a_removed_method_is_breaking() {
        Set<String> current = ApiShape.current();
        String field = current.stream().filter(l -> l.startsWith("field ")).findFirst().orElseThrow();
        String rpc = current.stream().filter(l -> l.startsWith("rpc ")).findFirst().orElseThrow();
        Set<String> changed = new TreeSet<>(current);
        changed.remove(field);
        changed.remove(rpc);
        changed.add(field.replaceFirst(" (\\d+) ", " 999 "));

        assertThat(breakingChanges(List.copyOf(current), changed)).containsExactlyInAnyOrder(field, rpc);
        assertThat(breakingChanges(List.copyOf(changed), current)).containsExactly(
                field.replaceFirst(" (\\d+) ", " 999 "));
    }

    @Test
    void the_shape_names_numbers_types_and_methods() {
        assertThat(ApiShape.current())
                .anyMatch(l -> l.matches("field grepsr\\.phoenix\\.scheduler\\.v1\\.\\w+ \\d+ \\w+ \\w+ \\S+.*"))
                .anyMatch(l -> l.startsWith("rpc grepsr.phoenix.scheduler.v1.SchedulerService.OneTimeRun("))
                .anyMatch(l -> l.startsWith("value grepsr.phoenix.scheduler.v1."));
    }

    private static List<String> breakingChanges(List<String> baseline, Set<String> current) {
        return baseline.stream().filter(l -> !l.isBlank() && !current.contains(l)).toList();
    }
}
