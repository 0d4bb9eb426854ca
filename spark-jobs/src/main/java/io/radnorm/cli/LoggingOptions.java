package io.radnorm.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.layout.PatternLayout;
import picocli.CommandLine.Option;

/**
 * {@code --verbose}, {@code --quiet} and {@code --log-file}, shared by every command.
 *
 * <p>Logs go through SLF4J to Spark's Log4j 2 backend (on a cluster, the cluster's
 * {@code log4j2.properties} decides; locally, {@code conf/log4j2.properties}). These flags only
 * move levels: radnorm's own loggers to DEBUG (verbose) or WARN (quiet); Spark's to INFO when
 * verbose, so a user chasing a problem sees the scheduler too. {@code --quiet} also silences the
 * console progress line.
 */
public final class LoggingOptions {

    @Option(names = {"-v", "--verbose"}, description = "Log details (radnorm DEBUG, Spark INFO).")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Only warnings and errors; no progress line.")
    boolean quiet;

    @Option(names = "--log-file", paramLabel = "FILE", description = "Also write the log to FILE.")
    String logFile;

    public boolean quiet() {
        return quiet;
    }

    void apply() {
        if (verbose) {
            Configurator.setLevel("io.radnorm", Level.DEBUG);
            Configurator.setLevel("org.apache.spark", Level.INFO);
            // conf/log4j2.properties silences these (radnorm reports task failures itself).
            Configurator.setLevel("org.apache.spark.executor.Executor", Level.INFO);
            Configurator.setLevel("org.apache.spark.scheduler.TaskSetManager", Level.INFO);
        } else if (quiet) {
            Configurator.setLevel("io.radnorm", Level.WARN);
        }
        if (logFile != null) {
            addFileAppender(logFile);
        }
    }

    private static void addFileAppender(String file) {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        PatternLayout layout = PatternLayout.newBuilder().withConfiguration(config)
                .withPattern("%d{ISO8601} %-5p [%t] %c{1}: %m%n").build();
        FileAppender appender = FileAppender.newBuilder().setName("radnorm-log-file").withFileName(file)
                .setLayout(layout).setConfiguration(config).build();
        appender.start();
        config.addAppender(appender);
        config.getRootLogger().addAppender(appender, null, null);
        ctx.updateLoggers();
    }
}
