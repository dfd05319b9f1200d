package com.grepsr.scheduler.bootstrap;

import com.grepsr.scheduler.bootstrap.config.SettingsTable;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code settings}: prints every setting with its default, as the README's table. */
@Command(name = "settings", mixinStandardHelpOptions = true,
        description = "Print every setting (environment variable, file key, default) as a Markdown table.")
final class SettingsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.print(SettingsTable.markdown());
        return 0;
    }
}
