package de.vorlauf.activities.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import de.vorlauf.domain.training.BuildingHistory;
import de.vorlauf.domain.training.DemandDatasetBuilder;
import de.vorlauf.domain.training.DemandFeature;
import de.vorlauf.domain.training.DemandSample;
import de.vorlauf.domain.training.HourAggregate;
import de.vorlauf.domain.training.TimeSplit;
import de.vorlauf.domain.training.TrainingData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine on a small synthetic fleet: 4 buildings × 3 weeks, an 8-8 MLP, a few epochs. */
class HeatDemandTrainerTest {

  private static final Instant FROM = SmallFleet.FROM;
  private static final Instant TO = SmallFleet.TO;
  private static final TrainingParameters PARAMETERS = SmallFleet.PARAMETERS;

  private static List<BuildingHistory> histories;
  private static TrainingData data;
  private static TrainingResult first;
  private static List<TrainingCheckpoint> checkpoints = new ArrayList<>();

  @BeforeAll
  static void trainOnce() {
    histories = SmallFleet.histories();
    data = SyntheticFleet.data(histories);
    first =
        new HeatDemandTrainer("test")
            .train(PARAMETERS, data, (loss, checkpoint) -> checkpoints.add(checkpoint), null);
  }

  @Test
  void theResultHoldsWhatARunRecords() {
    assertThat(first.lineage()).isEqualTo(data.lineage());
    assertThat(first.dataFingerprint()).hasSize(64);
    assertThat(first.features()).hasSize(DemandFeature.count());
    assertThat(first.network()).isEqualTo("14-8-8-1 relu");
    assertThat(first.lossCurve()).hasSize(checkpoints.size()).isNotEmpty();
    assertThat(first.lossCurve().get(0).epoch()).isEqualTo(1);
    assertThat(first.bestEpoch()).isBetween(1, PARAMETERS.maxEpochs());
    assertThat(first.dataset().trainRows()).isGreaterThan(first.dataset().holdoutRows());
    assertThat(first.holdout()).hasSize((int) first.dataset().holdoutRows());
    assertThat(first.importance()).hasSize(DemandFeature.count());
    assertThat(first.driftReference().rows()).hasNumberOfRows(100);
    assertThat(first.onnx()).isNotEmpty();
    assertThat(first.onnxSha256()).hasSize(64);
    assertThat(first.parity().maxRatio()).isLessThanOrEqualTo(1.0);
    assertThat(first.parity().rows()).isEqualTo(first.holdout().size());
    for (String model :
        List.of(TrainingResult.MODEL, TrainingResult.DEGREE_HOURS, TrainingResult.PERSISTENCE)) {
      for (String type : List.of("all", "gas", "fernwaerme", "waermepumpe", "hybrid")) {
        assertThat(first.metric(model, type).rmse()).as(model + " " + type).isPositive();
      }
    }
    // the synthetic demand follows the outdoor temperature: the forecast's degree hours matter
    assertThat(first.metric("mlp", "all").r2()).isGreaterThan(0.5);
  }

  @Test
  void theGraphIsIr8Opset17WithADynamicBatch() throws Exception {
    ModelProto model = ModelProto.parseFrom(first.onnx());
    assertThat(model.getIrVersion()).isEqualTo(8);
    assertThat(model.getOpsetImport(0).getVersion()).isEqualTo(17);
    var input = model.getGraph().getInput(0);
    assertThat(input.getName()).isEqualTo(OnnxExporter.INPUT);
    assertThat(input.getType().getTensorType().getShape().getDim(0).getDimParam())
        .isEqualTo("batch");
    assertThat(input.getType().getTensorType().getShape().getDim(1).getDimValue())
        .isEqualTo(DemandFeature.count());
    double[][] rows = new double[3][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = first.driftReference().rows()[i];
    }
    float[] batch = OnnxParity.predict(first.onnx(), first.manifest(), rows);
    float[] single = OnnxParity.predict(first.onnx(), first.manifest(), new double[][] {rows[2]});
    assertThat(batch).hasSize(3);
    assertThat(single[0]).isEqualTo(batch[2]);
  }

  @Test
  void theSameSeedAndDataGiveTheSameWeights() {
    TrainingResult again =
        new HeatDemandTrainer("test").train(PARAMETERS, data, TrainingProgress.NONE, null);
    assertThat(again.onnx()).isEqualTo(first.onnx());
    assertThat(again.lossCurve()).isEqualTo(first.lossCurve());
    TrainingResult otherSeed =
        new HeatDemandTrainer("test")
            .train(
                PARAMETERS.withNetwork(List.of(8, 8), 1, 3).withSeed(8),
                data,
                TrainingProgress.NONE,
                null);
    TrainingResult sameSeedOneEpoch =
        new HeatDemandTrainer("test")
            .train(PARAMETERS.withNetwork(List.of(8, 8), 1, 3), data, TrainingProgress.NONE, null);
    assertThat(otherSeed.onnx()).isNotEqualTo(sameSeedOneEpoch.onnx());
  }

  @Test
  void aResumedRunEndsWhereAnUninterruptedOneDoes() {
    TrainingCheckpoint afterTwo = TrainingCheckpoint.fromBytes(checkpoints.get(1).toBytes());
    assertThat(afterTwo.epoch()).isEqualTo(2);
    List<EpochLoss> seen = new ArrayList<>();
    TrainingResult resumed =
        new HeatDemandTrainer("test")
            .train(PARAMETERS, data, (loss, checkpoint) -> seen.add(loss), afterTwo);
    assertThat(seen.get(0).epoch()).isEqualTo(3);
    assertThat(resumed.lossCurve()).isEqualTo(first.lossCurve());
    assertThat(resumed.bestEpoch()).isEqualTo(first.bestEpoch());
    assertThat(resumed.onnx()).isEqualTo(first.onnx());
  }

  @Test
  void earlyStoppingEndsAfterPatienceAndKeepsTheBestEpoch() {
    // demand that is noise: the validation loss stops improving after a few epochs
    SplittableRandom random = new SplittableRandom(5);
    List<BuildingHistory> noise =
        histories.stream()
            .map(
                h ->
                    new BuildingHistory(
                        h.building(),
                        h.hours().stream()
                            .map(
                                a ->
                                    new HourAggregate(
                                        a.hour(),
                                        random.nextDouble() * 50,
                                        4,
                                        a.outdoorC(),
                                        1.0,
                                        a.localHour(),
                                        a.offDay()))
                            .toList()))
            .toList();
    List<TrainingCheckpoint> seen = new ArrayList<>();
    TrainingResult result =
        new HeatDemandTrainer("test")
            .train(
                PARAMETERS.withNetwork(List.of(8, 8), 40, 2),
                SyntheticFleet.data(noise),
                (loss, checkpoint) -> seen.add(checkpoint),
                null);
    assertThat(result.stoppedEarly()).isTrue();
    assertThat(result.lossCurve()).hasSize(result.bestEpoch() + 2).hasSizeLessThan(40);
    assertThat(seen.get(seen.size() - 1).bestEpoch()).isEqualTo(result.bestEpoch());
    double best = result.lossCurve().get(result.bestEpoch() - 1).validationLoss();
    assertThat(result.lossCurve()).allMatch(l -> l.validationLoss() >= best);
  }

  @Test
  void aCheckpointOfOtherParametersIsRefused() {
    assertThatThrownBy(
            () ->
                new HeatDemandTrainer("test")
                    .train(
                        PARAMETERS.withSeed(99), data, TrainingProgress.NONE, checkpoints.get(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("other parameters");
  }

  @Test
  void aTamperedGraphFailsTheParityCheck() throws Exception {
    ModelProto model = ModelProto.parseFrom(first.onnx());
    ModelProto.Builder tampered = model.toBuilder();
    var graph = tampered.getGraphBuilder();
    for (int i = 0; i < graph.getInitializerCount(); i++) {
      TensorProto t = graph.getInitializer(i);
      if (t.getName().equals("b2")) {
        // the output bias: moves every prediction by 0.01 normalised units
        graph.setInitializer(i, t.toBuilder().setFloatData(0, t.getFloatData(0) + 0.01f));
      }
    }
    // the holdout's inputs, as the trainer built them; DL4J's predictions from the result
    List<DemandSample> holdout =
        DemandDatasetBuilder.build(
                histories, TimeSplit.of(FROM, TO, 0.15, 0.15, Duration.ofDays(1)), 1, 0.8)
            .part(TimeSplit.Part.HOLDOUT);
    assertThat(holdout).hasSize(first.holdout().size());
    double[][] x = holdout.stream().map(DemandSample::features).toArray(double[][]::new);
    double[] area = holdout.stream().mapToDouble(DemandSample::areaM2).toArray();
    float[] dl4j = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      dl4j[i] = (float) (first.holdout().get(i).modelKw() * 1000 / area[i]);
    }
    assertThat(OnnxParity.check(first.onnx(), first.manifest(), x, dl4j, area).maxRatio())
        .isLessThanOrEqualTo(1);
    byte[] bytes = tampered.build().toByteArray();
    // with a manifest of its own checksum the graph loads, and parity catches the change
    assertThatThrownBy(
            () -> OnnxParity.check(bytes, first.manifest().withChecksumOf(bytes), x, dl4j, area))
        .isInstanceOf(OnnxParity.ParityException.class)
        .hasMessageContaining("disagrees");
    // with the original manifest it does not even load
    assertThatThrownBy(() -> OnnxParity.check(bytes, first.manifest(), x, dl4j, area))
        .isInstanceOf(OnnxParity.ParityException.class)
        .hasMessageContaining("CHECKSUM");
  }
}
