package de.vorlauf.devstack.temporal;

import de.vorlauf.devstack.service.FreePorts;
import de.vorlauf.devstack.service.StateDir;
import java.nio.file.Path;

/**
 * How to get a Temporal server: use {@code externalAddress} when set; otherwise start one on {@code
 * port} (Web UI on {@code uiPort}, 0 = none) with its files under {@code dir}/temporal and its log
 * in {@code logDir}.
 */
public record TemporalOptions(
    Path dir, int port, int uiPort, String externalAddress, TemporalKind preferred, Path logDir) {

  /** Files and logs under {@code dir}, as in a state folder. */
  public TemporalOptions(
      Path dir, int port, int uiPort, String externalAddress, TemporalKind preferred) {
    this(dir, port, uiPort, externalAddress, preferred, dir.resolve("logs"));
  }

  /** Free ports, no Web UI. */
  public static TemporalOptions forTest(Path dir, TemporalKind preferred) {
    return new TemporalOptions(dir, FreePorts.find(), 0, null, preferred);
  }

  public static TemporalOptions of(
      StateDir state, int port, int uiPort, String externalAddress, TemporalKind preferred) {
    return new TemporalOptions(
        state.root(), port, uiPort, externalAddress, preferred, state.logs());
  }
}
