package de.vorlauf.persistence.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.zaxxer.hikari.HikariDataSource;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.training.BuildingHistory;
import de.vorlauf.domain.training.HourAggregate;
import de.vorlauf.persistence.MigratedSchema;
import de.vorlauf.persistence.jdbc.DatabaseSettings;
import de.vorlauf.persistence.jdbc.PooledDataSources;
import de.vorlauf.testsupport.SharedServices;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The training read on a migrated PostgreSQL: buildings chosen, slots rolled up to hours. */
class TrainingDataRepositoryIT {

  private static final Instant HOUR = Instant.parse("2026-02-07T10:00:00Z"); // a Saturday

  private static RunningPostgres postgres;
  private static HikariDataSource ds;

  @BeforeAll
  static void start() throws Exception {
    postgres = SharedServices.database(TrainingDataRepositoryIT.class, MigratedSchema.class);
    ds =
        PooledDataSources.create(
            new DatabaseSettings(
                postgres.jdbcUrl(), postgres.user(), postgres.password(), 2, Duration.ofSeconds(5)),
            "it-training");
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          """
          INSERT INTO buildings (id, name, time_zone, heating_type, area_m2, year_built, active)
          VALUES ('tr-a', 'A', 'Europe/Berlin', 'waermepumpe', 1200, 1975, true),
                 ('tr-b', 'B', 'Europe/Berlin', 'gas', NULL, NULL, true),
                 ('tr-off', 'Off', 'Europe/Berlin', 'gas', 300, NULL, false)
          ON CONFLICT DO NOTHING
          """);
      new FeaturePartitions().ensure(c, HOUR, HOUR.plus(Duration.ofHours(2)));
      // tr-a: hour 10:00 complete (10, 20, 30, 40 kW; outdoor 2, 4, null, 6), hour 11:00 two slots
      slot(c, "tr-a", HOUR, 10.0, 2.0, 1.0);
      slot(c, "tr-a", HOUR.plusSeconds(900), 20.0, 4.0, 1.0);
      slot(c, "tr-a", HOUR.plusSeconds(1800), 30.0, null, 0.75);
      slot(c, "tr-a", HOUR.plusSeconds(2700), 40.0, 6.0, 1.0);
      slot(c, "tr-a", HOUR.plusSeconds(3600), 8.0, 1.0, 1.0);
      slot(c, "tr-a", HOUR.plusSeconds(4500), null, 1.0, 0.5);
      slot(c, "tr-off", HOUR, 3.0, 1.0, 1.0);
    }
  }

  @AfterAll
  static void stop() {
    if (ds != null) {
      ds.close();
    }
  }

  @Test
  void rollsSlotsUpToHoursPerBuilding() throws Exception {
    List<BuildingHistory> histories =
        new TrainingDataRepository(ds)
            .histories(List.of("tr-a", "tr-b"), HOUR.minusSeconds(3600), HOUR.plusSeconds(7200));
    assertThat(histories)
        .extracting(h -> h.building().buildingId())
        .containsExactly("tr-a", "tr-b");
    BuildingHistory a = histories.get(0);
    assertThat(a.building().heatingType()).isEqualTo(HeatingType.WAERMEPUMPE);
    assertThat(a.building().areaM2()).isEqualTo(1200.0);
    assertThat(a.building().yearBuilt()).isEqualTo(1975);
    assertThat(a.hours()).hasSize(2);
    HourAggregate first = a.hours().get(0);
    assertThat(first.hour()).isEqualTo(HOUR);
    assertThat(first.heatPowerKw()).isCloseTo(25.0, within(1e-9));
    assertThat(first.powerSlots()).isEqualTo(4);
    assertThat(first.outdoorC()).isCloseTo(4.0, within(1e-9));
    assertThat(first.quality()).isCloseTo(3.75 / 4, within(1e-9));
    assertThat(first.localHour()).isEqualTo(11);
    assertThat(first.offDay()).isTrue();
    HourAggregate second = a.hours().get(1);
    assertThat(second.powerSlots()).isEqualTo(1);
    assertThat(second.heatPowerKw()).isCloseTo(8.0, within(1e-9));
    assertThat(second.quality()).isCloseTo(1.5 / 4, within(1e-9)); // missing slots count 0
    assertThat(histories.get(1).building().areaM2()).isNull();
    assertThat(histories.get(1).hours()).isEmpty();
  }

  @Test
  void noBuildingNamedMeansEveryActiveOne() throws Exception {
    List<String> ids =
        new TrainingDataRepository(ds)
            .histories(List.of(), HOUR, HOUR.plusSeconds(3600)).stream()
                .map(h -> h.building().buildingId())
                .toList();
    assertThat(ids).contains("tr-a", "tr-b").doesNotContain("tr-off");
  }

  private static void slot(
      Connection c, String building, Instant time, Double powerKw, Double outdoor, double quality)
      throws Exception {
    try (PreparedStatement insert =
        c.prepareStatement(
            """
            INSERT INTO building_features (building_id, time, outdoor_temp, outdoor_temp_src,
                indoor_temp_src, flow_temp, flow_temp_src, return_temp, return_temp_src, flow_rate,
                flow_rate_src, spread, heat_power_kw, heat_power_total_kw, metered_heat_power_src,
                local_hour, day_of_week, holiday, quality, readings, bad_readings, etl_run)
            VALUES (?, ?, ?, 1, 0, '{50}', '{1}', '{40}', '{1}', '{10}', '{1}', '{10}', '{1}', ?,
                0, ?, ?, false, ?, 10, 0, 'it')
            """)) {
      OffsetDateTime local = time.atOffset(ZoneOffset.ofHours(1));
      insert.setString(1, building);
      insert.setObject(2, time.atOffset(ZoneOffset.UTC));
      insert.setObject(3, outdoor, java.sql.Types.DOUBLE);
      insert.setObject(4, powerKw, java.sql.Types.DOUBLE);
      insert.setShort(5, (short) local.getHour());
      insert.setShort(6, (short) local.getDayOfWeek().getValue());
      insert.setDouble(7, quality);
      insert.executeUpdate();
    }
  }
}
