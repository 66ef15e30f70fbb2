package de.vorlauf.activities.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.ViewIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Trains the MLP regressor: ReLU hidden layers, a linear output, mean squared error, Adam, Xavier
 * weights from the seed. Every epoch visits the training rows in an order drawn from {@code seed}
 * and the epoch number alone (not from the previous epoch's order), so a run resumed from a
 * checkpoint sees the same batches as one never interrupted. Early stopping keeps the weights of
 * the best validation loss; {@code patience} epochs without a better one end the training.
 *
 * <p>Same seed, data and thread count ({@code OMP_NUM_THREADS}) give bit-identical weights.
 */
final class MlpTrainer {

  private final TrainingParameters parameters;
  private final String dataFingerprint;

  MlpTrainer(TrainingParameters parameters, String dataFingerprint) {
    this.parameters = parameters;
    this.dataFingerprint = dataFingerprint;
  }

  /**
   * @param train normalised inputs (rows × columns, row by row) and targets
   * @param resume a checkpoint of this data and these parameters, or null to start afresh
   */
  TrainedMlp train(
      Matrix train,
      Matrix validation,
      Standardisation standardisation,
      TrainingProgress progress,
      TrainingCheckpoint resume) {
    MultiLayerNetwork net;
    List<EpochLoss> losses = new ArrayList<>();
    INDArray best;
    int bestEpoch = 0;
    double bestLoss = Double.POSITIVE_INFINITY;
    int without = 0;
    int start = 1;
    if (resume == null) {
      net = new MultiLayerNetwork(configuration(train.columns()));
      net.init();
      best = net.params().dup();
    } else {
      check(resume);
      net = restore(resume.model());
      losses.addAll(resume.losses());
      best = Nd4j.createFromArray(resume.bestParams()).reshape(1, resume.bestParams().length);
      bestEpoch = resume.bestEpoch();
      bestLoss = resume.bestValidationLoss();
      without = resume.epochsWithoutImprovement();
      start = resume.epoch() + 1;
    }
    DataSet trainAll = train.dataSet();
    DataSet validationAll = validation.dataSet();
    boolean stopped = without >= parameters.patience();
    for (int epoch = start; epoch <= parameters.maxEpochs() && !stopped; epoch++) {
      net.fit(new ViewIterator(train.shuffled(parameters.seed(), epoch), parameters.batchSize()));
      double trainLoss = net.score(trainAll);
      double validationLoss = net.score(validationAll);
      if (validationLoss < bestLoss) {
        bestLoss = validationLoss;
        bestEpoch = epoch;
        best = net.params().dup();
        without = 0;
      } else {
        without++;
      }
      EpochLoss loss = new EpochLoss(epoch, trainLoss, validationLoss);
      losses.add(loss);
      stopped = without >= parameters.patience();
      progress.epochDone(
          loss,
          new TrainingCheckpoint(
              epoch,
              serialise(net),
              best.toFloatVector(),
              bestEpoch,
              bestLoss,
              without,
              losses,
              dataFingerprint,
              parameters.toString()));
    }
    net.setParams(best);
    return new TrainedMlp(net, standardisation, losses, bestEpoch, stopped);
  }

  MultiLayerConfiguration configuration(int inputs) {
    NeuralNetConfiguration.ListBuilder list =
        new NeuralNetConfiguration.Builder()
            .seed(parameters.seed())
            .dataType(DataType.FLOAT)
            .weightInit(WeightInit.XAVIER)
            .updater(new Adam(parameters.learningRate()))
            .list();
    int in = inputs;
    for (int width : parameters.hiddenLayers()) {
      list.layer(new DenseLayer.Builder().nIn(in).nOut(width).activation(Activation.RELU).build());
      in = width;
    }
    list.layer(
        new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
            .nIn(in)
            .nOut(1)
            .activation(Activation.IDENTITY)
            .build());
    return list.build();
  }

  private void check(TrainingCheckpoint resume) {
    if (!resume.dataFingerprint().equals(dataFingerprint)) {
      throw new IllegalArgumentException(
          "the checkpoint is of other data (" + resume.dataFingerprint() + "), not resumed");
    }
    if (!resume.parameters().equals(parameters.toString())) {
      throw new IllegalArgumentException("the checkpoint is of other parameters, not resumed");
    }
  }

  static byte[] serialise(MultiLayerNetwork net) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ModelSerializer.writeModel(net, bytes, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static MultiLayerNetwork restore(byte[] model) {
    try {
      return ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(model), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Normalised rows (row by row) and targets, in float. */
  record Matrix(float[] x, float[] y, int rows, int columns) {

    DataSet dataSet() {
      return new DataSet(
          Nd4j.create(x, new long[] {rows, columns}, 'c'), Nd4j.create(y, new long[] {rows, 1}));
    }

    /** The rows in the order of epoch {@code epoch} of a run seeded {@code seed}. */
    DataSet shuffled(long seed, int epoch) {
      int[] order = new int[rows];
      for (int i = 0; i < rows; i++) {
        order[i] = i;
      }
      SplittableRandom random = new SplittableRandom(seed * 1_000_003L + epoch);
      for (int i = rows - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int swap = order[i];
        order[i] = order[j];
        order[j] = swap;
      }
      float[] xs = new float[x.length];
      float[] ys = new float[rows];
      for (int i = 0; i < rows; i++) {
        System.arraycopy(x, order[i] * columns, xs, i * columns, columns);
        ys[i] = y[order[i]];
      }
      return new Matrix(xs, ys, rows, columns).dataSet();
    }
  }
}
