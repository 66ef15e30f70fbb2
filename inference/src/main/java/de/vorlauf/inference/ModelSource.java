package de.vorlauf.inference;

/**
 * Where {@link ModelSessions} gets a model version's files when it first needs them: the registry's
 * artifact store in the worker and the WAR, a directory or bundle in the verification command, a
 * map in tests. Called from any thread, at most once at a time per key.
 */
@FunctionalInterface
public interface ModelSource {

  /**
   * @throws ModelException {@link ModelException.Reason#MISSING} when there is no such version
   */
  ModelFiles load(ModelKey key);
}
