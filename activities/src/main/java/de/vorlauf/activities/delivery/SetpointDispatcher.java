package de.vorlauf.activities.delivery;

import de.vorlauf.persistence.delivery.DeliveryState;
import de.vorlauf.persistence.delivery.TrackedCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's delivery loop: every interval it expires commands past their {@code valid_until},
 * then claims the commands due (never sent, or sent a resend interval ago without an ack) and sends
 * them again. Claims skip rows another worker's dispatcher holds and lease the rest for one resend
 * interval, so any number of workers share the table. A pass stops at the first failed send (the
 * broker is likely down): the rest of the claim comes back when its lease runs out.
 */
public final class SetpointDispatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SetpointDispatcher.class);

  /**
   * @param interval time between passes
   * @param batch commands claimed per statement
   */
  public record Settings(Duration interval, int batch) {
    public Settings {
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative() || interval.isZero() || batch < 1) {
        throw new IllegalArgumentException("interval and batch must be positive");
      }
    }
  }

  /** What one pass did. */
  public record Pass(int expired, int sent, int failed) {}

  private final SetpointDelivery delivery;
  private final Settings settings;
  private ScheduledExecutorService loop;

  public SetpointDispatcher(SetpointDelivery delivery, Settings settings) {
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** Starts the loop on its own thread; {@link #close} stops it. */
  public synchronized SetpointDispatcher start() {
    if (loop != null) {
      throw new IllegalStateException("the dispatcher runs already");
    }
    loop =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "setpoint-dispatcher");
              t.setDaemon(true);
              return t;
            });
    loop.scheduleWithFixedDelay(
        this::passQuietly, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
    log.info(
        "setpoint dispatcher: every {}, resend after {}", settings.interval(), delivery.resend());
    return this;
  }

  private void passQuietly() {
    try {
      runOnce();
    } catch (Exception e) {
      // the next pass tries again: the table holds everything a pass needs
      log.warn("setpoint dispatcher pass failed: {}", e.toString());
    }
  }

  /** One pass: expire, then claim and send until nothing is due or a send fails. */
  public Pass runOnce() throws Exception {
    Pass pass = sendDue();
    delivery.listener().inFlight(delivery.store().inFlightCount());
    return pass;
  }

  private Pass sendDue() throws Exception {
    Instant now = delivery.clock().instant();
    List<TrackedCommand> expired = delivery.store().expire(now);
    for (TrackedCommand row : expired) {
      log.info(
          "setpoint {} for {} expired after {} attempts",
          row.commandId(),
          row.deviceId(),
          row.attempts());
      delivery.listener().settled(DeliveryState.EXPIRED, null);
    }
    int sent = 0;
    Instant lease = now.plus(delivery.resend());
    while (!Thread.currentThread().isInterrupted()) {
      List<TrackedCommand> due = delivery.store().claimDue(now, settings.batch(), lease);
      for (TrackedCommand row : due) {
        if (!delivery.send(row, now)) {
          return new Pass(expired.size(), sent, 1);
        }
        sent++;
      }
      if (due.size() < settings.batch()) {
        break;
      }
    }
    return new Pass(expired.size(), sent, 0);
  }

  @Override
  public synchronized void close() {
    if (loop == null) {
      return;
    }
    loop.shutdown();
    try {
      if (!loop.awaitTermination(10, TimeUnit.SECONDS)) {
        loop.shutdownNow();
      }
    } catch (InterruptedException e) {
      loop.shutdownNow();
      Thread.currentThread().interrupt();
    }
    loop = null;
  }
}
