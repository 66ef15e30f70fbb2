package de.vorlauf.persistence.experiments;

/**
 * Which runs of an experiment a list shows; every field but the experiment is optional (null).
 *
 * @param tag a tag key the run carries, with {@code tagValue} the value it must have
 * @param param a parameter key, with {@code paramValue} an exact value, or {@code paramMin} /
 *     {@code paramMax} a numeric range (inclusive)
 * @param metric a single-valued metric key, with {@code metricMin} / {@code metricMax} a range
 */
public record RunFilter(
    String experiment,
    RunStatus status,
    String tag,
    String tagValue,
    String param,
    String paramValue,
    Double paramMin,
    Double paramMax,
    String metric,
    Double metricMin,
    Double metricMax) {

  public static RunFilter of(String experiment) {
    return new RunFilter(experiment, null, null, null, null, null, null, null, null, null, null);
  }
}
