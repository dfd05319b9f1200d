package com.grepsr.scheduler.bootstrap;

import com.grepsr.scheduler.bootstrap.config.Role;
import com.grepsr.scheduler.bootstrap.config.Settings;
import com.grepsr.scheduler.bootstrap.config.SettingsException;
import com.grepsr.scheduler.bootstrap.config.SettingsReader;
import com.grepsr.scheduler.bootstrap.runtime.Logging;
import com.grepsr.scheduler.bootstrap.runtime.Node;
import com.grepsr.scheduler.bootstrap.runtime.Shutdown;
import com.grepsr.scheduler.bootstrap.wiring.DaggerSchedulerComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code serve}: runs the scheduler with the roles its settings name, until SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the scheduler (the default when no command is given). Settings come from PHOENIX_* "
                + "environment variables and an optional properties file; `settings` lists them.")
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    /** Exit code of a configuration that cannot be used. */
    static final int BAD_CONFIGURATION = 2;

    @Option(names = "--config", paramLabel = "FILE", description = "properties file (overrides PHOENIX_CONFIG)")
    Path config;

    @Override
    public Integer call() throws Exception {
        Settings settings;
        try {
            settings = SettingsReader.read(System.getenv(), Optional.ofNullable(config));
        } catch (SettingsException e) {
            System.err.println(e.getMessage());
            return BAD_CONFIGURATION;
        }
        Logging.format(settings.logFormat());
        Logging.bridgeJavaUtilLogging();
        Logging.rootLevel(settings.logLevel());
        SettingsReader.unknownVariables(System.getenv(), Main.CLIENT_VARIABLES)
                .forEach(v -> LOG.warn("ignoring {}: no such setting (see `settings`)", v));
        Node node = DaggerSchedulerComponent.factory().create(settings, Clock.systemUTC()).node();
        Shutdown shutdown = Shutdown.install(node);
        node.start();
        announce(settings, node);
        boolean crawlersReport = settings.runs(Role.API) || settings.launchesCrawlers();
        if (crawlersReport && !settings.crawlerTokens().enabled() && !settings.authDisabled()) {
            LOG.warn("no PHOENIX_CRAWLER_TOKEN_SECRET: launched crawlers get no TASK_TOKEN and crawler tokens are "
                    + "refused, so crawlers can report only with an account or admin token");
        }
        shutdown.await();
        node.close();
        LOG.info("stopped");
        return 0;
    }

    private static void announce(Settings settings, Node node) {
        String roles = settings.roles().stream().map(r -> r.key()).sorted().collect(Collectors.joining(","));
        String listening = node.services().stream().filter(s -> !s.address().isEmpty())
                .map(s -> s.name() + " " + s.address()).collect(Collectors.joining(", "));
        String line = "Phoenix Scheduler running: roles " + roles + "; " + settings.store() + " store; "
                + settings.launcher().name().toLowerCase(Locale.ROOT) + " launcher"
                + (listening.isEmpty() ? "" : "; listening: " + listening);
        System.out.println(line); // stdout: the one line a person or a script waits for
        LOG.info(line);
    }
}
