package com.grepsr.scheduler.bootstrap.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's settings table is the generated one: a new or changed setting shows up there. */
class SettingsTableTest {

    @Test
    void the_readme_lists_every_setting_with_its_default() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int begin = readme.indexOf(SettingsTable.BEGIN);
        int end = readme.indexOf(SettingsTable.END);
        assertThat(begin).as("README has the settings-table markers").isNotNegative();
        assertThat(end).isGreaterThan(begin);

        String table = readme.substring(begin + SettingsTable.BEGIN.length(), end).strip() + "\n";

        assertThat(table).as("README table out of date: replace it with `java -jar "
                + "bootstrap/target/phoenix-scheduler.jar settings`").isEqualTo(SettingsTable.markdown());
    }

    @Test
    void every_setting_has_a_distinct_variable_and_key() {
        assertThat(Setting.values()).extracting(Setting::env).doesNotHaveDuplicates()
                .allSatisfy(e -> assertThat(e).startsWith("PHOENIX_"));
        assertThat(Setting.values()).extracting(Setting::key).doesNotHaveDuplicates();
    }
}
