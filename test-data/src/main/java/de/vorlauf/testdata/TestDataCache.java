package de.vorlauf.testdata;

import de.vorlauf.domain.features.FeatureCalculator;
import de.vorlauf.domain.heating.HeatingCurve;
import de.vorlauf.persistence.timeseries.SeriesKey;
import de.vorlauf.simulator.physics.BuildingSimulation;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds each dataset once and keeps it: in memory for the JVM, and as a file in a cache folder for
 * every later test JVM and build. The file's name is a SHA-256 of the spec, of the simulator's
 * physics classes, the domain's heating classes they use, the domain's feature rules (the package
 * of {@link FeatureCalculator}: the features are cached with the readings) and this fixture's own
 * classes: a change to any of them is a cache miss, never stale data. Default folder: {@code
 * ~/.cache/vorlauf/testdata} ({@code $XDG_CACHE_HOME/vorlauf/testdata} when set), or the system
 * property {@value #DIR_PROPERTY}. Files are written to a temporary name and renamed, so parallel
 * builds never read half a file; files unused for {@link #UNUSED_FOR} are removed.
 */
public final class TestDataCache {

  public static final String DIR_PROPERTY = "vorlauf.testdata.dir";

  static final Duration UNUSED_FOR = Duration.ofDays(30);

  private static final Logger log = LoggerFactory.getLogger(TestDataCache.class);
  private static final int MAGIC = 0x564c5444; // "VLTD"
  private static final int FORMAT = 2; // 2: the features after the readings
  private static final TestDataCache SHARED = new TestDataCache(defaultDir());

  private final Path dir;
  private final Map<DatasetSpec, Dataset> loaded = new ConcurrentHashMap<>();

  private TestDataCache(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  /** The cache of the default folder, one per JVM: what tests use. */
  public static TestDataCache shared() {
    return SHARED;
  }

  /**
   * A new cache of {@code dir} with nothing in memory yet: its first get of a spec reads the folder
   * (or builds). For tests of the cache itself.
   */
  public static TestDataCache in(Path dir) {
    return new TestDataCache(dir);
  }

  public Path dir() {
    return dir;
  }

  /** The dataset of {@code spec}: from memory, else from the folder, else built and stored. */
  public Dataset get(DatasetSpec spec) {
    return loaded.computeIfAbsent(spec, this::readOrBuild);
  }

  /** The file a spec's dataset is kept in. */
  public Path fileOf(DatasetSpec spec) {
    return dir.resolve(keyOf(spec) + ".bin");
  }

  private Dataset readOrBuild(DatasetSpec spec) {
    String key = keyOf(spec);
    Path file = dir.resolve(key + ".bin");
    long started = System.nanoTime();
    if (Files.isRegularFile(file)) {
      try {
        Dataset dataset = read(file, spec, key);
        touch(file);
        log.info(
            "test data {} read from {} in {} ms",
            dataset,
            file,
            (System.nanoTime() - started) / 1_000_000);
        return dataset;
      } catch (IOException | RuntimeException e) {
        log.warn("test data cache file {} unreadable, building it again: {}", file, e.toString());
      }
    }
    Dataset readings = SimulatedReadings.generate(spec, key);
    long simulated = System.nanoTime();
    Dataset dataset = readings.withFeatures(SimulatedFeatures.compute(readings));
    log.info(
        "test data {} built in {} ms (features {} ms)",
        dataset,
        (System.nanoTime() - started) / 1_000_000,
        (System.nanoTime() - simulated) / 1_000_000);
    try {
      write(file, dataset);
      removeUnused(file);
    } catch (IOException e) {
      // a read-only or full disk costs the next JVM a rebuild, not this test
      log.warn("test data not cached in {}: {}", dir, e.toString());
    }
    return dataset;
  }

  private void write(Path file, Dataset dataset) throws IOException {
    Files.createDirectories(dir);
    Path temporary = Files.createTempFile(dir, dataset.key(), ".part");
    try {
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(dataset.key());
        out.writeInt(dataset.series().size());
        for (SeriesKey series : dataset.series()) {
          out.writeUTF(series.buildingId());
          out.writeUTF(series.deviceId());
          out.writeUTF(series.sensorId());
          out.writeUTF(series.unit());
        }
        out.writeInt(dataset.tuples().length);
        out.write(dataset.tuples());
        FeatureCodec.write(out, dataset.features());
      }
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static Dataset read(Path file, DatasetSpec spec, String key) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (in.readInt() != MAGIC || in.readInt() != FORMAT || !in.readUTF().equals(key)) {
        throw new IOException("not a test data file of key " + key);
      }
      int count = in.readInt();
      List<SeriesKey> series = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        series.add(new SeriesKey(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF()));
      }
      byte[] tuples = new byte[in.readInt()];
      in.readFully(tuples);
      List<DayFeatures> features = FeatureCodec.read(in);
      if (in.read() != -1) {
        throw new IOException("trailing bytes");
      }
      return new Dataset(spec, key, series, tuples, features, Dataset.Origin.CACHE_FILE);
    }
  }

  private static void touch(Path file) {
    try {
      Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
    } catch (IOException e) {
      // only the clean-up of unused files looks at it
    }
  }

  private void removeUnused(Path keep) {
    Instant before = Instant.now().minus(UNUSED_FOR);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (!file.equals(keep)
            && file.getFileName().toString().endsWith(".bin")
            && Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      // left for the next build
    }
  }

  /** The cache key of {@code spec} with the current code. */
  static String keyOf(DatasetSpec spec) {
    MessageDigest digest = sha256();
    digest.update(
        ("format " + FORMAT + "\n" + spec.describe() + "\n").getBytes(StandardCharsets.UTF_8));
    for (Class<?> anchor :
        List.of(
            BuildingSimulation.class, HeatingCurve.class, FeatureCalculator.class, Dataset.class)) {
      for (Map.Entry<String, byte[]> entry : classesOfPackage(anchor).entrySet()) {
        digest.update(entry.getKey().getBytes(StandardCharsets.UTF_8));
        digest.update(entry.getValue());
      }
    }
    return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
  }

  /** The class files of {@code anchor}'s package (not its sub-packages), by name. */
  static Map<String, byte[]> classesOfPackage(Class<?> anchor) {
    String prefix = anchor.getPackageName().replace('.', '/') + "/";
    Map<String, byte[]> classes = new TreeMap<>();
    try {
      Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(location)) {
        try (Stream<Path> files = Files.list(location.resolve(prefix))) {
          for (Path file : (Iterable<Path>) files::iterator) {
            String name = file.getFileName().toString();
            if (name.endsWith(".class")) {
              classes.put(prefix + name, Files.readAllBytes(file));
            }
          }
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
            String name = entry.getName();
            if (name.startsWith(prefix)
                && name.endsWith(".class")
                && name.indexOf('/', prefix.length()) < 0) {
              classes.put(name, jar.getInputStream(entry).readAllBytes());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    if (classes.isEmpty()) {
      throw new IllegalStateException("no classes found for " + anchor.getPackageName());
    }
    return classes;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path defaultDir() {
    String configured = System.getProperty(DIR_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("vorlauf").resolve("testdata");
  }
}
