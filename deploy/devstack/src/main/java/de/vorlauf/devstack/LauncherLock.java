package de.vorlauf.devstack;

import de.vorlauf.devstack.service.StateDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One launcher per state folder: an OS file lock (released by the OS even after kill -9) plus
 * launcher.pid for `stop` and `status`.
 */
final class LauncherLock implements AutoCloseable {

  private final StateDir state;
  private final FileChannel channel;
  private final FileLock lock;

  private LauncherLock(StateDir state, FileChannel channel, FileLock lock) {
    this.state = state;
    this.channel = channel;
    this.lock = lock;
  }

  static LauncherLock acquire(StateDir state) {
    try {
      FileChannel channel =
          FileChannel.open(
              state.launcherLock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        channel.close();
        String pid = runningPid(state).map(p -> " (pid " + p + ")").orElse("");
        throw new IllegalStateException(
            "Vorlauf is already running on state folder "
                + state
                + pid
                + ". Stop it first: deploy/vorlauf stop; or restart one of its services:"
                + " deploy/vorlauf restart <service>");
      }
      Files.writeString(state.launcherPid(), ProcessHandle.current().pid() + "\n");
      return new LauncherLock(state, channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock state folder " + state, e);
    }
  }

  /** The pid of a live launcher on this state folder, if any. */
  static Optional<Long> runningPid(StateDir state) {
    try {
      if (!Files.exists(state.launcherPid())) {
        return Optional.empty();
      }
      long pid = Long.parseLong(Files.readString(state.launcherPid()).strip());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(state.launcherPid());
    lock.release();
    channel.close();
  }

  @Override
  public String toString() {
    return "launcher lock on " + state;
  }
}
