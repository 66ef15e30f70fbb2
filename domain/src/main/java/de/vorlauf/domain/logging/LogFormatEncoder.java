package de.vorlauf.domain.logging;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import de.vorlauf.domain.config.LogVars;
import java.nio.charset.StandardCharsets;

/**
 * The encoder every Vorlauf logback.xml names: key=value lines ({@link KeyValueLayout}) or
 * logback's own {@link JsonEncoder}, chosen by {@code <format>${VORLAUF_LOG_FORMAT:-}</format>}.
 * Both print the MDC, which is where the Temporal SDK puts WorkflowId, RunId, WorkflowType,
 * ActivityType (see {@code io.temporal.internal.logging.LoggerTag}) and ingestion its buildingId
 * and deviceId.
 *
 * <p>A bad value falls back to key=value with an error status: the process's own configuration
 * check then stops it with a message, which must still reach the log.
 */
public class LogFormatEncoder extends EncoderBase<ILoggingEvent> {

  private String format = "";
  private Encoder<ILoggingEvent> delegate;

  /** The raw value of VORLAUF_LOG_FORMAT; blank means the default. */
  public void setFormat(String format) {
    this.format = format == null ? "" : format;
  }

  /** The format this encoder writes, after defaults and fallback. */
  public static String resolve(String raw) {
    if (raw == null || raw.isBlank()) {
      return LogVars.FORMAT.defaultValue();
    }
    return LogVars.FORMAT.parse(raw);
  }

  @Override
  public void start() {
    String chosen;
    try {
      chosen = resolve(format);
    } catch (IllegalArgumentException e) {
      addError(e.getMessage() + "; writing " + LogVars.KEYVALUE);
      chosen = LogVars.KEYVALUE;
    }
    delegate = chosen.equals(LogVars.JSON) ? json() : keyValue(getContext());
    delegate.setContext(getContext());
    delegate.start();
    super.start();
  }

  private static Encoder<ILoggingEvent> json() {
    JsonEncoder json = new JsonEncoder();
    // one compact object per line: no logback context, sequence numbers or raw arguments
    json.setWithSequenceNumber(false);
    json.setWithNanoseconds(false);
    json.setWithContext(false);
    json.setWithArguments(false);
    json.setWithMessage(false);
    json.setWithFormattedMessage(true);
    return json;
  }

  private static Encoder<ILoggingEvent> keyValue(Context context) {
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setCharset(StandardCharsets.UTF_8);
    KeyValueLayout layout = new KeyValueLayout();
    layout.setContext(context);
    layout.start();
    encoder.setLayout(layout);
    return encoder;
  }

  @Override
  public void stop() {
    if (delegate != null) {
      delegate.stop();
    }
    super.stop();
  }

  @Override
  public byte[] headerBytes() {
    return delegate.headerBytes();
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    return delegate.encode(event);
  }

  @Override
  public byte[] footerBytes() {
    return delegate.footerBytes();
  }
}
