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
            setLevel("io.radnorm", Level.DEBUG);
            setLevel("org.apache.spark", Level.INFO);
            // conf/log4j2.properties silences these (radnorm reports task failures itself).
            setLevel("org.apache.spark.executor.Executor", Level.INFO);
            setLevel("org.apache.spark.scheduler.TaskSetManager", Level.INFO);
        } else if (quiet) {
            setLevel("io.radnorm", Level.WARN);
        }
        if (logFile != null) {
            addFileAppender(logFile);
        }
    }

    private static final String APPENDER = "radnorm-log-file";
    /** Levels before this run changed them, restored by {@link #reset}. */
    private static final java.util.Map<String, Level> SAVED = new java.util.LinkedHashMap<>();

    private static synchronized void setLevel(String logger, Level level) {
        SAVED.putIfAbsent(logger, LogManager.getLogger(logger).getLevel());
        Configurator.setLevel(logger, level);
    }

    /**
     * After a command: the levels as they were and no log file, so commands run one after another
     * in one JVM (tests, a notebook) do not inherit each other's --verbose or --log-file.
     */
    static synchronized void reset() {
        SAVED.forEach(Configurator::setLevel);
        SAVED.clear();
        removeFileAppender();
    }

    private static void removeFileAppender() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        var appender = config.getAppender(APPENDER);
        if (appender != null) {
            config.getRootLogger().removeAppender(APPENDER);
            config.getAppenders().remove(APPENDER);
            appender.stop();
            ctx.updateLoggers();
        }
    }

    private static synchronized void addFileAppender(String file) {
        removeFileAppender();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        PatternLayout layout = PatternLayout.newBuilder().withConfiguration(config)
                .withPattern("%d{ISO8601} %-5p [%t] %c{1}: %m%n").build();
        FileAppender appender = FileAppender.newBuilder().setName(APPENDER).withFileName(file)
                .setLayout(layout).setConfiguration(config).build();
        appender.start();
        config.addAppender(appender);
        config.getRootLogger().addAppender(appender, null, null);
        ctx.updateLoggers();
    }
}
