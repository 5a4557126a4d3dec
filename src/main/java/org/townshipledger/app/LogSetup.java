package org.townshipledger.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.nio.file.Path;

/**
 * Logging set up in code rather than from logback.xml: parsing the XML took a third of a second at every
 * start. One file per day in {@code ledger.logDir} (set by {@link Launcher}), nothing on stdout, which carries
 * the command line's results. Found by logback through META-INF/services.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        String dir = System.getProperty("ledger.logDir",
                Path.of(System.getProperty("java.io.tmpdir"), "township-ledger-logs").toString());

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n");
        encoder.setCharset(java.nio.charset.StandardCharsets.UTF_8);
        encoder.start();

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setEncoder(encoder);
        TimeBasedRollingPolicy<ILoggingEvent> daily = new TimeBasedRollingPolicy<>();
        daily.setContext(context);
        daily.setParent(file);
        daily.setFileNamePattern(dir + "/ledger-%d{yyyy-MM-dd}.log");
        daily.setMaxHistory(60);
        daily.start();
        file.setRollingPolicy(daily);
        file.start();

        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        // Flyway warns at every migration that H2 2.5 is newer than it was verified with; the pair is tested here.
        context.getLogger("org.flywaydb.core.internal.database.base.Database").setLevel(Level.ERROR);
        context.getLogger("org.jooq").setLevel(Level.WARN);
        context.getLogger("org.apache.poi").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
