package de.vorlauf.devstack.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.devstack.process.Supervised;
import de.vorlauf.devstack.service.Origin;
import de.vorlauf.devstack.service.RunningService;
import de.vorlauf.devstack.supervision.ProcessStatus.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The supervisor's decisions with fake processes and a clock the test moves: no sleeping. */
class SupervisorTest {

  private final MovableClock clock = new MovableClock();
  private final FakeProcess worker = new FakeProcess("worker");
  private final AtomicBoolean closing = new AtomicBoolean();
  private final List<List<ProcessStatus>> changes = new ArrayList<>();
  private final Supervisor supervisor =
      new Supervisor(
          () -> List.of(worker),
          closing::get,
          new RestartPolicy.Limits(
              2, Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(60)),
          clock,
          changes::add);

  @Test
  void aDeadProcessIsStartedAgainAfterTheBackoffAndTheRestartIsCounted() {
    supervisor.tick();
    assertThat(status().state()).isEqualTo(State.RUNNING);
    assertThat(status().pid()).isEqualTo(100);

    worker.die(137);
    supervisor.tick();
    assertThat(status().state()).isEqualTo(State.RESTARTING);
    assertThat(worker.starts).isZero();

    clock.advance(Duration.ofMillis(999));
    supervisor.tick();
    assertThat(worker.starts).as("not before the backoff").isZero();

    clock.advance(Duration.ofMillis(1));
    supervisor.tick();
    assertThat(worker.starts).isEqualTo(1);
    assertThat(status())
        .isEqualTo(
            new ProcessStatus(
                "worker", State.RUNNING, 101, 1, "exit code 137 (SIGKILL)", clock.instant()));
  }

  @Test
  void afterTheLimitItGivesUpAndOnlyARequestBringsTheProcessBack() {
    for (int restart = 1; restart <= 2; restart++) {
      worker.die(1);
      supervisor.tick();
      clock.advance(Duration.ofMinutes(1));
      supervisor.tick();
      assertThat(worker.starts).isEqualTo(restart);
    }
    worker.die(1);
    supervisor.tick();
    clock.advance(Duration.ofMinutes(5));
    supervisor.tick();

    assertThat(status().state()).isEqualTo(State.GAVE_UP);
    assertThat(status().up()).isFalse();
    assertThat(worker.starts).isEqualTo(2);

    assertThat(supervisor.restart("worker")).isEqualTo("worker restarted (pid 103)");
    assertThat(status().state()).isEqualTo(State.RUNNING);
    assertThat(status().restarts()).isEqualTo(3);
    assertThat(status().lastReason()).isEqualTo(Supervisor.REQUESTED);

    worker.die(1);
    supervisor.tick();
    assertThat(status().state()).as("the limit counts afresh").isEqualTo(State.RESTARTING);
  }

  @Test
  void aFailedStartIsRetriedWithALongerDelay() {
    worker.die(1);
    worker.failNextStart = true;
    supervisor.tick();
    clock.advance(Duration.ofSeconds(1));
    supervisor.tick();
    assertThat(status().state()).isEqualTo(State.RESTARTING);
    assertThat(status().lastReason()).startsWith("restart failed: port in use");

    clock.advance(Duration.ofMillis(1999));
    supervisor.tick();
    assertThat(worker.starts).isZero();
    clock.advance(Duration.ofMillis(1));
    supervisor.tick();
    assertThat(worker.starts).isEqualTo(1);
    assertThat(status().state()).isEqualTo(State.RUNNING);
  }

  @Test
  void aProcessStoppedOnPurposeOrWhileClosingIsNotRestarted() {
    supervisor.tick();
    worker.stop();
    supervisor.tick();
    clock.advance(Duration.ofMinutes(1));
    supervisor.tick();
    assertThat(worker.starts).isZero();
    assertThat(status().state()).isEqualTo(State.STOPPED);

    worker.start();
    worker.die(143);
    closing.set(true);
    supervisor.tick();
    clock.advance(Duration.ofMinutes(1));
    supervisor.tick();
    assertThat(worker.starts).isEqualTo(1);
  }

  @Test
  void aRestartRequestForAnUnknownServiceNamesTheKnownOnes() {
    assertThatThrownBy(() -> supervisor.restart("wrker"))
        .hasMessage("no service 'wrker'; known: [worker]");
  }

  @Test
  void theStatusFileReadsBackWhatWasWritten(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path d) {
    worker.die(137);
    supervisor.tick();
    clock.advance(Duration.ofSeconds(1));
    supervisor.tick();
    java.nio.file.Path file = d.resolve("supervision.properties");

    SupervisionFiles.write(file, supervisor.statuses(), supervisor.limits());

    assertThat(SupervisionFiles.read(file)).isEqualTo(supervisor.statuses());
  }

  private ProcessStatus status() {
    return supervisor.statuses().get(0);
  }

  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-12-03T12:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  /** A process that dies when told; pids count up from 100 per start. */
  private static final class FakeProcess implements RunningService, Supervised {
    private final String name;
    private long pid = 100;
    private boolean running = true;
    private Integer exitCode;
    int starts;
    boolean failNextStart;

    FakeProcess(String name) {
      this.name = name;
    }

    void die(int code) {
      exitCode = code;
    }

    @Override
    public String unexpectedExit() {
      return exitSummary() == null ? null : name + " " + exitSummary() + "; log tail";
    }

    @Override
    public String exitSummary() {
      if (!running || exitCode == null) {
        return null;
      }
      return exitCode == 137 ? "exit code 137 (SIGKILL)" : "exit code " + exitCode;
    }

    @Override
    public OptionalLong pid() {
      return running && exitCode == null ? OptionalLong.of(pid) : OptionalLong.empty();
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Origin origin() {
      return Origin.STARTED_BINARY;
    }

    @Override
    public String label() {
      return name + " (fake)";
    }

    @Override
    public void stop() {
      running = false;
      exitCode = null;
    }

    @Override
    public void start() {
      if (failNextStart) {
        failNextStart = false;
        throw new IllegalStateException("port in use\nmore detail");
      }
      running = true;
      exitCode = null;
      pid++;
      starts++;
    }

    @Override
    public void close() {
      stop();
    }
  }
}
