package dev.tollgate.cli;

import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.JdkLoggerFactory;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps grpc-java's and netty's own log records off standard error. grpc-java logs through
 * java.util.logging, whose console handler prints every record in two lines or more, with its
 * stack trace: an extension server that cannot be resolved produced dozens of lines per
 * translation, before the one line Tollgate prints about it. Tollgate reports each such failure
 * itself, so these libraries' records go to Tollgate's logging at debug level (trace for their
 * own fine-grained ones), shown only when asked for, e.g. with
 * {@code -Dorg.slf4j.simpleLogger.log.io.grpc=debug}.
 */
final class LibraryLogging {

  /** Held here: java.util.logging keeps loggers only weakly, and a collected one loses its settings. */
  private static final List<java.util.logging.Logger> QUIETED = List.of(
      java.util.logging.Logger.getLogger("io.grpc"), java.util.logging.Logger.getLogger("io.netty"));

  private LibraryLogging() {}

  /** Call before either library logs anything: netty picks its logging once. */
  static void quiet() {
    InternalLoggerFactory.setDefaultFactory(JdkLoggerFactory.INSTANCE); // netty too, through the handler below
    for (java.util.logging.Logger logger : QUIETED) {
      Logger target = LoggerFactory.getLogger(logger.getName());
      logger.setLevel(target.isTraceEnabled() ? Level.ALL : target.isDebugEnabled() ? Level.INFO : Level.OFF);
      logger.setUseParentHandlers(false);
      logger.addHandler(new ToDebug());
    }
  }

  /** Hands each record to the SLF4J logger of the same name, at debug or trace level. */
  private static final class ToDebug extends Handler {
    private final SimpleFormatter formatter = new SimpleFormatter();

    @Override
    public void publish(LogRecord record) {
      Logger logger = LoggerFactory.getLogger(record.getLoggerName() == null ? "io.grpc" : record.getLoggerName());
      String message = formatter.formatMessage(record);
      if (record.getLevel().intValue() >= Level.INFO.intValue()) {
        logger.debug(message, record.getThrown());
      } else {
        logger.trace(message, record.getThrown());
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
