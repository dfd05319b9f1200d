package com.grepsr.scheduler.adapters.grpc;

import com.grepsr.scheduler.adapters.grpc.auth.ApiToken;
import com.grepsr.scheduler.adapters.grpc.auth.AuthInterceptor;
import com.grepsr.scheduler.adapters.grpc.auth.TokenRegistry;
import com.grepsr.scheduler.client.ClientSettings;
import com.grepsr.scheduler.client.SchedulerClient;
import com.grepsr.scheduler.adapters.grpc.tls.ServerTransports;
import com.grepsr.scheduler.adapters.grpc.v1.Repeat;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleForm;
import com.grepsr.scheduler.adapters.grpc.v1.Timing;
import com.grepsr.scheduler.adapters.memory.InMemoryScheduler;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.stream.IntStream;

import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.acmeHourly;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.invalid;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over a real HTTP/2 transport (the in-process one has no header limits) an error with thousands
 * of field violations, or echoing a 100 KB value, still reaches a client with default settings as
 * INVALID_ARGUMENT — uncut, its trailers passed the client's 8 KiB limit and it saw INTERNAL.
 */
class LargeErrorOverNettyTest {

    @Test
    void an_error_about_thousands_of_values_or_a_huge_value_reaches_the_client_as_invalid_argument() {
        InMemoryScheduler scheduler = InMemoryScheduler.startingAt(GrpcTestKit.T0);
        Timing.Builder manyBadDays = Timing.newBuilder().setZone(GrpcTestKit.LONDON).setForm(ScheduleForm.newBuilder()
                .setStart("2026-03-02T10:00").setRepeat(Repeat.REPEAT_MONTHLY).setEvery(1)
                .addAllRepeatsOnMonthDays(IntStream.rangeClosed(100, 3100).boxed().toList()));
        try (SchedulerGrpcServer server = SchedulerGrpcServer.create(
                ServerTransports.netty(new InetSocketAddress("127.0.0.1", 0), Optional.empty()),
                GrpcTestKit.useCasesOf(scheduler.core()),
                AuthInterceptor.requireTokens(TokenRegistry.of(ApiToken.admin("ops", GrpcTestKit.ADMIN_TOKEN))),
                GrpcServerSettings.DEFAULTS).start();
             SchedulerClient client = SchedulerClient.connect(ClientSettings.plaintext("127.0.0.1:" + server.port(),
                     GrpcTestKit.ADMIN_TOKEN))) {
            var many = invalid("timing.form.repeats_on_month_days",
                    () -> client.blocking().schedule(acmeHourly("r-1").setTiming(manyBadDays).build()));
            assertThat(GrpcTestKit.violatedFields(many)).contains("");

            invalid("timing.zone", () -> client.blocking().schedule(acmeHourly("r-1")
                    .setTiming(GrpcTestKit.hourly().toBuilder().setZone("日".repeat(100_000))).build()));
        }
    }
}
