package de.vorlauf.devstack.service;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims on ports that every JVM on the machine sees: a lock file per port in one folder, locked
 * with {@link FileChannel#tryLock()} and held until the JVM exits (the operating system drops the
 * lock of a process that ends, even by SIGKILL, so a crashed test never keeps a port claimed).
 * {@link FreePorts} claims every port it hands out, so two JVMs probing at the same moment — two
 * test forks of one module, two modules built side by side — never hand out the same port between
 * the probe and the service binding it.
 *
 * <p>The files stay (one per port ever claimed, empty): deleting one while another JVM opens it
 * would let two JVMs lock two different files of the same name.
 */
final class PortLocks {

  private static final Logger LOG = LoggerFactory.getLogger(PortLocks.class);

  private final Path dir;
  private final List<FileChannel> held = new ArrayList<>();
  private boolean warned;

  PortLocks(Path dir) {
    this.dir = dir;
  }

  /** The machine's folder: {@code vorlauf-ports} in the temporary folder. */
  static PortLocks machineWide() {
    return new PortLocks(Path.of(System.getProperty("java.io.tmpdir"), "vorlauf-ports"));
  }

  /**
   * True when this JVM now holds the port's lock; false when another process holds it. A folder
   * that cannot be written is no reason to fail a test run: the claim then falls back to this JVM
   * alone (true), as before these locks existed, and says so once.
   */
  synchronized boolean tryClaim(int port) {
    FileChannel channel = null;
    try {
      Files.createDirectories(dir);
      channel =
          FileChannel.open(
              dir.resolve(port + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        return false;
      }
      held.add(channel); // the lock lives as long as its channel: until the JVM exits
      return true;
    } catch (OverlappingFileLockException e) {
      close(channel); // this JVM holds it already
      return false;
    } catch (IOException e) {
      close(channel);
      if (!warned) {
        warned = true;
        LOG.warn("Port claims in {} unavailable ({}): ports are claimed for this JVM only", dir, e);
      }
      return true;
    }
  }

  private static void close(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing was locked through it
      }
    }
  }
}
