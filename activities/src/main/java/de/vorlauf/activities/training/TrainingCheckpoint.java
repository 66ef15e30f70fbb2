package de.vorlauf.activities.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The trainer's state after an epoch, enough to go on as if never interrupted: the network with its
 * Adam state and iteration count (DL4J's {@code ModelSerializer} with the updater), the best
 * weights so far, the early-stopping counters and the loss curve. Tied to its data and parameters:
 * resuming on a different fingerprint or different parameters is refused.
 *
 * @param epoch epochs completed
 * @param model {@code ModelSerializer} bytes of the network after {@code epoch}, updater included
 * @param bestParams the flattened weights of the best validation loss so far
 * @param bestEpoch the epoch they are from
 * @param epochsWithoutImprovement since {@code bestEpoch}
 * @param dataFingerprint {@code DemandDataset.fingerprint} of the data trained on
 * @param parameters {@code TrainingParameters.toString()} of the run
 */
public record TrainingCheckpoint(
    int epoch,
    byte[] model,
    float[] bestParams,
    int bestEpoch,
    double bestValidationLoss,
    int epochsWithoutImprovement,
    List<EpochLoss> losses,
    String dataFingerprint,
    String parameters) {

  private static final int FORMAT = 1;

  public TrainingCheckpoint {
    losses = List.copyOf(losses);
  }

  /** A self-contained byte form for a heartbeat's details or a blob column. */
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(model.length + bestParams.length * 4);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(FORMAT);
      out.writeInt(epoch);
      out.writeInt(model.length);
      out.write(model);
      out.writeInt(bestParams.length);
      for (float p : bestParams) {
        out.writeFloat(p);
      }
      out.writeInt(bestEpoch);
      out.writeDouble(bestValidationLoss);
      out.writeInt(epochsWithoutImprovement);
      out.writeInt(losses.size());
      for (EpochLoss loss : losses) {
        out.writeInt(loss.epoch());
        out.writeDouble(loss.trainLoss());
        out.writeDouble(loss.validationLoss());
      }
      out.writeUTF(dataFingerprint);
      out.writeUTF(parameters);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static TrainingCheckpoint fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int format = in.readInt();
      if (format != FORMAT) {
        throw new IllegalArgumentException("unknown checkpoint format " + format);
      }
      int epoch = in.readInt();
      byte[] model = in.readNBytes(in.readInt());
      float[] best = new float[in.readInt()];
      for (int i = 0; i < best.length; i++) {
        best[i] = in.readFloat();
      }
      int bestEpoch = in.readInt();
      double bestLoss = in.readDouble();
      int without = in.readInt();
      int n = in.readInt();
      List<EpochLoss> losses = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        losses.add(new EpochLoss(in.readInt(), in.readDouble(), in.readDouble()));
      }
      return new TrainingCheckpoint(
          epoch, model, best, bestEpoch, bestLoss, without, losses, in.readUTF(), in.readUTF());
    } catch (IOException e) {
      throw new IllegalArgumentException("not a training checkpoint", e);
    }
  }
}
