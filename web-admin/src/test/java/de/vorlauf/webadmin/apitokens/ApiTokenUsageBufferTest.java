package de.vorlauf.webadmin.apitokens;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.persistence.apitokens.ApiTokenStore.Usage;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ApiTokenUsageBufferTest {

  private static final Instant T0 = Instant.parse("2026-12-04T05:00:00Z");

  private final ApiTokenUsageBuffer buffer = new ApiTokenUsageBuffer();

  @Test
  void usesAreSummedPerTokenWithTheLatestTime() {
    buffer.used(1, T0.plusSeconds(2));
    buffer.used(1, T0);
    buffer.used(2, T0.plusSeconds(1));

    assertThat(buffer.drain())
        .containsExactlyInAnyOrder(
            new Usage(1, 2, T0.plusSeconds(2)), new Usage(2, 1, T0.plusSeconds(1)));
    assertThat(buffer.drain()).isEmpty();
  }

  @Test
  void aFailedWriteKeepsItsUsesForTheNext() {
    buffer.used(1, T0);
    List<Usage> failed = buffer.drain();
    buffer.used(1, T0.plusSeconds(5));
    buffer.restore(failed);

    assertThat(buffer.drain()).containsExactly(new Usage(1, 2, T0.plusSeconds(5)));
  }

  @Test
  void noUseIsLostWhileDrainingConcurrently() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    int perThread = 20_000;
    for (int t = 0; t < 4; t++) {
      pool.submit(
          () -> {
            for (int i = 0; i < perThread; i++) {
              buffer.used(i % 3, T0);
            }
          });
    }
    long drained = 0;
    pool.shutdown();
    while (!pool.awaitTermination(1, TimeUnit.MILLISECONDS)) {
      drained += buffer.drain().stream().mapToLong(Usage::uses).sum();
    }
    drained += buffer.drain().stream().mapToLong(Usage::uses).sum();
    assertThat(drained).isEqualTo(4L * perThread);
  }
}
