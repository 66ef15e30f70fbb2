package de.vorlauf.activities.vendor;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.vorlauf.activities.vendor.CloudModel.Device;
import de.vorlauf.activities.vendor.CloudModel.Feature;
import de.vorlauf.activities.vendor.CloudModel.HistoryPage;
import de.vorlauf.activities.vendor.CloudModel.Point;
import de.vorlauf.activities.vendor.VendorApiException.Kind;
import de.vorlauf.domain.vendor.FeatureMapping;
import de.vorlauf.domain.vendor.VendorIntegration;
import de.vorlauf.ingest.pipeline.IngestMessage;
import de.vorlauf.ingest.pipeline.IngestOutcome;
import de.vorlauf.ingest.pipeline.IngestPipeline;
import de.vorlauf.ingest.pipeline.IngestUnavailableException;
import de.vorlauf.persistence.timeseries.WriteQueueFullException;
import de.vorlauf.workflows.vendor.PollResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One poll of one installation, window by window: fetch every mapped feature's history for the
 * window, store it, wait for the commit, then move the cursor to the window's end. The end of the
 * last window is the newest time the cloud has data for (the latest feature timestamp), fixed at
 * the start, so every feature is read up to the same instant and the cursor never passes a reading
 * that was not fetched.
 */
final class InstallationPoll {

  /** 720 points per feature: one history page at the cloud's limit of 1,000. */
  static final Duration WINDOW = Duration.ofHours(12);

  private static final Duration QUEUE_WAIT = Duration.ofSeconds(30);
  private static final Duration COMMIT_WAIT = Duration.ofMinutes(5);

  private final VendorIntegration integration;
  private final VendorCloudClient client;
  private final IngestPipeline pipeline;
  private final ObjectMapper json;
  private final Clock clock;
  private final Consumer<PollResult> heartbeat;
  private PollResult progress;

  InstallationPoll(
      VendorIntegration integration,
      VendorCloudClient client,
      IngestPipeline pipeline,
      ObjectMapper json,
      Clock clock,
      Consumer<PollResult> heartbeat,
      PollResult start) {
    this.integration = integration;
    this.client = client;
    this.pipeline = pipeline;
    this.json = json;
    this.clock = clock;
    this.heartbeat = heartbeat;
    this.progress = start;
  }

  /** What is committed so far; after a failure, what the failure reports. */
  PollResult progress() {
    return progress;
  }

  PollResult run() throws InterruptedException {
    String installationId = progress.installationId();
    List<DeviceFeatures> devices = new ArrayList<>();
    Instant newest = null;
    for (Device device : client.devices(installationId)) {
      List<String> features = new ArrayList<>();
      for (Feature feature : client.features(device)) {
        if (FeatureMapping.sensorFor(feature.feature()).isPresent()) {
          features.add(feature.feature());
          newest =
              newest == null || feature.timestamp().isAfter(newest) ? feature.timestamp() : newest;
        }
      }
      heartbeat.accept(progress);
      devices.add(new DeviceFeatures(device, features));
    }
    if (newest == null) {
      return progress;
    }
    Instant upTo = newest.isAfter(clock.instant()) ? clock.instant() : newest;
    while (progress.cursor().isBefore(upTo)) {
      Instant from = progress.cursor();
      Instant to = from.plus(WINDOW).isBefore(upTo) ? from.plus(WINDOW) : upTo;
      DeviceMessages messages = new DeviceMessages(json, integration.id(), installationId);
      for (DeviceFeatures device : devices) {
        fetch(device, from, to, messages);
      }
      progress = progress.plus(store(messages.messages(), to));
      heartbeat.accept(progress);
    }
    return progress;
  }

  private void fetch(DeviceFeatures device, Instant from, Instant to, DeviceMessages messages) {
    Device vendor = device.device();
    String deviceId =
        integration.deviceIdFor(vendor.installationId(), vendor.gatewaySerial(), vendor.deviceId());
    for (String feature : device.features()) {
      Instant pageFrom = from;
      while (true) {
        HistoryPage page = client.history(vendor, feature, pageFrom, to);
        for (Point point : page.points()) {
          if (point.timestamp().isAfter(from) && !point.timestamp().isAfter(to)) {
            messages.add(deviceId, feature, point);
          }
        }
        heartbeat.accept(progress);
        if (!page.truncated()) {
          break;
        }
        Instant last =
            page.points().isEmpty()
                ? null
                : page.points().get(page.points().size() - 1).timestamp();
        if (last == null || !last.isAfter(pageFrom)) {
          throw new VendorApiException(
              Kind.UNAVAILABLE,
              200,
              null,
              "history of %s is truncated without progress after %s".formatted(feature, pageFrom));
        }
        pageFrom = last;
      }
    }
  }

  /** Ingests the window's messages and waits until all are committed. */
  private PollResult store(List<DeviceMessages.Message> messages, Instant to)
      throws InterruptedException {
    Instant receivedAt = clock.instant();
    List<CompletableFuture<IngestOutcome>> outcomes = new ArrayList<>();
    int readings = 0;
    for (DeviceMessages.Message message : messages) {
      readings += message.readings();
      try {
        outcomes.add(
            pipeline.ingest(
                IngestMessage.vendor(message.deviceId(), message.payload(), receivedAt),
                QUEUE_WAIT));
      } catch (WriteQueueFullException | IngestUnavailableException e) {
        throw new StoreException("readings not stored: " + e.getMessage(), e);
      }
    }
    awaitCommit(outcomes);
    long inserted = 0;
    long duplicates = 0;
    for (CompletableFuture<IngestOutcome> outcome : outcomes) {
      IngestOutcome done = outcome.join();
      inserted += done.inserted();
      duplicates += done.duplicates();
    }
    // everything not stored was refused by validation and is in the quarantine: handled
    long quarantined = readings - inserted - duplicates;
    return new PollResult(progress.installationId(), to, inserted, duplicates, quarantined);
  }

  private void awaitCommit(List<CompletableFuture<IngestOutcome>> outcomes)
      throws InterruptedException {
    CompletableFuture<Void> all =
        CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new));
    long deadline = System.nanoTime() + COMMIT_WAIT.toNanos();
    while (true) {
      try {
        all.get(10, TimeUnit.SECONDS);
        return;
      } catch (TimeoutException e) {
        if (System.nanoTime() > deadline) {
          throw new StoreException("readings not committed within " + COMMIT_WAIT, e);
        }
        heartbeat.accept(progress);
      } catch (ExecutionException e) {
        throw new StoreException("readings not committed: " + e.getCause().getMessage(), e);
      }
    }
  }

  private record DeviceFeatures(Device device, List<String> features) {}

  /** The store did not take or commit the readings; the poll is retried from its progress. */
  static final class StoreException extends RuntimeException {
    StoreException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
