package de.vorlauf.domain.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.event.KeyValuePair;

/**
 * One line per event in logfmt style: {@code 2026-12-03T12:00:00.123Z level=INFO
 * logger=de.vorlauf.X thread=main WorkflowId=… RunId=… msg="…"}, then a stack trace if any. MDC
 * entries and SLF4J key-value pairs become keys (sorted, so lines compare); values with spaces,
 * quotes or '=' are quoted.
 */
public class KeyValueLayout extends LayoutBase<ILoggingEvent> {

  @Override
  public String doLayout(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(160);
    line.append(Instant.ofEpochMilli(event.getTimeStamp()));
    pair(line, "level", event.getLevel().toString());
    pair(line, "logger", event.getLoggerName());
    pair(line, "thread", event.getThreadName());
    Map<String, String> mdc = event.getMDCPropertyMap();
    if (mdc != null && !mdc.isEmpty()) {
      new TreeMap<>(mdc).forEach((key, value) -> pair(line, key, value));
    }
    if (event.getKeyValuePairs() != null) {
      for (KeyValuePair kv : event.getKeyValuePairs()) {
        pair(line, kv.key, String.valueOf(kv.value));
      }
    }
    line.append(" msg=").append(quoted(event.getFormattedMessage()));
    line.append(CoreConstants.LINE_SEPARATOR);
    if (event.getThrowableProxy() != null) {
      line.append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
    }
    return line.toString();
  }

  private static void pair(StringBuilder line, String key, String value) {
    line.append(' ').append(key).append('=').append(needsQuotes(value) ? quoted(value) : value);
  }

  private static boolean needsQuotes(String value) {
    if (value == null || value.isEmpty()) {
      return true;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c == '"' || c == '=' || c == '\\') {
        return true;
      }
    }
    return false;
  }

  static String quoted(String value) {
    if (value == null) {
      return "\"\"";
    }
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
