package de.vorlauf.domain.config;

import static de.vorlauf.domain.config.ReadBy.WILDFLY;
import static de.vorlauf.domain.config.ReadBy.WORKER;

import java.time.Duration;
import java.util.List;

/**
 * Retention, chunks and partitions of the readings. The ranges are the storage's own limits; that
 * the rollups outlive the raw readings is checked where both are known (StorageSettings).
 */
public final class StorageVars {

  /** Both ingestion paths refuse readings older than this, so both read it. */
  public static final EnvVar<Duration> RAW_RETENTION =
      EnvVar.duration("VORLAUF_STORAGE_RAW_RETENTION", "P2D")
          .byDefault("P90D")
          .readBy(WORKER, WILDFLY)
          .means("raw readings kept this long (older ones are dropped and refused at ingest)");

  public static final EnvVar<Duration> ROLLUP_RETENTION =
      EnvVar.duration("VORLAUF_STORAGE_ROLLUP_RETENTION", "P2D")
          .byDefault("P730D")
          .readBy(WORKER)
          .means("hourly rollups kept this long; not shorter than the raw retention");

  public static final EnvVar<Duration> CHUNK_INTERVAL =
      EnvVar.duration("VORLAUF_STORAGE_CHUNK_INTERVAL", "PT1H")
          .byDefault("P1D")
          .readBy(WORKER)
          .means("TimescaleDB chunk interval (plain PostgreSQL: daily partitions)");

  public static final EnvVar<Duration> COMPRESS_AFTER =
      EnvVar.duration("VORLAUF_STORAGE_COMPRESS_AFTER", "PT0S")
          .byDefault("P7D")
          .readBy(WORKER)
          .means("TimescaleDB compression policy");

  public static final EnvVar<Integer> PARTITIONS_AHEAD =
      EnvVar.integer("VORLAUF_STORAGE_PARTITIONS_AHEAD", 1, 366)
          .byDefault("7")
          .readBy(WORKER)
          .means("plain PostgreSQL: daily partitions created this many days ahead");

  /** Each writer keeps the ids of this many series; one series is a building's device's sensor. */
  public static final EnvVar<Integer> SERIES_CACHE =
      EnvVar.integer("VORLAUF_STORAGE_SERIES_CACHE", 1_000, 10_000_000)
          .byDefault("100000")
          .readBy(WORKER)
          .means("series ids cached per reading writer (least recently used evicted beyond)");

  public static final List<EnvVar<?>> ALL =
      List.of(
          RAW_RETENTION,
          ROLLUP_RETENTION,
          CHUNK_INTERVAL,
          COMPRESS_AFTER,
          PARTITIONS_AHEAD,
          SERIES_CACHE);

  private StorageVars() {}
}
