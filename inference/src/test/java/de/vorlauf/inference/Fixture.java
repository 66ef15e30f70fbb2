package de.vorlauf.inference;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The test model: a 14-8-8-1 heat-demand network trained by activities' {@code
 * TrainedModelInferenceTest} on its synthetic fleet and written with {@code
 * -Dinference.fixture=inference/src/test/resources/heat-demand-8-8} (graph, manifest as version 1,
 * holdout sample of 200 rows).
 */
final class Fixture {

  private Fixture() {}

  static Path directory() {
    try {
      return Path.of(Fixture.class.getResource("/heat-demand-8-8").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static ModelBundle bundle() {
    return ModelBundle.read(directory());
  }

  static ModelFiles files() {
    return bundle().files();
  }

  /** The manifest with two features swapped: the graph's checksum still matches. */
  static ModelManifest swappedFeatures(ModelManifest manifest) {
    List<ModelManifest.Feature> features = new ArrayList<>(manifest.features());
    Collections.swap(features, 0, 2);
    return manifest.withFeatures(features);
  }

  static float[] row(double[] x) {
    float[] row = new float[x.length];
    for (int c = 0; c < x.length; c++) {
      row[c] = (float) x[c];
    }
    return row;
  }
}
