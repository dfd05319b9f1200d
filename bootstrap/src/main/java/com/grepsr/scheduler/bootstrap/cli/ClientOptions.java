package com.grepsr.scheduler.bootstrap.cli;

import com.grepsr.scheduler.client.ClientSettings;
import com.grepsr.scheduler.client.SchedulerClient;
import com.grepsr.scheduler.application.time.DurationText;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** How every client command reaches the server, and how it prints. */
public final class ClientOptions {

    @Option(names = "--server", paramLabel = "HOST:PORT", defaultValue = "${env:PHOENIX_SERVER:-localhost:50051}",
            description = "the scheduler service (env PHOENIX_SERVER; default ${DEFAULT-VALUE})")
    String server;

    @Option(names = "--token", paramLabel = "SECRET", defaultValue = "${env:PHOENIX_TOKEN}",
            description = "bearer token (env PHOENIX_TOKEN); none for a server with authentication off")
    String token;

    @Option(names = "--tls", description = "connect with TLS, trusting the JDK's CAs (or --ca)")
    boolean tls;

    @Option(names = "--ca", paramLabel = "FILE", description = "PEM CA of the server's certificate (implies --tls)")
    Path ca;

    @Option(names = "--deadline", paramLabel = "DURATION", defaultValue = "10s",
            description = "how long a call may take (default ${DEFAULT-VALUE})")
    String deadline;

    @Option(names = "--json", description = "print the server's answer as JSON")
    boolean json;

    SchedulerClient connect() {
        Duration d = DurationText.parse(deadline);
        Optional<ClientSettings.Tls> t = tls || ca != null
                ? Optional.of(new ClientSettings.Tls(Optional.ofNullable(ca), Optional.empty(), Optional.empty(),
                Optional.empty()))
                : Optional.empty();
        return SchedulerClient.connect(new ClientSettings(server, Optional.ofNullable(token).filter(s -> !s.isBlank()),
                t, d));
    }
}
