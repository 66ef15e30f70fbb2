package de.vorlauf.testdata;

import de.vorlauf.domain.features.BuildingDay;
import de.vorlauf.domain.features.CircuitFeatures;
import de.vorlauf.domain.features.FeatureRow;
import de.vorlauf.domain.features.Provenance;
import de.vorlauf.domain.features.Sample;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The features' part of a cache file: every field of every row, doubles bit for bit (NaN for
 * empty), so a dataset read from the file holds exactly the rows that were computed.
 */
final class FeatureCodec {

  private FeatureCodec() {}

  static void write(DataOutputStream out, List<DayFeatures> days) throws IOException {
    out.writeInt(days.size());
    for (DayFeatures day : days) {
      out.writeUTF(day.day().buildingId());
      out.writeLong(day.day().date().toEpochDay());
      out.writeUTF(day.day().zone().getId());
      out.writeInt(day.rows().size());
      for (FeatureRow row : day.rows()) {
        writeRow(out, row);
      }
    }
  }

  static List<DayFeatures> read(DataInputStream in) throws IOException {
    int count = in.readInt();
    List<DayFeatures> days = new ArrayList<>(count);
    for (int d = 0; d < count; d++) {
      BuildingDay day =
          new BuildingDay(
              in.readUTF(), LocalDate.ofEpochDay(in.readLong()), ZoneId.of(in.readUTF()));
      int rows = in.readInt();
      List<FeatureRow> list = new ArrayList<>(rows);
      for (int r = 0; r < rows; r++) {
        list.add(readRow(in, day.buildingId()));
      }
      days.add(new DayFeatures(day, list));
    }
    return days;
  }

  private static void writeRow(DataOutputStream out, FeatureRow row) throws IOException {
    out.writeLong(row.slot().getEpochSecond());
    writeSample(out, row.outdoorTemp());
    writeSample(out, row.indoorTemp());
    out.writeByte(row.circuits().size());
    for (CircuitFeatures c : row.circuits()) {
      out.writeByte(c.circuit());
      writeSample(out, c.flowTemp());
      writeSample(out, c.returnTemp());
      writeSample(out, c.flowRate());
      out.writeDouble(c.spreadK());
      out.writeDouble(c.heatPowerKw());
    }
    out.writeDouble(row.heatPowerKw());
    writeSample(out, row.meteredHeatPower());
    out.writeDouble(row.heatPowerDisagreementKw());
    out.writeDouble(row.heatingDegreeHours());
    out.writeByte(row.localHour());
    out.writeByte(row.dayOfWeek());
    out.writeBoolean(row.holiday());
    out.writeDouble(row.quality());
    out.writeInt(row.readings());
    out.writeInt(row.badReadings());
  }

  private static FeatureRow readRow(DataInputStream in, String buildingId) throws IOException {
    Instant slot = Instant.ofEpochSecond(in.readLong());
    Sample outdoor = readSample(in);
    Sample indoor = readSample(in);
    int circuits = in.readByte();
    List<CircuitFeatures> list = new ArrayList<>(circuits);
    for (int c = 0; c < circuits; c++) {
      list.add(
          new CircuitFeatures(
              in.readByte(),
              readSample(in),
              readSample(in),
              readSample(in),
              in.readDouble(),
              in.readDouble()));
    }
    return new FeatureRow(
        buildingId,
        slot,
        outdoor,
        indoor,
        list,
        in.readDouble(),
        readSample(in),
        in.readDouble(),
        in.readDouble(),
        in.readByte(),
        in.readByte(),
        in.readBoolean(),
        in.readDouble(),
        in.readInt(),
        in.readInt());
  }

  private static void writeSample(DataOutputStream out, Sample sample) throws IOException {
    out.writeByte(sample.provenance().code());
    out.writeDouble(sample.value());
  }

  private static Sample readSample(DataInputStream in) throws IOException {
    Provenance provenance = Provenance.ofCode(in.readByte());
    return new Sample(in.readDouble(), provenance);
  }
}
