package com.grepsr.scheduler.bootstrap;

import com.grepsr.scheduler.adapters.dynamo.ActivityTableCommands;
import com.grepsr.scheduler.adapters.dynamo.DynamoSettings;
import com.grepsr.scheduler.bootstrap.config.Settings;
import com.grepsr.scheduler.bootstrap.config.SettingsException;
import com.grepsr.scheduler.bootstrap.config.SettingsReader;
import com.grepsr.scheduler.bootstrap.wiring.ActivityTables;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code activity}: the DynamoDB activity table of the configured settings ({@code PHOENIX_DYNAMO_*})
 * — create it in a fresh environment, or show an account's or a report's feed, newest first.
 */
@Command(name = "activity", mixinStandardHelpOptions = true,
        description = "The DynamoDB activity table (PHOENIX_DYNAMO_*): create it, or show a feed.",
        subcommands = {ActivityCommand.CreateTable.class, ActivityCommand.Feed.class})
final class ActivityCommand {

    /** Reads the settings and the table they name, or explains why there is none. */
    static Optional<DynamoSettings> table(Path config) {
        Settings settings;
        try {
            settings = SettingsReader.read(System.getenv(), Optional.ofNullable(config));
        } catch (SettingsException e) {
            System.err.println(e.getMessage());
            return Optional.empty();
        }
        if (settings.dynamo().isEmpty()) {
            System.err.println("no activity table configured: set PHOENIX_DYNAMO_TABLE (and region or endpoint)");
            return Optional.empty();
        }
        return Optional.of(ActivityTables.settingsOf(settings.dynamo().get()));
    }

    @Command(name = "create-table", mixinStandardHelpOptions = true,
            description = "Create the activity table unless it exists, and wait until it is ACTIVE.")
    static final class CreateTable implements Callable<Integer> {
        @Option(names = "--config", paramLabel = "FILE", description = "properties file (overrides PHOENIX_CONFIG)")
        Path config;

        @Option(names = "--timeout", defaultValue = "PT2M", description = "how long to wait (ISO-8601, default ${DEFAULT-VALUE})")
        Duration timeout;

        @Override
        public Integer call() {
            return table(config).map(t -> ActivityTableCommands.createTable(t, timeout, System.out))
                    .orElse(ServeCommand.BAD_CONFIGURATION);
        }
    }

    @Command(name = "feed", mixinStandardHelpOptions = true,
            description = "Show one page of an account's or a report's activity, newest first.")
    static final class Feed implements Callable<Integer> {
        @Option(names = "--config", paramLabel = "FILE", description = "properties file (overrides PHOENIX_CONFIG)")
        Path config;

        @ArgGroup(multiplicity = "1")
        Whose whose;

        @Option(names = "--page-size", defaultValue = "50", description = "events per page (default ${DEFAULT-VALUE})")
        int pageSize;

        @Option(names = "--page-token", defaultValue = "", description = "the token a previous page printed")
        String pageToken;

        static final class Whose {
            @Option(names = "--account", required = true, description = "an account id")
            String account;

            @Option(names = "--report", required = true, description = "a report id")
            String report;
        }

        @Override
        public Integer call() {
            return table(config).map(t -> ActivityTableCommands.showFeed(t, whose.account, whose.report, pageSize,
                    pageToken, System.out)).orElse(ServeCommand.BAD_CONFIGURATION);
        }
    }
}
