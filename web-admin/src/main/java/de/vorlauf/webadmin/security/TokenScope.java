package de.vorlauf.webadmin.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The API-token scope a machine client needs to call the marked resource (e.g. {@code optimize}).
 * An admin session may call it too. Unmarked GET resources under {@code /api/v1} need the {@code
 * read} scope; every other unmarked resource, and the token administration itself, needs an admin
 * session.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TokenScope {

  /** The scope's name as tokens carry it: {@code optimize}, {@code read}. */
  String value();
}
