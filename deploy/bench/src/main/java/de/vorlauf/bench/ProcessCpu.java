package de.vorlauf.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** CPU time of processes, from /proc/PID/stat (Linux, 100 ticks per second). */
final class ProcessCpu {

  private static final double TICKS_PER_SECOND = 100;

  record Sample(String name, long pid, long ticks, long nanoTime) {}

  /** CPU seconds used between two samples of the same process, and the wall time between. */
  record Used(String name, double seconds, double wallSeconds) {}

  private ProcessCpu() {}

  static Sample sample(String name, long pid) {
    return new Sample(name, pid, ticks(pid), System.nanoTime());
  }

  static List<Used> between(List<Sample> before, List<Sample> after) {
    List<Used> used = new ArrayList<>();
    for (Sample first : before) {
      for (Sample last : after) {
        if (last.pid() == first.pid()) {
          used.add(
              new Used(
                  first.name(),
                  (last.ticks() - first.ticks()) / TICKS_PER_SECOND,
                  (last.nanoTime() - first.nanoTime()) / 1e9));
        }
      }
    }
    return used;
  }

  /** utime + stime: fields 14 and 15, counted after the command name in parentheses. */
  private static long ticks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
