package de.vorlauf.devstack.process;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A {@code java -Xmx… -jar JAR ARGS} process: {@code env} is added to the launcher's environment,
 * output goes to {@code logFile}; ready once {@code readinessUrl} answers 200 (null: once started).
 */
public record JavaProcessOptions(
    String name,
    Path jar,
    List<String> args,
    String maxHeap,
    Map<String, String> env,
    Path workDir,
    Path logFile,
    Path pidFile,
    URI readinessUrl,
    Duration readinessTimeout,
    Duration stopGrace) {

  public JavaProcessOptions {
    args = List.copyOf(args);
    env = Map.copyOf(env);
  }

  List<String> command() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new java.util.ArrayList<>(
            List.of(java.toString(), "-Xmx" + maxHeap, "-jar", jar.toString()));
    command.addAll(args);
    return command;
  }

  /** Without the environment, which may hold secrets. */
  @Override
  public String toString() {
    return "JavaProcessOptions[name=" + name + ", jar=" + jar + ", args=" + args + "]";
  }
}
