package de.vorlauf.testdata;

/**
 * The ML tests' entry point: {@code TestData.standard().loadInto(database)}, or a test class's
 * database copied from {@link MigratedWithTestData} (or {@link MigratedWithTestDataAndFeatures}):
 * the readings, and the ETL's features of them ({@link Dataset#features()}).
 */
public final class TestData {

  private TestData() {}

  /** {@link DatasetSpec#STANDARD}, built once per JVM and cached across builds. */
  public static Dataset standard() {
    return dataset(DatasetSpec.STANDARD);
  }

  public static Dataset dataset(DatasetSpec spec) {
    return TestDataCache.shared().get(spec);
  }
}
