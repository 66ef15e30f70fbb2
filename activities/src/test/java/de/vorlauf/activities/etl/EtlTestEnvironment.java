package de.vorlauf.activities.etl;

import de.vorlauf.domain.features.FeatureCalculator;
import de.vorlauf.domain.features.HolidayCalendar;
import de.vorlauf.persistence.features.EtlBuildings;
import de.vorlauf.persistence.features.FeatureSource;
import de.vorlauf.persistence.features.FeatureStore;
import de.vorlauf.workflows.etl.EtlActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The ETL activities wired as the worker wires them (default holidays, 90 days of raw retention,
 * two years of features, no pause between a day's tries) on one database, called through the SDK's
 * test activity environment with one attempt per call.
 */
public final class EtlTestEnvironment implements AutoCloseable {

  private final TestActivityEnvironment env = TestActivityEnvironment.newInstance();
  private final EtlActivities activities;

  private EtlTestEnvironment(DataSource ds, int attemptsPerDay) {
    env.registerActivitiesImplementations(
        new EtlActivitiesImpl(
            new FeatureSource(ds),
            new FeatureStore(ds),
            new EtlBuildings(ds),
            new FeatureCalculator(HolidayCalendar.germany()),
            new EtlSettings(
                Duration.ofDays(90), Duration.ofDays(730), attemptsPerDay, Duration.ZERO),
            Clock.systemUTC(),
            EtlListener.NONE));
    activities =
        env.newActivityStub(
            EtlActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(5))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());
  }

  /** The activities on {@code ds}, trying each building-day {@code attemptsPerDay} times. */
  public static EtlTestEnvironment on(DataSource ds, int attemptsPerDay) {
    return new EtlTestEnvironment(ds, attemptsPerDay);
  }

  public EtlActivities activities() {
    return activities;
  }

  @Override
  public void close() {
    env.close();
  }
}
