package de.vorlauf.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ModelSessionTest {

  @Test
  void aSessionReproducesTheHoldoutSampleRowByRowAndInABatch() {
    ModelBundle bundle = Fixture.bundle();
    HoldoutSample sample = bundle.holdoutSample();
    try (ModelSession session = ModelSession.open(bundle.files())) {
      float[] batch = session.predict(sample.inputs());
      for (int i = 0; i < sample.size(); i++) {
        assertThat(session.predict(Fixture.row(sample.inputs()[i]))).isEqualTo(batch[i]);
      }
      assertThat(ParityCheck.compare(sample.expectedWm2(), batch, sample.areaM2()).passed())
          .isTrue();
    }
  }

  @Test
  void aFlippedByteIsAChecksumError() {
    ModelFiles files = Fixture.files();
    byte[] flipped = files.onnx().clone();
    flipped[flipped.length / 2] ^= 0x10;
    assertRefused(new ModelFiles(flipped, files.manifest()), ModelException.Reason.CHECKSUM);
  }

  @Test
  void featuresInAnotherOrderAreAMismatch() {
    ModelFiles files = Fixture.files();
    assertRefused(
        new ModelFiles(files.onnx(), Fixture.swappedFeatures(files.manifest())),
        ModelException.Reason.MISMATCH);
    ModelManifest fewer = files.manifest().withFeatures(files.manifest().features().subList(0, 13));
    assertRefused(new ModelFiles(files.onnx(), fewer), ModelException.Reason.MISMATCH);
  }

  @Test
  void bytesThatAreNoGraphAreCorrupt() {
    byte[] junk = "this is not an ONNX graph".getBytes();
    assertRefused(
        new ModelFiles(junk, Fixture.files().manifest().withChecksumOf(junk)),
        ModelException.Reason.CORRUPT);
  }

  @Test
  void aRowOfTheWrongWidthOrANonFiniteResultIsAnErrorNotANumber() {
    try (ModelSession session = ModelSession.open(Fixture.files())) {
      assertThatThrownBy(() -> session.predict(new float[13]))
          .isInstanceOfSatisfying(
              ModelException.class,
              e -> assertThat(e.reason()).isEqualTo(ModelException.Reason.MISMATCH));
      float[] row = new float[14];
      Arrays.fill(row, Float.NaN);
      assertThatThrownBy(() -> session.predict(row))
          .isInstanceOfSatisfying(
              ModelException.class,
              e -> assertThat(e.reason()).isEqualTo(ModelException.Reason.NON_FINITE));
    }
  }

  @Test
  void closingTheOwnersReferenceClosesTheSessionOnceTheLastUserIsDone() {
    ModelSession session = ModelSession.open(Fixture.files());
    assertThat(session.acquire()).isTrue();
    session.close();
    session.close();
    assertThat(session.isClosed()).isFalse();
    assertThat(session.predict(new float[14])).isFinite();
    session.release();
    assertThat(session.isClosed()).isTrue();
    assertThat(session.acquire()).isFalse();
  }

  private static void assertRefused(ModelFiles files, ModelException.Reason reason) {
    assertThatThrownBy(() -> ModelSession.open(files))
        .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageContaining("heat-demand v1");
  }
}
