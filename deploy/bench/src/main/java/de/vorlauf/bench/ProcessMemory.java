package de.vorlauf.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** Resident memory of processes, read from /proc (Linux). */
final class ProcessMemory {

  /** Current and peak resident set of one process or a process tree, in MiB. */
  record Rss(String name, long currentMib, long peakMib, int processes) {}

  private ProcessMemory() {}

  static Rss ofPid(String name, long pid) {
    return new Rss(name, kib(pid, "VmRSS:") / 1024, kib(pid, "VmHWM:") / 1024, 1);
  }

  /**
   * A process and its children (PostgreSQL's backends). Summed resident sets count shared buffers
   * once per process that touched them, so the sum overstates the tree's real footprint.
   */
  static Rss ofTree(String name, long rootPid) {
    List<Long> pids = new ArrayList<>(List.of(rootPid));
    pids.addAll(children(rootPid));
    long current = 0;
    long peak = 0;
    for (long pid : pids) {
      current += kib(pid, "VmRSS:");
      peak += kib(pid, "VmHWM:");
    }
    return new Rss(name, current / 1024, peak / 1024, pids.size());
  }

  /** The first process whose command line contains every one of {@code parts}. */
  static OptionalLong find(String... parts) {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs
          .filter(p -> p.getFileName().toString().matches("\\d+"))
          .filter(
              p ->
                  commandLine(p).map(cmd -> Stream.of(parts).allMatch(cmd::contains)).orElse(false))
          .mapToLong(p -> Long.parseLong(p.getFileName().toString()))
          .findFirst();
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  private static java.util.Optional<String> commandLine(Path proc) {
    try {
      return java.util.Optional.of(Files.readString(proc.resolve("cmdline")).replace('\0', ' '));
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  private static List<Long> children(long parent) {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs
          .filter(p -> p.getFileName().toString().matches("\\d+"))
          .filter(p -> parentOf(p) == parent)
          .map(p -> Long.parseLong(p.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static long parentOf(Path proc) {
    try {
      String stat = Files.readString(proc.resolve("stat"));
      // the command name may hold spaces: fields after the closing parenthesis
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[1]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static long kib(long pid, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process ended: it holds no memory
    }
    return 0;
  }
}
