package de.vorlauf.persistence.migration;

/**
 * The DDL of the series layout (V60–V62), in one place. Readings are narrow rows {@code (series_id,
 * time, value, quality)}: 4 + 8 + 8 + 2 bytes of data against the wide row's four text keys, unit,
 * quality word and receive time. Everything else a reader wants (building, device, sensor, unit) is
 * in {@code series}, once per series.
 */
final class SeriesSchema {

  // No foreign keys to buildings or devices: history outlives registry edits, and the writer
  // creates series from what ingestion validated against its device cache.
  static final String CREATE_SERIES =
      """
      CREATE TABLE series (
          id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          building_id text        NOT NULL,
          device_id   text        NOT NULL,
          sensor_id   text        NOT NULL,
          unit        text        NOT NULL,
          created_at  timestamptz NOT NULL DEFAULT now(),
          CONSTRAINT series_key UNIQUE (building_id, device_id, sensor_id, unit)
      );
      CREATE INDEX series_building_sensor_idx ON series (building_id, sensor_id);
      CREATE INDEX series_device_idx ON series (device_id)
      """;

  /** The readings table's columns and checks; {@code %s} is the partitioning clause or empty. */
  static final String CREATE_READINGS =
      """
      CREATE TABLE readings (
          series_id integer          NOT NULL,
          time      timestamptz      NOT NULL,
          value     double precision NOT NULL,
          quality   smallint         NOT NULL DEFAULT 0,
          CONSTRAINT readings_pk PRIMARY KEY (series_id, time),
          CONSTRAINT readings_value_finite CHECK (value <> 'NaN'::double precision
              AND value <> 'Infinity'::double precision AND value <> '-Infinity'::double precision),
          -- low two bits: good 0, uncertain 1, bad 2; bit 2: time is the receive time
          CONSTRAINT readings_quality_code CHECK (quality BETWEEN 0 AND 6 AND quality & 3 <> 3)
      )%s
      """;

  /** Plain PostgreSQL: the hourly rollup the writer keeps in the same transaction as the rows. */
  static final String CREATE_PLAIN_ROLLUP =
      """
      CREATE TABLE readings_rollup_hourly (
          series_id     integer          NOT NULL,
          bucket        timestamptz      NOT NULL,
          min_value     double precision NOT NULL,
          max_value     double precision NOT NULL,
          sum_value     double precision NOT NULL,
          reading_count bigint           NOT NULL,
          CONSTRAINT readings_rollup_hourly_pk PRIMARY KEY (series_id, bucket)
      );
      CREATE VIEW readings_hourly AS
      SELECT series_id, bucket, min_value, max_value, sum_value / reading_count AS avg_value,
             reading_count
      FROM readings_rollup_hourly
      """;

  /**
   * Hours that only the building-level rollup of the wide layout still held (their raw rows were
   * past retention): kept as they were, per building and sensor, until rollup retention.
   */
  static final String CREATE_ARCHIVE =
      """
      CREATE TABLE readings_rollup_archive (
          bucket        timestamptz      NOT NULL,
          building_id   text             NOT NULL,
          sensor_id     text             NOT NULL,
          min_value     double precision NOT NULL,
          max_value     double precision NOT NULL,
          sum_value     double precision NOT NULL,
          reading_count bigint           NOT NULL,
          CONSTRAINT readings_rollup_archive_pk PRIMARY KEY (bucket, building_id, sensor_id)
      )
      """;

  /**
   * The source document's shape {@code (time, building_id, sensor_id, value, quality)} first, then
   * what the narrow row adds: the device, the unit, the series and how the time was obtained.
   */
  static final String CREATE_SOURCE_VIEW =
      """
      CREATE VIEW sensor_readings AS
      SELECT r.time, s.building_id, s.sensor_id, r.value,
             CASE r.quality & 3 WHEN 0 THEN 'good' WHEN 1 THEN 'uncertain' ELSE 'bad' END
                 AS quality,
             s.device_id, s.unit, r.series_id,
             CASE WHEN r.quality & 4 <> 0 THEN 'receipt' ELSE 'device' END AS timestamp_source
      FROM readings r
      JOIN series s ON s.id = r.series_id
      """;

  /**
   * The source document's hourly shape per building and sensor (devices merged), from the
   * per-series rollup and the archived hours of the wide layout.
   */
  static final String CREATE_SOURCE_HOURLY_VIEW =
      """
      CREATE OR REPLACE VIEW sensor_readings_hourly AS
      SELECT h.bucket, s.building_id, s.sensor_id,
             min(h.min_value) AS min_value,
             max(h.max_value) AS max_value,
             sum(h.avg_value * h.reading_count) / sum(h.reading_count) AS avg_value,
             sum(h.reading_count)::bigint AS reading_count
      FROM readings_hourly h
      JOIN series s ON s.id = h.series_id
      GROUP BY h.bucket, s.building_id, s.sensor_id
      UNION ALL
      SELECT bucket, building_id, sensor_id, min_value, max_value,
             sum_value / reading_count AS avg_value, reading_count
      FROM readings_rollup_archive
      """;

  // real-time aggregation (materialized_only = false): rows newer than the last refresh are
  // aggregated at query time, so readers see what the plain-PostgreSQL rollup shows
  static final String CREATE_TIMESCALE_AGGREGATE =
      """
      CREATE MATERIALIZED VIEW readings_hourly
      WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS
      SELECT series_id,
             time_bucket(INTERVAL '1 hour', time) AS bucket,
             min(value)  AS min_value,
             max(value)  AS max_value,
             avg(value)  AS avg_value,
             count(*)    AS reading_count
      FROM readings
      GROUP BY series_id, time_bucket(INTERVAL '1 hour', time)
      WITH DATA
      """;

  // ON CONFLICT on compressed chunks needs every column of the unique key among segmentby and
  // orderby (late and redelivered rows); series first makes one series' hours one segment
  static final String ENABLE_COMPRESSION =
      """
      ALTER TABLE readings SET (
          timescaledb.compress,
          timescaledb.compress_segmentby = 'series_id',
          timescaledb.compress_orderby = 'time DESC')
      """;

  // the primary key is the only index ingestion pays for (FIELD-NOTES: a time index costs a third)
  static final String CREATE_HYPERTABLE =
      """
      SELECT create_hypertable(relation => 'readings',
                               dimension => by_range('time', INTERVAL '1 day'),
                               create_default_indexes => false,
                               if_not_exists => true)
      """;

  private SeriesSchema() {}
}
