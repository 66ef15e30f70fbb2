package de.vorlauf.activities.etl;

import de.vorlauf.domain.features.BackfillRange;
import de.vorlauf.domain.features.BuildingDay;
import de.vorlauf.domain.features.FeatureCalculator;
import de.vorlauf.domain.features.FeatureLayout;
import de.vorlauf.domain.features.FeatureRow;
import de.vorlauf.persistence.features.EtlBuildings;
import de.vorlauf.persistence.features.FeatureSource;
import de.vorlauf.persistence.features.FeatureStore;
import de.vorlauf.workflows.etl.BuildingDayFailure;
import de.vorlauf.workflows.etl.BuildingPage;
import de.vorlauf.workflows.etl.EtlActivities;
import de.vorlauf.workflows.etl.EtlBatch;
import de.vorlauf.workflows.etl.EtlBatchResult;
import de.vorlauf.workflows.etl.EtlMode;
import de.vorlauf.workflows.etl.EtlPlan;
import de.vorlauf.workflows.etl.EtlRequest;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class EtlActivitiesImpl implements EtlActivities {

  private static final Logger log = LoggerFactory.getLogger(EtlActivitiesImpl.class);

  private final FeatureSource source;
  private final FeatureStore store;
  private final EtlBuildings buildings;
  private final FeatureCalculator calculator;
  private final EtlSettings settings;
  private final Clock clock;
  private final EtlListener listener;
  private final List<RetentionStep> retention;

  public EtlActivitiesImpl(
      FeatureSource source,
      FeatureStore store,
      EtlBuildings buildings,
      FeatureCalculator calculator,
      EtlSettings settings,
      Clock clock,
      EtlListener listener) {
    this(source, store, buildings, calculator, settings, clock, listener, List.of());
  }

  public EtlActivitiesImpl(
      FeatureSource source,
      FeatureStore store,
      EtlBuildings buildings,
      FeatureCalculator calculator,
      EtlSettings settings,
      Clock clock,
      EtlListener listener,
      List<RetentionStep> retention) {
    this.retention = List.copyOf(retention);
    this.source = source;
    this.store = store;
    this.buildings = buildings;
    this.calculator = calculator;
    this.settings = settings;
    this.clock = clock;
    this.listener = listener;
  }

  @Override
  public EtlPlan plan(EtlRequest request) {
    Instant asOf = request.asOf() != null ? request.asOf() : clock.instant();
    try {
      if (request.mode() == EtlMode.NIGHTLY) {
        return new EtlPlan(buildings.nightlyTotal(asOf));
      }
      if (request.from() == null || request.to() == null) {
        throw refused("a backfill needs a first and a last day");
      }
      BackfillRange range = new BackfillRange(request.from(), request.to());
      LocalDate today = BackfillRange.today(asOf);
      var refusal = range.refusal(today, settings.rawRetention());
      if (refusal.isPresent()) {
        throw refused(refusal.get());
      }
      if (request.buildingIds().size() > EtlRequest.MAX_BUILDINGS) {
        throw refused("a backfill names at most " + EtlRequest.MAX_BUILDINGS + " buildings");
      }
      long count = request.buildingIds().size();
      if (count == 0) {
        count = buildings.activeCount();
      } else {
        List<String> unknown = new ArrayList<>(request.buildingIds());
        unknown.removeAll(buildings.profiles(request.buildingIds()).keySet());
        if (!unknown.isEmpty()) {
          throw refused(
              "unknown buildings: " + String.join(", ", unknown.stream().limit(20).toList()));
        }
      }
      return new EtlPlan(count * range.days());
    } catch (SQLException e) {
      throw ApplicationFailure.newFailureWithCause("database: " + e.getMessage(), "Database", e);
    }
  }

  @Override
  public BuildingPage activeBuildings(String afterBuildingId, int limit) {
    try {
      return new BuildingPage(buildings.activePage(afterBuildingId, limit));
    } catch (SQLException e) {
      throw ApplicationFailure.newFailureWithCause("database: " + e.getMessage(), "Database", e);
    }
  }

  @Override
  public EtlBatchResult processBatch(EtlBatch batch) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    EtlBatchResult sofar =
        context.getHeartbeatDetails(EtlBatchResult.class).orElse(EtlBatchResult.empty());
    Map<String, EtlBuildings.Profile> profiles;
    Map<String, SortedSet<LocalDate>> dirty;
    try {
      profiles = buildings.profiles(batch.buildingIds());
      dirty = batch.mode() == EtlMode.NIGHTLY ? buildings.dirtyDays(batch.buildingIds()) : Map.of();
    } catch (SQLException e) {
      throw ApplicationFailure.newFailureWithCause("database: " + e.getMessage(), "Database", e);
    }
    Progress p = new Progress(sofar);
    for (String id : batch.buildingIds()) {
      EtlBuildings.Profile profile = profiles.get(id);
      if (profile == null) {
        p.item(context, () -> new BuildingDayFailure(id, null, "building not in the registry"));
        continue;
      }
      LocalDate lastComplete = BuildingDay.lastCompleteDay(batch.asOf(), profile.zone());
      for (LocalDate day : days(batch, profile, dirty.getOrDefault(id, new TreeSet<>()))) {
        BuildingDay buildingDay = new BuildingDay(id, day, profile.zone());
        if (day.isAfter(lastComplete)) {
          // the range check passes a day that is over somewhere on earth; this building's may
          // still be running, and half a day's features would replace nothing with too little
          p.item(
              context,
              () ->
                  new BuildingDayFailure(
                      id,
                      day,
                      "the day is not over yet in "
                          + profile.zone()
                          + " (its last complete day is "
                          + lastComplete
                          + "): run the backfill again after "
                          + buildingDay.end()));
          continue;
        }
        p.item(context, () -> processDay(batch.runId(), buildingDay, profile, p));
      }
    }
    return p.result();
  }

  @Override
  public void applyRetention(Instant asOf) {
    try {
      store.applyRetention(settings.featureRetention(), asOf);
    } catch (SQLException e) {
      throw ApplicationFailure.newFailureWithCause("database: " + e.getMessage(), "Database", e);
    }
    for (RetentionStep step : retention) {
      try {
        step.apply(asOf);
      } catch (SQLException e) {
        throw ApplicationFailure.newFailureWithCause(
            "database: retention of " + step.name() + ": " + e.getMessage(), "Database", e);
      }
    }
  }

  /** The nightly days: yesterday in the building's zone, plus dirty days within raw retention. */
  private List<LocalDate> days(
      EtlBatch batch, EtlBuildings.Profile profile, SortedSet<LocalDate> dirty) {
    if (batch.mode() == EtlMode.BACKFILL) {
      return batch.from().datesUntil(batch.to().plusDays(1)).toList();
    }
    LocalDate yesterday = BuildingDay.lastCompleteDay(batch.asOf(), profile.zone());
    LocalDate oldest = yesterday.minusDays(settings.rawRetention().toDays() - 1);
    SortedSet<LocalDate> days = new TreeSet<>();
    days.add(yesterday);
    for (LocalDate d : dirty) {
      if (!d.isAfter(yesterday) && !d.isBefore(oldest)) {
        days.add(d);
      }
    }
    return List.copyOf(days);
  }

  /** One building-day, tried a few times; null when written, else the failure to report. */
  private BuildingDayFailure processDay(
      String runId, BuildingDay day, EtlBuildings.Profile profile, Progress p) {
    long started = System.nanoTime();
    String error = null;
    for (int attempt = 1; attempt <= settings.attemptsPerDay(); attempt++) {
      try {
        Instant readAt = clock.instant();
        List<FeatureRow> rows =
            calculator.compute(source.day(day, new FeatureLayout(profile.heatingCircuits())));
        store.replaceDay(day, rows, runId, readAt);
        p.rows += rows.size();
        listener.buildingDay(true, Duration.ofNanos(System.nanoTime() - started));
        return null;
      } catch (SQLException | RuntimeException e) {
        error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        log.warn(
            "ETL {}: building {} day {} attempt {} failed: {}",
            runId,
            day.buildingId(),
            day.date(),
            attempt,
            error);
        pause(attempt);
      }
    }
    listener.buildingDay(false, Duration.ofNanos(System.nanoTime() - started));
    return new BuildingDayFailure(day.buildingId(), day.date(), error);
  }

  private void pause(int attempt) {
    if (attempt < settings.attemptsPerDay() && !settings.retryDelay().isZero()) {
      try {
        Thread.sleep(settings.retryDelay().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw ApplicationFailure.newFailure("interrupted", "Interrupted");
      }
    }
  }

  private static ApplicationFailure refused(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, REFUSED);
  }

  /** The batch's counts; items before the heartbeat's are skipped (a retry resumes). */
  private static final class Progress {
    private final EtlBatchResult resumed;
    private final List<BuildingDayFailure> failures;
    private long items;
    private long done;
    private long failed;
    long rows;

    Progress(EtlBatchResult resumed) {
      this.resumed = resumed;
      this.failures = new ArrayList<>(resumed.failures());
      this.done = resumed.done();
      this.failed = resumed.failed();
      this.rows = resumed.rows();
    }

    void item(
        ActivityExecutionContext context, java.util.function.Supplier<BuildingDayFailure> work) {
      if (items++ < resumed.items()) {
        return;
      }
      BuildingDayFailure failure = work.get();
      if (failure == null) {
        done++;
      } else {
        failed++;
        failures.add(failure);
      }
      context.heartbeat(result());
    }

    EtlBatchResult result() {
      return new EtlBatchResult(items, done, failed, rows, failures);
    }
  }
}
