package de.vorlauf.testdata;

import de.vorlauf.persistence.timeseries.QualityCode;
import de.vorlauf.persistence.timeseries.SeriesKey;
import de.vorlauf.simulator.physics.BuildingSpec;
import de.vorlauf.simulator.physics.FleetSpecs;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A built dataset: the buildings, their series and every reading, held as the tuples of a binary
 * {@code COPY readings (series_id, time, value, quality)} whose series id is the index into {@link
 * #series()} (the loader swaps in the database's ids), and the features the ETL computes from them.
 * Immutable; one instance per spec and JVM.
 */
public final class Dataset {

  /** Where this instance came from: built now, or read from the cache folder. */
  public enum Origin {
    GENERATED,
    CACHE_FILE
  }

  /** Bytes of one tuple: field count, then length and value of series, time, value, quality. */
  static final int TUPLE_BYTES = 2 + (4 + 4) + (4 + 8) + (4 + 8) + (4 + 2);

  static final long PG_EPOCH_SECONDS = 946_684_800L; // 2000-01-01T00:00:00Z

  private final DatasetSpec spec;
  private final String key;
  private final List<SeriesKey> series;
  private final byte[] tuples;
  private final List<DayFeatures> features;
  private final Origin origin;

  Dataset(
      DatasetSpec spec,
      String key,
      List<SeriesKey> series,
      byte[] tuples,
      List<DayFeatures> features,
      Origin origin) {
    if (tuples.length % TUPLE_BYTES != 0) {
      throw new IllegalArgumentException("tuples are not whole rows: " + tuples.length + " bytes");
    }
    this.spec = Objects.requireNonNull(spec);
    this.key = Objects.requireNonNull(key);
    this.series = List.copyOf(series);
    this.tuples = tuples;
    this.features = List.copyOf(features);
    this.origin = Objects.requireNonNull(origin);
  }

  public DatasetSpec spec() {
    return spec;
  }

  /** The cache key: a hash of the physics code, this fixture's code and the spec. */
  public String key() {
    return key;
  }

  public Origin origin() {
    return origin;
  }

  /** The simulated buildings, as the simulator drew them (configuration, envelope, equipment). */
  public List<BuildingSpec> buildings() {
    return FleetSpecs.generate(spec.seed(), spec.buildings(), spec.prefix());
  }

  /** The gateway that "sent" a building's readings. */
  public static String deviceOf(String buildingId) {
    return buildingId + "-gb";
  }

  /** Every series, in the order of the tuples' local ids. */
  public List<SeriesKey> series() {
    return series;
  }

  public int readings() {
    return tuples.length / TUPLE_BYTES;
  }

  /** Loads the dataset's readings into a migrated database (see {@link TestDataLoader#load}). */
  public TestDataLoader.Loaded loadInto(DataSource database) {
    return TestDataLoader.load(database, this);
  }

  /**
   * The features of the readings, one entry per building and local day that holds a reading, in
   * building and date order: what the ETL computes from them (see {@code SimulatedFeatures}).
   */
  public List<DayFeatures> features() {
    return features;
  }

  /** Feature rows over every building-day. */
  public int featureRows() {
    return features.stream().mapToInt(d -> d.rows().size()).sum();
  }

  /**
   * Loads the features into {@code building_features} of a database that holds this dataset's
   * readings (see {@link TestDataLoader#loadFeatures}).
   */
  public long loadFeaturesInto(DataSource database) {
    return TestDataLoader.loadFeatures(database, this);
  }

  /** This dataset with {@code computed} as its features. */
  Dataset withFeatures(List<DayFeatures> computed) {
    return new Dataset(spec, key, series, tuples, computed, origin);
  }

  /** Every reading in order (building, time, sensor), for checks against what a test read back. */
  public void forEachReading(ReadingConsumer consumer) {
    ByteBuffer rows = ByteBuffer.wrap(tuples);
    while (rows.hasRemaining()) {
      rows.getShort(); // field count
      rows.getInt();
      int local = rows.getInt();
      rows.getInt();
      long micros = rows.getLong();
      rows.getInt();
      double value = rows.getDouble();
      rows.getInt();
      short quality = rows.getShort();
      long seconds = PG_EPOCH_SECONDS + Math.floorDiv(micros, 1_000_000L);
      consumer.accept(
          series.get(local),
          Instant.ofEpochSecond(seconds, Math.floorMod(micros, 1_000_000L) * 1_000L),
          value,
          quality);
    }
  }

  /** The tuples with each local series index replaced by {@code ids[index]}. */
  byte[] tuplesWithIds(int[] ids) {
    byte[] copy = tuples.clone();
    ByteBuffer rows = ByteBuffer.wrap(copy);
    for (int at = 0; at < copy.length; at += TUPLE_BYTES) {
      int seriesAt = at + 2 + 4;
      rows.putInt(seriesAt, ids[rows.getInt(seriesAt)]);
    }
    return copy;
  }

  byte[] tuples() {
    return tuples;
  }

  /** One reading of {@link #forEachReading}. */
  @FunctionalInterface
  public interface ReadingConsumer {
    /**
     * @param qualityCode the {@code readings.quality} column ({@link QualityCode})
     */
    void accept(SeriesKey series, Instant time, double value, short qualityCode);
  }

  @Override
  public String toString() {
    return "Dataset["
        + spec.describe()
        + ", "
        + readings()
        + " readings, "
        + featureRows()
        + " feature rows, "
        + origin
        + "]";
  }
}
