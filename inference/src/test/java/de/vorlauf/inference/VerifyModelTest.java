package de.vorlauf.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway maker's command on the fixture, as a directory and as the registry's zip. */
class VerifyModelTest {

  @TempDir Path dir;

  @Test
  void aGoodBundlePassesAsADirectoryAndAsAZip() throws Exception {
    Outcome directory = run(Fixture.directory().toString());
    assertThat(directory.code).as(directory.report).isZero();
    assertThat(directory.report)
        .contains("heat-demand v1", "matches the manifest", "200 rows", "PASS");
    Outcome zip = run(zip(files()).toString());
    assertThat(zip.code).as(zip.report).isZero();
  }

  @Test
  void aTamperedGraphFailsWithExitCodeOne() throws Exception {
    Map<String, byte[]> files = files();
    byte[] onnx = files.get("heat-demand.onnx");
    onnx[onnx.length - 30] ^= 0x04;
    Outcome outcome = run(zip(files).toString());
    assertThat(outcome.code).isEqualTo(1);
    assertThat(outcome.report).contains("FAIL (CHECKSUM)").doesNotContain("PASS");
  }

  @Test
  void featuresInAnotherOrderOrOtherExpectedPredictionsFail() throws Exception {
    Map<String, byte[]> files = files();
    ModelManifest manifest = ModelManifest.fromJson(files.get(ModelBundle.MANIFEST));
    files.put(ModelBundle.MANIFEST, Fixture.swappedFeatures(manifest).toJson());
    assertThat(run(zip(files).toString()).code).isEqualTo(1);

    // the sample's columns swapped too: then the graph's own feature order refuses the manifest
    HoldoutSample sample = Fixture.bundle().holdoutSample();
    files.put(
        ModelBundle.HOLDOUT_SAMPLE,
        new HoldoutSample(
                Fixture.swappedFeatures(manifest).featureNames(),
                sample.inputs(),
                sample.areaM2(),
                sample.expectedWm2())
            .toCsv());
    Outcome mismatch = run(zip(files).toString());
    assertThat(mismatch.code).isEqualTo(1);
    assertThat(mismatch.report).contains("FAIL (MISMATCH)", "feature order");

    Map<String, byte[]> shifted = files();
    float[] expected = sample.expectedWm2().clone();
    expected[17] *= 1.001f;
    shifted.put(
        ModelBundle.HOLDOUT_SAMPLE,
        new HoldoutSample(sample.features(), sample.inputs(), sample.areaM2(), expected).toCsv());
    Outcome differ = run(zip(shifted).toString());
    assertThat(differ.code).isEqualTo(1);
    assertThat(differ.report).contains("FAIL: predictions differ", "row 17 of 200");
  }

  @Test
  void aBundleWithoutItsSampleOrAWrongCallFails() throws Exception {
    Map<String, byte[]> files = files();
    files.remove(ModelBundle.HOLDOUT_SAMPLE);
    assertThat(run(zip(files).toString()).report).contains("FAIL: no holdout-sample.csv");
    assertThat(run(dir.resolve("nothing-here").toString()).code).isEqualTo(1);
    assertThat(run().code).isEqualTo(2);
  }

  private Map<String, byte[]> files() throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String name :
        new String[] {"heat-demand.onnx", ModelBundle.MANIFEST, ModelBundle.HOLDOUT_SAMPLE}) {
      files.put(name, Files.readAllBytes(Fixture.directory().resolve(name)));
    }
    return files;
  }

  /** A zip as a download might be: the files in a folder of their own. */
  private Path zip(Map<String, byte[]> files) throws Exception {
    Path zip = Files.createTempFile(dir, "bundle", ".zip");
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream entries = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        entries.putNextEntry(new ZipEntry("heat-demand-v1/" + file.getKey()));
        entries.write(file.getValue());
        entries.closeEntry();
      }
    }
    return zip;
  }

  private record Outcome(int code, String report) {}

  private static Outcome run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = VerifyModel.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
    return new Outcome(code, out.toString(StandardCharsets.UTF_8));
  }
}
