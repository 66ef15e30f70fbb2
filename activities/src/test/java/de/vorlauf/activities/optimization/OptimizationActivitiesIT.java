package de.vorlauf.activities.optimization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.domain.features.FeatureCalculator;
import de.vorlauf.domain.features.FeatureRules;
import de.vorlauf.domain.features.HolidayCalendar;
import de.vorlauf.domain.optimization.PersistenceForecast;
import de.vorlauf.domain.training.HourAggregate;
import de.vorlauf.persistence.features.FeaturesNow;
import de.vorlauf.persistence.features.TrainingDataRepository;
import de.vorlauf.persistence.optimization.BuildingStates;
import de.vorlauf.testdata.FixtureModel;
import de.vorlauf.testdata.MigratedWithTestDataAndFeatures;
import de.vorlauf.testsupport.DatabaseFrom;
import de.vorlauf.testsupport.TestDatabase;
import de.vorlauf.testsupport.TestServices;
import de.vorlauf.testsupport.mqtt.MqttTestClient;
import de.vorlauf.workflows.optimization.BuildingOutcome;
import de.vorlauf.workflows.optimization.BuildingOutcome.Status;
import de.vorlauf.workflows.optimization.OptimizationBatch;
import de.vorlauf.workflows.optimization.OptimizationBatchResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The optimisation activity on the simulator's test data (six buildings, their features as the ETL
 * wrote them) with a registered heat-demand model (the inference module's small fixture model) and
 * a real broker: results and predictions stored, commands on the devices' topics in the device
 * contract's shape, a retry that neither duplicates nor republishes, a broken configuration that
 * fails alone, and the state as of an instant that reads nothing at or after it. The optimiser is a
 * stand-in ({@link OwnCurveOptimizer}): the strategies are tested where they live.
 */
@ExtendWith(TestServices.class)
@DatabaseFrom(MigratedWithTestDataAndFeatures.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class OptimizationActivitiesIT {

  // a Thursday in the fixture's second week, five minutes past the hour as the hourly run starts
  private static final Instant AS_OF = Instant.parse("2026-01-15T12:05:00Z");
  private static final Instant ISSUED = Instant.parse("2026-01-15T12:00:00Z");
  private static final String MODEL = "heat-demand";
  private static final double MAE_KW = FixtureModel.MAE_KW;
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestDatabase db;
  private RunningBroker broker;
  private MqttSetpointPublisher mqtt;
  private final AtomicInteger publishes = new AtomicInteger();
  private OptimizationActivitiesImpl activities;

  @BeforeAll
  void start(TestDatabase database, RunningBroker broker) throws Exception {
    this.db = database;
    this.broker = broker;
    FixtureModel.registerChampion(database.dataSource(), "optimization-it");
    mqtt =
        new MqttSetpointPublisher(
            new MqttSetpointPublisher.Settings(broker.url(), null, null, Duration.ofSeconds(10)));
    activities =
        OptimizationActivitiesImpl.create(
            database.dataSource(),
            new OptimizationActivitiesImpl.Settings(
                HolidayCalendar.germany(), Duration.ofDays(400)),
            type -> new OwnCurveOptimizer(),
            new PersistenceForecast(),
            (device, payload) -> {
              publishes.incrementAndGet();
              mqtt.publish(device, payload);
            },
            OptimizationListener.NONE,
            // the delivery's "now": the fixture's hour, so its commands are still valid to send
            Clock.fixed(AS_OF.plusSeconds(5), ZoneOffset.UTC));
  }

  @AfterAll
  void stop() {
    if (activities != null) {
      activities.close();
    }
    if (mqtt != null) {
      mqtt.close();
    }
  }

  @Test
  void aBatchStoresPredictionsAndResultsSendsCommandsAndARetryRepeatsNothing() throws Exception {
    db.execute("UPDATE buildings SET curve_base_temp = 'NaN' WHERE id = 'td-0004'");
    db.execute("UPDATE buildings SET active = false WHERE id = 'td-0005'");
    List<String> ids = List.of("td-0001", "td-0002", "td-0003", "td-0004", "td-0005", "td-nope");
    OptimizationBatch batch = new OptimizationBatch(ids, AS_OF, MODEL, "champion", true, "hourly");
    int publishedBefore = publishes.get();

    try (MqttTestClient devices = MqttTestClient.connect(broker.url(), null)) {
      devices.subscribe("greenbox/+/commands/setpoint");
      OptimizationBatchResult result = activities.optimize(batch);

      assertThat(result.outcomes())
          .extracting(BuildingOutcome::buildingId, BuildingOutcome::status)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("td-0001", Status.DONE),
              org.assertj.core.groups.Tuple.tuple("td-0002", Status.DONE),
              org.assertj.core.groups.Tuple.tuple("td-0003", Status.DONE),
              org.assertj.core.groups.Tuple.tuple("td-0004", Status.FAILED),
              org.assertj.core.groups.Tuple.tuple("td-0005", Status.SKIPPED),
              org.assertj.core.groups.Tuple.tuple("td-nope", Status.SKIPPED));
      assertThat(result.outcomes().get(3).reason()).contains("invalid configuration");
      assertThat(result.outcomes().get(3).retryable()).isFalse();
      assertThat(result.outcomes().get(4).reason()).isEqualTo("inactive");
      List<BuildingOutcome> done = result.outcomes().subList(0, 3);
      assertThat(done).allSatisfy(o -> assertThat(o.modelVersion()).isEqualTo(1));
      assertThat(done).allSatisfy(o -> assertThat(o.commandId()).isNotNull());

      // each stored with the prediction it used, issued at the hour the inputs end
      assertThat(db.count("SELECT count(*) FROM optimization_results WHERE origin = 'hourly'"))
          .isEqualTo(3);
      assertThat(
              db.count(
                  "SELECT count(*) FROM demand_predictions p JOIN optimization_results r"
                      + " ON r.prediction_id = p.id WHERE r.origin = 'hourly' AND p.model = '"
                      + MODEL
                      + "' AND p.version = 1 AND p.issued_at = '"
                      + ISSUED
                      + "' AND p.target_hour = '"
                      + ISSUED
                      + "' AND p.uncertainty_kw = "
                      + MAE_KW))
          .isEqualTo(3);

      // the devices got the contract's command, the room setpoint only where a room is measured
      await().atMost(Duration.ofSeconds(20)).until(() -> devices.received.size() >= 3);
      Map<String, JsonNode> commands = new HashMap<>();
      for (String message : devices.received) {
        int space = message.indexOf(' ');
        commands.put(message.substring(0, space), JSON.readTree(message.substring(space + 1)));
      }
      for (BuildingOutcome o : done) {
        JsonNode command = commands.get("greenbox/" + o.buildingId() + "-gb/commands/setpoint");
        assertThat(command).as("command of %s", o.buildingId()).isNotNull();
        assertThat(command.get("command_id").asText()).isEqualTo(o.commandId());
        assertThat(command.get("circuit").asInt()).isEqualTo(1);
        assertThat(command.get("flow_temp_setpoint").asDouble()).isEqualTo(o.flowC());
        assertThat(Instant.parse(command.get("issued_at").asText())).isEqualTo(AS_OF);
        assertThat(Instant.parse(command.get("valid_until").asText()))
            .isEqualTo(AS_OF.plusSeconds(3600));
        boolean room =
            db.count(
                    "SELECT count(*) FROM optimization_results WHERE send_room_setpoint AND"
                        + " building_id = '"
                        + o.buildingId()
                        + "'")
                == 1;
        assertThat(command.has("room_setpoint")).isEqualTo(room);
      }

      // the retry answers from the store: same outcomes, no new rows, nothing published again
      OptimizationBatchResult retry = activities.optimize(batch);

      assertThat(retry.outcomes().subList(0, 3)).isEqualTo(done);
      assertThat(db.count("SELECT count(*) FROM optimization_results WHERE origin = 'hourly'"))
          .isEqualTo(3);
      assertThat(db.count("SELECT count(*) FROM demand_predictions WHERE origin = 'hourly'"))
          .isEqualTo(3);
      assertThat(publishes.get() - publishedBefore).isEqualTo(3);
      // each command is tracked: sent once, waiting for the device's ack
      assertThat(
              db.count(
                  "SELECT count(*) FROM setpoint_commands WHERE origin = 'hourly'"
                      + " AND state = 'SENT' AND attempts = 1"))
          .isEqualTo(3);
    }
  }

  @Test
  void aResultStoredWithoutPublishingIsPublishedByTheRetryThatAsksForIt() throws Exception {
    List<String> one = List.of("td-0002");
    int publishedBefore = publishes.get();
    BuildingOutcome stored =
        activities
            .optimize(new OptimizationBatch(one, AS_OF, MODEL, "champion", false, "closed-loop"))
            .outcomes()
            .get(0);
    assertThat(stored.status()).isEqualTo(Status.DONE);
    assertThat(stored.commandId()).isNull();
    assertThat(publishes.get()).isEqualTo(publishedBefore);

    try (MqttTestClient device = MqttTestClient.connect(broker.url(), null)) {
      device.subscribe("greenbox/td-0002-gb/commands/setpoint");
      BuildingOutcome published =
          activities
              .optimize(new OptimizationBatch(one, AS_OF, MODEL, "champion", true, "closed-loop"))
              .outcomes()
              .get(0);

      assertThat(published.commandId())
          .isEqualTo(SetpointCommands.commandId("td-0002", AS_OF, "closed-loop"));
      assertThat(published.flowC()).isEqualTo(stored.flowC());
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> device.received.stream().anyMatch(m -> m.contains(published.commandId())));
    }
  }

  @Test
  void withoutAVersionForTheAliasTheFallbackIsStoredWithWhyNoPredictionWasMadeAndNotSent()
      throws Exception {
    BuildingOutcome outcome =
        activities
            .optimize(
                new OptimizationBatch(
                    List.of("td-0001"), AS_OF, MODEL, "challenger", true, "no-model"))
            .outcomes()
            .get(0);

    assertThat(outcome.status()).isEqualTo(Status.FALLBACK);
    assertThat(outcome.reason()).startsWith("NO_MODEL: ");
    assertThat(outcome.modelVersion()).isZero();
    assertThat(outcome.commandId()).as("the device keeps running its own curve").isNull();
    assertThat(
            db.count(
                "SELECT count(*) FROM optimization_results WHERE origin = 'no-model'"
                    + " AND fallback = 'NO_MODEL' AND prediction_id IS NULL AND published_at IS NULL"
                    + " AND prediction_missing = 'model heat-demand has no version challenger'"))
        .isOne();
  }

  @Test
  void theNightlyRetentionStepAgesResultsAndPredictionsOut() throws Exception {
    activities.optimize(
        new OptimizationBatch(List.of("td-0003"), AS_OF, MODEL, "champion", false, "aged"));
    String aged = "SELECT count(*) FROM optimization_results WHERE origin = 'aged'";
    assertThat(db.count(aged)).isOne();

    activities.retention().apply(AS_OF.plus(Duration.ofDays(400)));
    assertThat(db.count(aged)).isOne();
    activities.retention().apply(AS_OF.plus(Duration.ofDays(400)).plusSeconds(1));

    assertThat(db.count(aged)).isZero();
    assertThat(db.count("SELECT count(*) FROM demand_predictions WHERE origin = 'aged'")).isZero();
  }

  @Test
  void theStateAsOfAnInstantReadsNothingAtOrAfterIt() throws Exception {
    DataSource dataSource = db.dataSource();
    BuildingStates states =
        new BuildingStates(
            dataSource,
            new FeaturesNow(dataSource, new FeatureCalculator(HolidayCalendar.germany())));
    BuildingStates.Read before = states.read("td-0006", AS_OF);

    assertThat(before.issuedAt()).isEqualTo(ISSUED);
    assertThat(before.state().history()).hasSize(168);
    assertThat(before.state().history().get(0).hour()).isEqualTo(ISSUED.minus(Duration.ofDays(7)));
    assertThat(before.state().latest().hour()).isEqualTo(ISSUED.minusSeconds(3600));
    // the ETL's hours are rolled up as training reads them
    Instant from = ISSUED.minus(Duration.ofDays(7));
    List<HourAggregate> training =
        new TrainingDataRepository(dataSource)
            .histories(List.of("td-0006"), from, ISSUED.minus(Duration.ofHours(3)))
            .get(0)
            .hours();
    assertThat(training).hasSize(165);
    for (int i = 0; i < training.size(); i++) {
      HourAggregate expected = training.get(i);
      HourAggregate served = before.hours().get(i);
      assertThat(served.hour()).isEqualTo(expected.hour());
      assertThat(served.powerSlots()).isEqualTo(expected.powerSlots());
      assertThat(served.localHour()).isEqualTo(expected.localHour());
      assertThat(served.offDay()).isEqualTo(expected.offDay());
      assertThat(served.heatPowerKw()).isCloseTo(expected.heatPowerKw(), within(1e-9));
      assertThat(served.outdoorC()).isCloseTo(expected.outdoorC(), within(1e-9));
      assertThat(served.quality()).isCloseTo(expected.quality(), within(1e-9));
    }

    // what a later reading or a later ETL run (which may interpolate with later readings) wrote
    Instant settled =
        FeatureRules.slotStart(AS_OF)
            .minusSeconds(FeatureRules.MARGIN_SLOTS * FeatureRules.SLOT_SECONDS);
    db.execute(
        "UPDATE readings r SET value = r.value + 40 FROM series s WHERE s.id = r.series_id"
            + " AND s.building_id = 'td-0006' AND r.time >= '"
            + AS_OF
            + "'");
    db.execute(
        "UPDATE building_features SET outdoor_temp = outdoor_temp - 30,"
            + " heat_power_total_kw = heat_power_total_kw * 3"
            + " WHERE building_id = 'td-0006' AND time >= '"
            + settled
            + "'");
    BuildingStates.Read after = states.read("td-0006", AS_OF);

    assertThat(after.state()).isEqualTo(before.state());
    assertThat(after.hours()).isEqualTo(before.hours());
    // and the change is visible to a read an hour later: it would have shown
    double later = states.read("td-0006", AS_OF.plusSeconds(3600)).state().latest().outdoorC();
    assertThat(later).isGreaterThan(before.state().latest().outdoorC() + 20);
  }
}
