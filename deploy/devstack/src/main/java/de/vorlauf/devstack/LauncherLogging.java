package de.vorlauf.devstack;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import de.vorlauf.devstack.service.StateDir;
import de.vorlauf.domain.logging.LogFormatEncoder;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Logging of the launcher process: short lines on the console (a person reads them), full ones in
 * logs/launcher.log, and the embedded HiveMQ broker in logs/hivemq.log; both files in the format of
 * VORLAUF_LOG_FORMAT, like the children's logs. Configured in code because the state folder is
 * known only at run time (and a library jar should not ship a logback.xml).
 */
final class LauncherLogging {

  private LauncherLogging() {}

  private static final String FILE_ONLY = "vorlauf.launcher.details";

  /**
   * A logger that writes to logs/launcher.log only: stack traces that would clutter the console.
   */
  static org.slf4j.Logger fileOnly() {
    return LoggerFactory.getLogger(FILE_ONLY);
  }

  static void configure(StateDir state, String format) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(console(context));
    FileAppender<ILoggingEvent> launcherLog =
        file(context, state.log("launcher"), "launcher", format);
    root.addAppender(launcherLog);
    Logger details = context.getLogger(FILE_ONLY);
    details.setAdditive(false);
    details.addAppender(launcherLog);
    FileAppender<ILoggingEvent> hivemqLog = file(context, state.log("hivemq"), "hivemq", format);
    // HiveMQ logs under its package and a few bare names (migrations, Xodus, events)
    for (String name : new String[] {"com.hivemq", "migrations", "jetbrains.exodus", "event"}) {
      Logger logger = context.getLogger(name);
      logger.setAdditive(false);
      logger.addAppender(hivemqLog);
    }
    for (String quiet : new String[] {"io.temporal", "io.grpc", "io.zonky", "io.netty"}) {
      context.getLogger(quiet).setLevel(Level.WARN);
    }
  }

  private static ConsoleAppender<ILoggingEvent> console(LoggerContext context) {
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("console");
    console.setEncoder(encoder(context, "%d{HH:mm:ss} %-5level %msg%n"));
    console.start();
    return console;
  }

  private static FileAppender<ILoggingEvent> file(
      LoggerContext context, Path path, String name, String format) {
    FileAppender<ILoggingEvent> file = new FileAppender<>();
    file.setContext(context);
    file.setName(name);
    file.setFile(path.toString());
    file.setAppend(true);
    LogFormatEncoder encoder = new LogFormatEncoder();
    encoder.setContext(context);
    encoder.setFormat(format);
    encoder.start();
    file.setEncoder(encoder);
    file.start();
    return file;
  }

  private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(pattern);
    encoder.start();
    return encoder;
  }
}
