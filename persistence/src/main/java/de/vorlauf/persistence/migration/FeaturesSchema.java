package de.vorlauf.persistence.migration;

/**
 * The DDL of the 15-minute feature matrix (V90): one row per building and 15-minute UTC slot.
 *
 * <p><b>Multi-circuit layout.</b> Building-wide features are scalar columns; per-circuit features
 * ({@code flow_temp}, {@code return_temp}, {@code flow_rate}, {@code spread}, {@code heat_power_kw}
 * and the provenance of the first three) are arrays whose element n (1-based, as PostgreSQL arrays
 * are) is heating circuit n, so a building with three circuits still has one row per slot and a
 * reader that wants circuit 1 writes {@code flow_temp[1]}. An empty value is a NULL element.
 *
 * <p><b>Provenance.</b> Every sensor value has a {@code *_src} code beside it: 0 empty, 1 raw (slot
 * mean), 2 forward/back-filled, 3 interpolated ({@code domain.features.Provenance}).
 */
final class FeaturesSchema {

  static final String CREATE_FEATURES =
      """
      CREATE TABLE building_features (
          building_id                text             NOT NULL,
          time                       timestamptz      NOT NULL,
          outdoor_temp               double precision,
          outdoor_temp_src           smallint         NOT NULL,
          indoor_temp                double precision,
          indoor_temp_src            smallint         NOT NULL,
          flow_temp                  double precision[] NOT NULL,
          flow_temp_src              smallint[]       NOT NULL,
          return_temp                double precision[] NOT NULL,
          return_temp_src            smallint[]       NOT NULL,
          flow_rate                  double precision[] NOT NULL,
          flow_rate_src              smallint[]       NOT NULL,
          spread                     double precision[] NOT NULL,
          heat_power_kw              double precision[] NOT NULL,
          heat_power_total_kw        double precision,
          metered_heat_power_kw      double precision,
          metered_heat_power_src     smallint         NOT NULL,
          heat_power_disagreement_kw double precision,
          heating_degree_hours       double precision,
          local_hour                 smallint         NOT NULL,
          day_of_week                smallint         NOT NULL,
          holiday                    boolean          NOT NULL,
          quality                    double precision NOT NULL,
          readings                   integer          NOT NULL,
          bad_readings               integer          NOT NULL,
          etl_run                    text             NOT NULL,
          computed_at                timestamptz      NOT NULL DEFAULT now(),
          CONSTRAINT building_features_pk PRIMARY KEY (building_id, time),
          CONSTRAINT building_features_quality_range CHECK (quality >= 0 AND quality <= 1),
          CONSTRAINT building_features_circuits CHECK (
              cardinality(flow_temp) >= 1
              AND cardinality(flow_temp) = cardinality(return_temp)
              AND cardinality(flow_temp) = cardinality(flow_rate)
              AND cardinality(flow_temp) = cardinality(spread)
              AND cardinality(flow_temp) = cardinality(heat_power_kw)
              AND cardinality(flow_temp) = cardinality(flow_temp_src)),
          CONSTRAINT building_features_local_hour CHECK (local_hour BETWEEN 0 AND 23),
          CONSTRAINT building_features_day_of_week CHECK (day_of_week BETWEEN 1 AND 7)
      )%s
      """;

  static final String COMMENT =
      """
      COMMENT ON TABLE building_features IS
      'One row per building and 15-minute UTC slot. Per-circuit columns are arrays, element n is\
       heating circuit n. *_src: 0 empty, 1 raw, 2 filled, 3 interpolated. quality: mean over\
       outdoor and each circuit''s flow, return, flow rate of 1/0.75/0.5/0.'
      """;

  // a week of a 10,000-building fleet is ~6.7 M rows: chunks of about a gigabyte
  static final String CREATE_HYPERTABLE =
      """
      SELECT create_hypertable(relation => 'building_features',
                               dimension => by_range('time', INTERVAL '7 days'),
                               create_default_indexes => false,
                               if_not_exists => true)
      """;

  private FeaturesSchema() {}
}
