package de.vorlauf.persistence.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyEncoderTest {

  @Test
  void binaryTimestampsCountMicrosecondsFromTheYear2000() {
    assertThat(CopyEncoder.pgMicros(Instant.parse("2000-01-01T00:00:00Z"))).isZero();
    assertThat(CopyEncoder.pgMicros(Instant.parse("2000-01-01T00:00:01.000002Z")))
        .isEqualTo(1_000_002L);
    assertThat(CopyEncoder.pgMicros(Instant.parse("1999-12-31T23:59:59.5Z"))).isEqualTo(-500_000L);
  }

  @Test
  void rowsCarryTheSeriesAndTheQualityCode() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<Submission> batch =
        List.of(
            Submission.of(Rows.series("b", "d", "s", Instant.parse("2026-01-01T00:00:00Z"), 1)));
    CopyEncoder.writeText(StagedRows.of(batch, new int[] {42}), false, new DataOutputStream(bytes));
    // the first test row is "uncertain" (code 1), stated by the device
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo("42\t2026-01-01T00:00:00Z\t40.0\t1\n");
  }

  @Test
  void binaryStreamHasSignatureAndTrailer() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StagedRows staged =
        Rows.staged(
            List.of(
                Submission.of(
                    Rows.series("b", "d", "s", Instant.parse("2026-01-01T00:00:00Z"), 2))));
    CopyEncoder.writeBinary(staged, true, new DataOutputStream(bytes));
    byte[] out = bytes.toByteArray();
    assertThat(new String(out, 0, 6, StandardCharsets.US_ASCII)).isEqualTo("PGCOPY");
    assertThat(out[out.length - 2]).isEqualTo((byte) 0xFF);
    assertThat(out[out.length - 1]).isEqualTo((byte) 0xFF);
  }
}
