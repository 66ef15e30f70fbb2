package de.vorlauf.persistence.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuarantineEntryTest {

  @Test
  void keepsASmallUtf8PayloadExactly() {
    QuarantineEntry.PayloadText text =
        QuarantineEntry.payloadText("{\"unit\":\"°C\"}".getBytes(StandardCharsets.UTF_8), 1024);
    assertThat(text.text()).isEqualTo("{\"unit\":\"°C\"}");
    assertThat(text.exact()).isTrue();
  }

  @Test
  void cutsAtTheCapWithoutSplittingACharacter() {
    byte[] payload = "ää".repeat(1000).getBytes(StandardCharsets.UTF_8); // 4000 bytes
    QuarantineEntry.PayloadText text = QuarantineEntry.payloadText(payload, 1001);
    assertThat(text.text().getBytes(StandardCharsets.UTF_8).length).isEqualTo(1000);
    assertThat(text.exact()).isFalse();
  }

  @Test
  void replacesWhatATextColumnCannotHold() {
    QuarantineEntry.PayloadText nul = QuarantineEntry.payloadText(new byte[] {'a', 0, 'b'}, 1024);
    assertThat(nul.text()).isEqualTo("a\uFFFDb");
    assertThat(nul.exact()).isFalse();
    QuarantineEntry.PayloadText binary =
        QuarantineEntry.payloadText(new byte[] {(byte) 0xff, (byte) 0xfe}, 1024);
    assertThat(binary.exact()).isFalse();
  }
}
