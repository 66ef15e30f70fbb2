package de.vorlauf.bench.closedloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.simulator.runtime.EnergyReport;
import de.vorlauf.simulator.runtime.FleetLayout;
import de.vorlauf.testsupport.SharedServices;
import de.vorlauf.testsupport.TestDatabase;
import de.vorlauf.workflows.optimization.BuildingOutcome;
import de.vorlauf.workflows.optimization.OptimizationActivities;
import de.vorlauf.workflows.optimization.OptimizationBatch;
import de.vorlauf.workflows.optimization.OptimizationBatchResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The closed loop's mechanics, small: 6 buildings (all four heating types), 8 days of history
 * through MQTT ingestion, the ETL activity and a trained and registered model, then one simulated
 * day. The optimisation is a stand-in that publishes a fixed flow temperature for every building on
 * the device's command topic, so that the test holds whichever optimiser the build has: every hour
 * is optimised for every building, every setpoint reaches its device and is acknowledged as
 * applied, both runs cover the same buildings and period, and the report's sums are its lines'.
 */
class ClosedLoopIT {

  private static final double FLOW_C = 38.0;

  @TempDir Path dir;

  @Test
  @Timeout(300)
  void everyHourIsOptimisedAndEverySetpointApplied() throws Exception {
    long started = System.nanoTime();
    TestDatabase database = SharedServices.database(ClosedLoopIT.class);
    RunningBroker broker = SharedServices.broker();
    ClosedLoopConfig config =
        new ClosedLoopConfig(
            6,
            1,
            15,
            42,
            2,
            "none",
            "persistence",
            Instant.now().truncatedTo(ChronoUnit.HOURS),
            dir);
    FleetLayout layout = FleetLayout.plan(ClosedLoopRun.settings(config, broker.url()));
    Map<String, String> devices =
        layout.members().stream()
            .collect(Collectors.toMap(m -> m.spec().buildingId(), FleetLayout.Member::deviceId));
    assertThat(layout.members().stream().map(m -> m.spec().type()).distinct()).hasSize(4);

    ClosedLoopResult result =
        new ClosedLoopRun(
                config,
                new ClosedLoopPlatform.Services(
                    database.jdbcUrl(), database.user(), database.password(), broker.url()),
                platform -> new FixedFlow(platform.mqttUrl(), devices),
                "fixed " + FLOW_C + " °C")
            .run();

    assertThat(result.hours()).isEqualTo(24);
    assertThat(result.hoursByBuilding())
        .hasSize(6)
        .allSatisfy((id, n) -> assertThat(n).isEqualTo(24));
    assertThat(result.statuses()).containsExactly(Map.entry(BuildingOutcome.Status.DONE, 6 * 24));
    assertThat(result.published()).isEqualTo(6 * 24);
    assertThat(result.applied()).isEqualTo(result.published());
    assertThat(result.rejected()).isZero();
    assertThat(result.model().version()).isEqualTo(1);

    List<ClosedLoopReport.Row> rows = ClosedLoopReport.rows(result);
    assertThat(rows).hasSize(6);
    for (ClosedLoopReport.Row row : rows) {
      EnergyReport.Line base = row.baseline();
      EnergyReport.Line vorlauf = row.vorlauf();
      assertThat(vorlauf.heatingType()).isEqualTo(base.heatingType());
      assertThat(base.from()).isEqualTo(config.periodStart());
      assertThat(vorlauf.from()).isEqualTo(config.periodStart());
      assertThat(base.to()).isEqualTo(config.end());
      assertThat(vorlauf.to()).isEqualTo(config.end());
      assertThat(base.finalEnergyKWh()).isPositive();
      // a fixed flow temperature is not the building's curve: the runs differ
      assertThat(vorlauf.spaceHeatKWh()).isNotEqualTo(base.spaceHeatKWh());
      // the hot-water draws are the seed's and the clock's, not the controller's: the same
      // buildings on the same days draw the same water
      assertThat(vorlauf.dhwHeatKWh()).isCloseTo(base.dhwHeatKWh(), within(1e-6));
    }
    ClosedLoopReport.Totals fleet = ClosedLoopReport.Totals.of("fleet", rows);
    double byType =
        ClosedLoopReport.byType(rows).values().stream()
            .mapToDouble(ClosedLoopReport.Totals::vorlaufKWh)
            .sum();
    assertThat(byType).isCloseTo(fleet.vorlaufKWh(), within(1e-6));
    assertThat(fleet.baselineKWh())
        .isCloseTo(
            result.baseline().lines().stream().mapToDouble(EnergyReport.Line::finalEnergyKWh).sum(),
            within(1e-6));
    String report = ClosedLoopReport.markdown(result);
    assertThat(report).contains("| fleet | 6 |").contains("comfort rule broken");
    LoggerFactory.getLogger(ClosedLoopIT.class)
        .info("ClosedLoopIT took {} s:\n{}", (System.nanoTime() - started) / 1e9, report);
  }

  /** Publishes {@link #FLOW_C} for every building, valid for the hour, as the platform would. */
  private static final class FixedFlow implements OptimizationActivities, AutoCloseable {

    private final MqttAsyncClient client;
    private final Map<String, String> devices;

    FixedFlow(String url, Map<String, String> devices) {
      this.devices = devices;
      try {
        client =
            new MqttAsyncClient(
                url, "closed-loop-it-" + UUID.randomUUID(), new MemoryPersistence());
        client.connect(new MqttConnectionOptions()).waitForCompletion(10_000);
      } catch (MqttException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public OptimizationBatchResult optimize(OptimizationBatch batch) {
      List<BuildingOutcome> outcomes = new ArrayList<>();
      for (String id : batch.buildingIds()) {
        String commandId = id + "-" + batch.asOf().getEpochSecond();
        String payload =
            ("{\"command_id\":\"%s\",\"circuit\":1,\"flow_temp_setpoint\":%s,"
                    + "\"valid_until\":\"%s\",\"issued_at\":\"%s\"}")
                .formatted(commandId, FLOW_C, batch.asOf().plusSeconds(3600), batch.asOf());
        try {
          client
              .publish(
                  "greenbox/" + devices.get(id) + "/commands/setpoint",
                  payload.getBytes(StandardCharsets.UTF_8),
                  1,
                  false)
              .waitForCompletion(10_000);
        } catch (MqttException e) {
          throw new IllegalStateException(e);
        }
        outcomes.add(
            new BuildingOutcome(
                id,
                BuildingOutcome.Status.DONE,
                null,
                FLOW_C,
                Double.NaN,
                0,
                1,
                1,
                commandId,
                false));
      }
      return new OptimizationBatchResult(outcomes);
    }

    /** Closed with the harness's platform. */
    @Override
    public void close() throws MqttException {
      client.disconnect().waitForCompletion(5_000);
      client.close();
    }
  }
}
