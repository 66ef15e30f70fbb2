package de.vorlauf.activities.vendor;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.vorlauf.activities.vendor.VendorApiException.Kind;
import de.vorlauf.ingest.pipeline.IngestPipeline;
import de.vorlauf.workflows.vendor.Installations;
import de.vorlauf.workflows.vendor.PollRequest;
import de.vorlauf.workflows.vendor.PollResult;
import de.vorlauf.workflows.vendor.VendorPollingActivities;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class VendorPollingActivitiesImpl implements VendorPollingActivities {

  private static final Logger log = LoggerFactory.getLogger(VendorPollingActivitiesImpl.class);

  private final VendorClients clients;
  private final Supplier<IngestPipeline> pipeline;
  private final Clock clock;
  private final PollListener listener;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param pipeline the worker's ingest pipeline; null while it is still starting (polls fail and
   *     are retried then)
   */
  public VendorPollingActivitiesImpl(
      VendorClients clients, Supplier<IngestPipeline> pipeline, Clock clock) {
    this(clients, pipeline, clock, PollListener.NONE);
  }

  /**
   * @param listener told the new cursor after each successful poll (metrics)
   */
  public VendorPollingActivitiesImpl(
      VendorClients clients,
      Supplier<IngestPipeline> pipeline,
      Clock clock,
      PollListener listener) {
    this.clients = clients;
    this.pipeline = pipeline;
    this.clock = clock;
    this.listener = listener;
  }

  @Override
  public Installations listInstallations(String integrationId) {
    try {
      return new Installations(clients.client(integrationId).installations());
    } catch (VendorApiException e) {
      throw failure(e, null);
    }
  }

  @Override
  public PollResult pollInstallation(PollRequest request) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    // a retry resumes where the previous attempt's last heartbeat left off
    PollResult start =
        context
            .getHeartbeatDetails(PollResult.class)
            .filter(p -> p.cursor() != null && !p.cursor().isBefore(request.cursor()))
            .orElse(PollResult.nothing(request.installationId(), request.cursor()));
    IngestPipeline ingest = pipeline.get();
    if (ingest == null) {
      throw ApplicationFailure.newFailure(
          "the worker's ingest pipeline is not running yet (waiting for the database?)",
          UNAVAILABLE);
    }
    InstallationPoll poll;
    try {
      poll =
          new InstallationPoll(
              clients.integration(request.integrationId()),
              clients.client(request.integrationId()),
              ingest,
              json,
              clock,
              context::heartbeat,
              start);
    } catch (VendorApiException e) {
      throw failure(e, null);
    }
    try {
      PollResult result = poll.run();
      listener.polled(request.integrationId(), request.installationId(), result.cursor());
      log.info(
          "polled {} installation {}: cursor {}, {} stored, {} duplicates, {} quarantined",
          request.integrationId(),
          request.installationId(),
          result.cursor(),
          result.readingsStored(),
          result.duplicates(),
          result.quarantined());
      return result;
    } catch (VendorApiException e) {
      throw failure(e, moved(poll.progress(), request));
    } catch (InstallationPoll.StoreException e) {
      throw ApplicationFailure.newBuilder()
          .setType(UNAVAILABLE)
          .setMessage(e.getMessage())
          .setDetails(progressDetails(moved(poll.progress(), request)))
          .build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApplicationFailure.newFailure("interrupted while storing readings", UNAVAILABLE);
    }
  }

  private static PollResult moved(PollResult progress, PollRequest request) {
    return progress.cursor().isAfter(request.cursor()) ? progress : null;
  }

  private static Object[] progressDetails(PollResult progress) {
    return progress == null ? new Object[0] : new Object[] {progress};
  }

  /** Maps a cloud failure to how Temporal should treat it, carrying the committed progress. */
  static ApplicationFailure failure(VendorApiException e, PollResult progress) {
    ApplicationFailure.Builder failure =
        ApplicationFailure.newBuilder()
            .setMessage(e.getMessage())
            .setDetails(progressDetails(progress));
    if (e.kind() == Kind.CONFIGURATION) {
      return failure.setType(CONFIGURATION).setNonRetryable(true).build();
    }
    if (e.kind() == Kind.RATE_LIMITED) {
      return failure.setType(RATE_LIMITED).setNextRetryDelay(e.retryAfter()).build();
    }
    return failure.setType(UNAVAILABLE).build();
  }
}
