package de.vorlauf.activities.training;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The trained network (best validation weights restored) with its normalisation.
 *
 * @param losses one per epoch run
 * @param bestEpoch the epoch whose weights the network has
 * @param stoppedEarly the validation loss stopped improving before {@code maxEpochs}
 */
public record TrainedMlp(
    MultiLayerNetwork network,
    Standardisation standardisation,
    List<EpochLoss> losses,
    int bestEpoch,
    boolean stoppedEarly) {

  public TrainedMlp {
    losses = List.copyOf(losses);
  }

  /** Predictions in W/m² for raw (not normalised) input rows, in float as served. */
  public float[] predictWm2(double[][] x) {
    int columns = standardisation.mean().length;
    INDArray input = Nd4j.create(standardisation.normalise(x), new long[] {x.length, columns}, 'c');
    float[] z = network.output(input, false).reshape(x.length).toFloatVector();
    float[] out = new float[z.length];
    for (int i = 0; i < z.length; i++) {
      out[i] = standardisation.denormaliseTarget(z[i]);
    }
    return out;
  }

  /** {@link #predictWm2} widened to double. */
  public double[] predictWm2Double(double[][] x) {
    float[] p = predictWm2(x);
    double[] out = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = p[i];
    }
    return out;
  }
}
