package de.vorlauf.persistence.experiments;

import java.util.regex.Pattern;

/** The names the tracker accepts, checked before any SQL so a bad one fails without a retry. */
final class Keys {

  static final Pattern EXPERIMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:/ -]{0,249}");
  static final Pattern ARTIFACT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,199}");

  private Keys() {}

  static String experiment(String name) {
    return check(EXPERIMENT, name, "an experiment name (letters, digits, . _ -, at most 100)");
  }

  static String key(String key) {
    return check(KEY, key, "a key (letters, digits, _ . : / - and spaces, at most 250)");
  }

  static String artifact(String name) {
    String checked = check(ARTIFACT, name, "an artifact name (letters, digits, . _ / -)");
    if (checked.contains("..") || checked.endsWith("/")) {
      throw new IllegalArgumentException(
          "'" + name + "' is not an artifact name ('..', ends in /)");
    }
    return checked;
  }

  private static String check(Pattern pattern, String value, String what) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new IllegalArgumentException("'" + value + "' is not " + what);
    }
    return value;
  }
}
