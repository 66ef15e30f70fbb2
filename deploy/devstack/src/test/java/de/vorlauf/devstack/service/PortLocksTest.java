package de.vorlauf.devstack.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claims across processes: a second JVM holds a port's lock, then lets it go by exiting. */
class PortLocksTest {

  @TempDir Path dir;

  @Test
  void aPortClaimedByAnotherJvmIsRefusedUntilThatJvmExits() throws Exception {
    int port = 31_234;
    Process other =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElseThrow(),
                "-Xmx32m",
                "-cp",
                System.getProperty("java.class.path"),
                Holder.class.getName(),
                dir.toString(),
                Integer.toString(port))
            // not merged into the output: the JVM may note the JDK_JAVA_OPTIONS it picked up
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("claimed");

      PortLocks ours = new PortLocks(dir);
      assertThat(ours.tryClaim(port)).as("held by the other JVM").isFalse();
      assertThat(ours.tryClaim(port + 1)).as("a port nobody holds").isTrue();
      assertThat(ours.tryClaim(port + 1)).as("held by this JVM already").isFalse();

      other.getOutputStream().close(); // the other JVM exits, and the OS drops its lock
      assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(ours.tryClaim(port)).as("released with the process").isTrue();
    } finally {
      other.destroyForcibly();
    }
  }

  /** The other JVM: claims the port, says so, and holds it until its standard input closes. */
  public static final class Holder {
    public static void main(String[] args) throws IOException {
      PortLocks locks = new PortLocks(Path.of(args[0]));
      System.out.println(locks.tryClaim(Integer.parseInt(args[1])) ? "claimed" : "refused");
      System.out.flush();
      while (System.in.read() >= 0) {
        // held until the test closes our input
      }
    }
  }
}
