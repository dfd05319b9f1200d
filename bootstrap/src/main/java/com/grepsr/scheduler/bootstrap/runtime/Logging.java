package com.grepsr.scheduler.bootstrap.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.grepsr.scheduler.bootstrap.config.Settings;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Logging set up at run time, from the settings rather than from logback.xml: the level, the
 * format, and java.util.logging (gRPC's and Netty's own logs) routed into Logback, so every line
 * has one format and obeys one level.
 */
public final class Logging {

    /** The appender logback.xml defines. */
    static final String CONSOLE = "CONSOLE";

    private Logging() {
    }

    public static void rootLevel(String level) {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.toLevel(level, Level.INFO));
        }
    }

    /**
     * Sends java.util.logging records to SLF4J instead of JUL's own console handler. logback.xml's
     * LevelChangePropagator keeps JUL's levels in step, so records below the level cost nothing.
     */
    public static void bridgeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    /**
     * {@code JSON}: one JSON object a line (Logback's JsonEncoder: level, logger, thread, message,
     * throwable, and the MDC's schedule/run/task ids as fields); {@code TEXT}: logback.xml's pattern.
     */
    public static void format(Settings.LogFormat format) {
        if (format != Settings.LogFormat.JSON || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        if (context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(CONSOLE)
                instanceof OutputStreamAppender<ILoggingEvent> console) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            json.start();
            console.stop();
            console.setEncoder(json);
            console.start();
        }
    }
}
