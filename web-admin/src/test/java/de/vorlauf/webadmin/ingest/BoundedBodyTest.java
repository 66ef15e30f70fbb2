package de.vorlauf.webadmin.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

  @Test
  void readsABodyUpToTheLimit() throws Exception {
    byte[] body = new byte[1_024];

    assertThat(BoundedBody.read(new ByteArrayInputStream(body), 1_024, 1_024)).hasSize(1_024);
    assertThat(BoundedBody.read(new ByteArrayInputStream(body), -1, 1_024)).hasSize(1_024);
  }

  @Test
  void refusesADeclaredLengthBeyondTheLimitWithoutReading() {
    InputStream never =
        new InputStream() {
          @Override
          public int read() {
            throw new AssertionError("must not be read");
          }
        };

    assertThatThrownBy(() -> BoundedBody.read(never, 2_000, 1_024))
        .isInstanceOf(BodyTooLargeException.class)
        .hasMessageContaining("1024 bytes");
  }

  @Test
  void stopsReadingOnceAnUndeclaredBodyPassesTheLimit() {
    CountingEndless endless = new CountingEndless();

    assertThatThrownBy(() -> BoundedBody.read(endless, -1, 100_000))
        .isInstanceOf(BodyTooLargeException.class);
    // a lying or missing Content-Length costs at most one buffer beyond the limit
    assertThat(endless.served).isLessThanOrEqualTo(100_000 + 8_192);
  }

  private static final class CountingEndless extends InputStream {
    long served;

    @Override
    public int read() {
      served++;
      return 'x';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      served += len;
      return len;
    }
  }
}
