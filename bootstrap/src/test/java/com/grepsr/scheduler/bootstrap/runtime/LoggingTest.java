package com.grepsr.scheduler.bootstrap.runtime;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.grepsr.scheduler.bootstrap.config.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** gRPC's and Netty's java.util.logging lines come out through Logback, as text or as JSON with the ids. */
class LoggingTest {

    private final PrintStream stderr = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    @AfterEach
    void restore() throws Exception {
        System.setErr(stderr);
        MDC.clear();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig(); // logback.xml again, text format
    }

    @Test
    void a_java_util_logging_record_is_one_json_object_with_the_mdc_ids() {
        Logging.format(Settings.LogFormat.JSON);
        Logging.bridgeJavaUtilLogging();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));

        MDC.put("task_id", "t-42");
        java.util.logging.Logger.getLogger("io.grpc.internal.SerializingExecutor").warning("a gRPC warning");

        String out = captured.toString(StandardCharsets.UTF_8).strip();
        assertThat(out.lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("{").endsWith("}")
                .contains("\"level\":\"WARN\"")
                .contains("\"loggerName\":\"io.grpc.internal.SerializingExecutor\"")
                .contains("\"task_id\":\"t-42\"")
                .contains("a gRPC warning"));
    }

    @Test
    void a_java_util_logging_record_below_the_level_is_dropped_and_one_above_is_a_text_line() {
        Logging.bridgeJavaUtilLogging();
        Logging.rootLevel("WARN");
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));

        java.util.logging.Logger jul = java.util.logging.Logger.getLogger("io.grpc.netty.Test");
        jul.info("too chatty");
        jul.severe("a netty error");

        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out).doesNotContain("too chatty");
        assertThat(out.lines()).singleElement().satisfies(line -> assertThat(line)
                .contains("ERROR").contains("Test - a netty error"));
    }
}
