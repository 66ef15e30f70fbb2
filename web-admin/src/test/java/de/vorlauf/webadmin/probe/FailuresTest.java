package de.vorlauf.webadmin.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class FailuresTest {

  @Test
  void namesTheRootCause() {
    Exception failure = new IOException("wrapper", new ConnectException("Connection refused"));

    assertThat(Failures.describe(failure)).isEqualTo("ConnectException: Connection refused");
  }

  @Test
  void fallsBackToTheTypeWithoutMessage() {
    assertThat(Failures.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
  }
}
