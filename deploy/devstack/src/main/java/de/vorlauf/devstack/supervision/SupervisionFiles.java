package de.vorlauf.devstack.supervision;

import de.vorlauf.devstack.service.StateDir;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the running launcher and a second process ({@code deploy/vorlauf status | restart}, the admin
 * WAR) talk: through files in the state folder, which only its owner can write. No port, no
 * credential: whoever can write the state folder could stop the processes anyway.
 *
 * <ul>
 *   <li>{@code supervision.properties}: the supervisor's view, rewritten on every change.
 *   <li>{@code run/restart/ID.request} holds a service name; the launcher answers in {@code
 *       ID.result} ("ok ..." or "error ...") and deletes the request.
 * </ul>
 */
public final class SupervisionFiles {

  private static final Logger LOG = LoggerFactory.getLogger(SupervisionFiles.class);

  private SupervisionFiles() {}

  /** Writes {@code statuses} atomically (a reader never sees half a file). */
  public static void write(Path file, List<ProcessStatus> statuses, RestartPolicy.Limits limits) {
    StringBuilder text = new StringBuilder("# Written by the Vorlauf launcher's supervisor.\n");
    text.append("limits=").append(limits).append('\n');
    text.append("processes=")
        .append(String.join(",", statuses.stream().map(ProcessStatus::name).toList()))
        .append('\n');
    for (ProcessStatus s : statuses) {
      String p = s.name() + ".";
      text.append(p).append("state=").append(s.state()).append('\n');
      text.append(p).append("pid=").append(s.pid()).append('\n');
      text.append(p).append("restarts=").append(s.restarts()).append('\n');
      if (s.lastReason() != null) {
        text.append(p).append("lastReason=").append(escape(s.lastReason())).append('\n');
      }
      if (s.lastRestart() != null) {
        text.append(p).append("lastRestart=").append(s.lastRestart()).append('\n');
      }
    }
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, text);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.warn("Cannot write {}: {}", file, e.toString());
    }
  }

  /** What {@link #write} wrote; empty when there is no file. */
  public static List<ProcessStatus> read(Path file) {
    Properties p = new Properties();
    if (!Files.exists(file)) {
      return List.of();
    }
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    } catch (IOException e) {
      LOG.warn("Cannot read {}: {}", file, e.toString());
      return List.of();
    }
    List<ProcessStatus> statuses = new ArrayList<>();
    for (String name : p.getProperty("processes", "").split(",")) {
      if (name.isBlank()) {
        continue;
      }
      String lastRestart = p.getProperty(name + ".lastRestart");
      statuses.add(
          new ProcessStatus(
              name,
              ProcessStatus.State.valueOf(p.getProperty(name + ".state", "STOPPED")),
              Long.parseLong(p.getProperty(name + ".pid", "0")),
              Integer.parseInt(p.getProperty(name + ".restarts", "0")),
              p.getProperty(name + ".lastReason"),
              lastRestart == null ? null : Instant.parse(lastRestart)));
    }
    return statuses;
  }

  /** Leaves a request to restart {@code service}; returns its id. */
  public static String requestRestart(StateDir state, String service) {
    String id = UUID.randomUUID().toString();
    try {
      Files.createDirectories(state.restartRequests());
      Path tmp = state.restartRequests().resolve(id + ".tmp");
      Files.writeString(tmp, service);
      Files.move(tmp, state.restartRequests().resolve(id + ".request"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a restart request to " + state, e);
    }
    return id;
  }

  /** The launcher's answer to request {@code id}, once there is one (and then removed). */
  public static String takeResult(StateDir state, String id) {
    Path result = state.restartRequests().resolve(id + ".result");
    try {
      if (!Files.exists(result)) {
        return null;
      }
      String text = Files.readString(result).strip();
      Files.deleteIfExists(result);
      return text;
    } catch (IOException e) {
      return null;
    }
  }

  /** For the launcher: answers every waiting request with {@code handler}'s result. */
  public static void serveRequests(StateDir state, Function<String, String> handler) {
    Path dir = state.restartRequests();
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<Path> requests = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.request")) {
      files.forEach(requests::add);
    } catch (IOException e) {
      LOG.warn("Cannot read restart requests in {}: {}", dir, e.toString());
      return;
    }
    for (Path request : requests) {
      String name = request.getFileName().toString();
      String id = name.substring(0, name.length() - ".request".length());
      try {
        String service = Files.readString(request).strip();
        Files.delete(request);
        String answer = handler.apply(service);
        Path tmp = dir.resolve(id + ".result.tmp");
        Files.writeString(tmp, answer + "\n");
        Files.move(tmp, dir.resolve(id + ".result"), StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        LOG.warn("Cannot answer restart request {}: {}", request, e.toString());
      }
    }
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\n", " ");
  }
}
