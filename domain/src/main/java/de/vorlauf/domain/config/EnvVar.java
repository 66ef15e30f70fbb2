package de.vorlauf.domain.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one declaration of an environment variable: its name, what it accepts, its default and what
 * it means. Every process parses the variable through this object, so the worker, the WAR, the
 * launcher and the simulator cannot disagree on its range or default; {@code docs/configuration.md}
 * is generated from these declarations.
 *
 * <p>Immutable: the factories give a variable that is unset by default; {@link #byDefault}, {@link
 * #unset}, {@link #readBy} and {@link #means} return changed copies.
 *
 * @param <T> the parsed type
 */
public final class EnvVar<T> {

  /** Parses the stripped text; throws any {@link RuntimeException} when it is not acceptable. */
  @FunctionalInterface
  public interface Parser<T> {
    T parse(String text);
  }

  private static final Pattern URL =
      Pattern.compile(
          "([a-z][a-z0-9+.-]*)://(\\[[0-9A-Fa-f:.]+\\]|[^\\s/:?#\\[\\]@]+)(?::(\\d{1,5}))?([/?#]\\S*)?");

  private final String name;
  private final String accepts;
  private final Parser<T> parser;
  private final boolean secret;
  private final String defaultText;
  private final T defaultValue;
  private final String unsetMeans;
  private final Set<ReadBy> readBy;
  private final String meaning;

  private EnvVar(
      String name,
      String accepts,
      Parser<T> parser,
      boolean secret,
      String defaultText,
      String unsetMeans,
      Set<ReadBy> readBy,
      String meaning) {
    this.name = Objects.requireNonNull(name, "name");
    this.accepts = Objects.requireNonNull(accepts, "accepts");
    this.parser = Objects.requireNonNull(parser, "parser");
    this.secret = secret;
    this.defaultText = defaultText;
    this.unsetMeans = unsetMeans;
    this.readBy = readBy;
    this.meaning = meaning;
    // a default outside the declared range fails when the declaring class loads, not at a user's
    this.defaultValue = defaultText == null ? null : parse(defaultText);
  }

  /**
   * A variable of any type.
   *
   * @param accepts what it accepts, read after "expected": e.g. {@code "a whole number 1..64"}
   */
  public static <T> EnvVar<T> of(String name, String accepts, Parser<T> parser) {
    return new EnvVar<>(name, accepts, parser, false, null, null, Set.of(), "");
  }

  /** Any text that is not blank. */
  public static EnvVar<String> text(String name) {
    return of(name, "text", text -> text);
  }

  /** Text matching {@code regex} in full. */
  public static EnvVar<String> text(String name, String regex, String accepts) {
    Pattern pattern = Pattern.compile(regex);
    return of(
        name,
        accepts,
        text -> {
          if (!pattern.matcher(text).matches()) {
            throw new IllegalArgumentException();
          }
          return text;
        });
  }

  /** A password: taken as it is (a space may belong to it), never echoed in a message. */
  public static EnvVar<String> secret(String name) {
    return new EnvVar<>(name, "text (never logged)", text -> text, true, null, null, Set.of(), "");
  }

  public static EnvVar<Integer> integer(String name, int min, int max) {
    return of(
        name,
        "a whole number " + min + ".." + max,
        text -> {
          int value = Integer.parseInt(text);
          if (value < min || value > max) {
            throw new IllegalArgumentException();
          }
          return value;
        });
  }

  public static EnvVar<Long> longInteger(String name, long min, long max) {
    String accepts =
        max != Long.MAX_VALUE
            ? "a whole number " + min + ".." + max
            : min == Long.MIN_VALUE ? "a whole number" : "a whole number, at least " + min;
    return of(
        name,
        accepts,
        text -> {
          long value = Long.parseLong(text);
          if (value < min || value > max) {
            throw new IllegalArgumentException();
          }
          return value;
        });
  }

  /** A TCP port 1..65535. */
  public static EnvVar<Integer> port(String name) {
    return integer(name, 1, 65_535);
  }

  /**
   * An ISO-8601 duration of at least {@code min} (itself ISO-8601, e.g. {@code PT0S}, {@code P2D}).
   */
  public static EnvVar<Duration> duration(String name, String min) {
    Duration floor = Duration.parse(min);
    String accepts =
        floor.isZero()
            ? "an ISO-8601 duration, zero or more (e.g. PT30S)"
            : "an ISO-8601 duration of at least " + min;
    return of(name, accepts, text -> atLeast(Duration.parse(text), floor));
  }

  /** An ISO-8601 duration longer than zero. */
  public static EnvVar<Duration> positiveDuration(String name) {
    return of(
        name,
        "a positive ISO-8601 duration (e.g. PT0.05S, PT2M, P7D)",
        text -> {
          Duration value = Duration.parse(text);
          if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException();
          }
          return value;
        });
  }

  /** true or false; on/off and yes/no are understood too (any case). */
  public static EnvVar<Boolean> flag(String name) {
    return of(
        name,
        "true or false (also on/off, yes/no)",
        text ->
            switch (text.toLowerCase(Locale.ROOT)) {
              case "true", "on", "yes" -> true;
              case "false", "off", "no" -> false;
              default -> throw new IllegalArgumentException();
            });
  }

  /** One of {@code values} (any case); the value is returned in lower case. */
  public static EnvVar<String> choice(String name, String... values) {
    List<String> allowed = List.of(values);
    String accepts = orList(allowed);
    return of(
        name,
        accepts,
        text -> {
          String value = text.toLowerCase(Locale.ROOT);
          if (!allowed.contains(value)) {
            throw new IllegalArgumentException();
          }
          return value;
        });
  }

  /**
   * A URL {@code scheme://host[:port][/path]} with one of {@code schemes}; {@code portRequired}:
   * the port must be given. Checked by pattern: the domain stays free of {@code java.net}.
   */
  public static EnvVar<String> url(String name, boolean portRequired, String... schemes) {
    List<String> allowed = List.of(schemes);
    String accepts =
        "a URL (" + orList(allowed) + ") with host" + (portRequired ? " and port" : "");
    return of(
        name,
        accepts,
        text -> {
          Matcher m = URL.matcher(text);
          if (!m.matches() || !allowed.contains(m.group(1))) {
            throw new IllegalArgumentException();
          }
          if (m.group(3) == null ? portRequired : !validPort(m.group(3))) {
            throw new IllegalArgumentException();
          }
          return text;
        });
  }

  /** {@code host:port}, as a gRPC target. */
  public static EnvVar<String> hostPort(String name) {
    return of(
        name,
        "host:port",
        text -> {
          int colon = text.lastIndexOf(':');
          if (colon < 1 || !validPort(text.substring(colon + 1))) {
            throw new IllegalArgumentException();
          }
          return text;
        });
  }

  public static EnvVar<Path> path(String name) {
    return of(name, "a file system path", Path::of);
  }

  public static EnvVar<ZoneId> zone(String name) {
    return of(name, "a time zone ID such as Europe/Berlin", ZoneId::of);
  }

  /** The default, as it would be written in the environment; parsed now, so it is in range. */
  public EnvVar<T> byDefault(String text) {
    return new EnvVar<>(name, accepts, parser, secret, text, unsetMeans, readBy, meaning);
  }

  /** Says what happens when the variable has no value and no fixed default. */
  public EnvVar<T> unset(String means) {
    return new EnvVar<>(name, accepts, parser, secret, defaultText, means, readBy, meaning);
  }

  public EnvVar<T> readBy(ReadBy first, ReadBy... more) {
    return new EnvVar<>(
        name, accepts, parser, secret, defaultText, unsetMeans, EnumSet.of(first, more), meaning);
  }

  /** One line: what the variable is for. */
  public EnvVar<T> means(String text) {
    return new EnvVar<>(name, accepts, parser, secret, defaultText, unsetMeans, readBy, text);
  }

  public String name() {
    return name;
  }

  /** What the variable accepts, e.g. "a whole number 1..64". */
  public String accepts() {
    return accepts;
  }

  /** The default as written in the environment; null: none. */
  public String defaultText() {
    return defaultText;
  }

  /** The parsed default; null: none. */
  public T defaultValue() {
    return defaultValue;
  }

  /** What happens without a value when there is no fixed default; null: nothing said. */
  public String unsetMeans() {
    return unsetMeans;
  }

  public Set<ReadBy> readBy() {
    return readBy.isEmpty() ? Set.of() : EnumSet.copyOf(readBy);
  }

  public String meaning() {
    return meaning;
  }

  public boolean secret() {
    return secret;
  }

  /** Unset or blank counts as no value; a secret counts as given unless empty. */
  boolean hasValue(String raw) {
    return raw != null && (secret ? !raw.isEmpty() : !raw.isBlank());
  }

  /**
   * @throws IllegalArgumentException naming the variable, the value and what it accepts
   */
  public T parse(String raw) {
    String text = secret ? raw : raw.strip();
    try {
      return parser.parse(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "%s=%s: expected %s".formatted(name, secret ? "(hidden)" : text, accepts), e);
    }
  }

  @Override
  public String toString() {
    return name;
  }

  /** "a, b or c" */
  static String orList(List<String> values) {
    return values.size() == 1
        ? values.get(0)
        : String.join(", ", values.subList(0, values.size() - 1))
            + " or "
            + values.get(values.size() - 1);
  }

  private static Duration atLeast(Duration value, Duration floor) {
    if (value.compareTo(floor) < 0) {
      throw new IllegalArgumentException();
    }
    return value;
  }

  private static boolean validPort(String text) {
    try {
      int port = Integer.parseInt(text);
      return port >= 1 && port <= 65_535;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
