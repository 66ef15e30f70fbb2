package de.vorlauf.activities.training;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.training.BuildingHistory;
import de.vorlauf.domain.training.DemandDatasetBuilder;
import de.vorlauf.domain.training.DemandFeature;
import de.vorlauf.domain.training.DemandSample;
import de.vorlauf.domain.training.TimeSplit;
import de.vorlauf.inference.HoldoutSample;
import de.vorlauf.inference.ModelBundle;
import de.vorlauf.inference.ModelFiles;
import de.vorlauf.inference.ModelKey;
import de.vorlauf.inference.ModelManifest;
import de.vorlauf.inference.ModelSessions;
import de.vorlauf.inference.ParityCheck;
import de.vorlauf.inference.VerifyModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model trained by the real engine, served by the inference module: every holdout row equals
 * DL4J's prediction within the export tolerance, and the files a training run records (graph,
 * {@code manifest.json}, {@code holdout-sample.csv}) pass the verification command. With {@code
 * -Dinference.fixture=<dir>} the bundle is also written there (how the inference module's test
 * fixture was made).
 */
class TrainedModelInferenceTest {

  private static final Instant FROM = SmallFleet.FROM;
  private static final Instant TO = SmallFleet.TO;

  private static List<BuildingHistory> histories;
  private static TrainingResult trained;

  @BeforeAll
  static void train() throws Exception {
    histories = SmallFleet.histories();
    trained =
        new HeatDemandTrainer("test")
            .train(
                SmallFleet.PARAMETERS, SyntheticFleet.data(histories), TrainingProgress.NONE, null);
    String fixture = System.getProperty("inference.fixture");
    if (fixture != null) {
      write(Path.of(fixture), trained.onnx(), trained.manifest().withVersion(1));
    }
  }

  @Test
  void theInferenceModuleEqualsDl4jOnEveryHoldoutRow() {
    List<DemandSample> holdout =
        DemandDatasetBuilder.build(
                histories, TimeSplit.of(FROM, TO, 0.15, 0.15, Duration.ofDays(1)), 1, 0.8)
            .part(TimeSplit.Part.HOLDOUT);
    assertThat(holdout).hasSize(trained.holdout().size()).hasSizeGreaterThan(100);
    double[] area = holdout.stream().mapToDouble(DemandSample::areaM2).toArray();
    float[] dl4j = new float[holdout.size()];
    float[] flat = new float[holdout.size() * DemandFeature.count()];
    for (int i = 0; i < dl4j.length; i++) {
      dl4j[i] = (float) (trained.holdout().get(i).modelKw() * 1000 / area[i]);
      double[] x = holdout.get(i).features();
      for (int c = 0; c < x.length; c++) {
        flat[i * x.length + c] = (float) x[c];
      }
    }
    ModelKey key = new ModelKey("heat-demand", 1);
    ModelFiles files = new ModelFiles(trained.onnx(), trained.manifest().withVersion(1));
    try (ModelSessions sessions = new ModelSessions(k -> files, 2)) {
      float[] batch = sessions.predict(key, flat, holdout.size());
      float[] single = new float[batch.length];
      for (int i = 0; i < single.length; i++) {
        float[] row = new float[DemandFeature.count()];
        System.arraycopy(flat, i * row.length, row, 0, row.length);
        single[i] = sessions.predict(key, row);
      }
      assertThat(single).containsExactly(batch);
      ParityCheck.Report report = ParityCheck.compare(dl4j, batch, area);
      assertThat(report.rows()).isEqualTo(holdout.size());
      assertThat(report.passed()).as(report.worst()).isTrue();
      assertThat(sessions.loads()).isEqualTo(1);
    }
  }

  @Test
  void theRecordedFilesPassTheVerificationCommandAndATamperedGraphFails(@TempDir Path dir)
      throws Exception {
    HoldoutSample sample = trained.holdoutSample();
    assertThat(sample.size()).isEqualTo(HeatDemandTrainer.HOLDOUT_SAMPLE_ROWS);
    assertThat(sample.features()).isEqualTo(DemandFeature.columns());
    assertThat(trained.manifest().featureNames()).isEqualTo(DemandFeature.columns());
    assertThat(trained.manifest().onnx().sha256()).isEqualTo(trained.onnxSha256());
    assertThat(trained.manifest().trainingWindow()).isEqualTo(new ModelManifest.Window(FROM, TO));

    Path good = dir.resolve("good");
    write(good, trained.onnx(), trained.manifest());
    assertThat(verify(good)).startsWith("0\n").contains("PASS");

    byte[] flipped = trained.onnx().clone();
    flipped[flipped.length - 20] ^= 0x01;
    Path tampered = dir.resolve("tampered");
    write(tampered, flipped, trained.manifest());
    assertThat(verify(tampered)).startsWith("1\n").contains("FAIL (CHECKSUM)");
  }

  private static String verify(Path bundle) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = VerifyModel.run(new String[] {bundle.toString()}, new PrintStream(out, true));
    return code + "\n" + out.toString(StandardCharsets.UTF_8);
  }

  private static void write(Path dir, byte[] onnx, ModelManifest manifest) throws Exception {
    Files.createDirectories(dir);
    Files.write(dir.resolve("heat-demand.onnx"), onnx);
    Files.write(dir.resolve(ModelBundle.MANIFEST), manifest.toJson());
    Files.write(dir.resolve(ModelBundle.HOLDOUT_SAMPLE), trained.holdoutSample().toCsv());
  }
}
