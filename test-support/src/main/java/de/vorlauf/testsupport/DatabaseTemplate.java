package de.vorlauf.testsupport;

import javax.sql.DataSource;

/**
 * How to fill a template database once per test JVM (typically: run the migrations); every test
 * class then gets a copy ({@code CREATE DATABASE ... TEMPLATE}, a file copy, far faster than
 * migrating again). Implementations need a public no-argument constructor.
 */
public interface DatabaseTemplate {

  /** Runs once per JVM against the empty template database, as its owner (the application role). */
  void fill(DataSource template) throws Exception;
}
