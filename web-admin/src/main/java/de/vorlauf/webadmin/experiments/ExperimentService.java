package de.vorlauf.webadmin.experiments;

import de.vorlauf.persistence.experiments.Artifact;
import de.vorlauf.persistence.experiments.ExperimentQueries;
import de.vorlauf.persistence.experiments.ExperimentTracker;
import de.vorlauf.persistence.experiments.RunDetail;
import de.vorlauf.persistence.experiments.RunFilter;
import de.vorlauf.persistence.paging.PageRequest;
import de.vorlauf.webadmin.common.InvalidInputException;
import de.vorlauf.webadmin.common.PageDto;
import de.vorlauf.webadmin.common.Paging;
import de.vorlauf.webadmin.common.UnknownEntityException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reading the experiment tracking for the Experiments pages: experiments, filtered runs, a run, a
 * comparison of two to five runs, an artifact's content (checksum verified, counted by outcome),
 * and pinning a run beyond its experiment's artifact retention.
 */
@ApplicationScoped
public class ExperimentService {

  static final int MIN_COMPARED = 2;
  static final int MAX_COMPARED = 5;
  private static final Object NONE = new Object();

  @Inject ExperimentQueries queries;
  @Inject ExperimentTracker tracker;
  @Inject ExperimentMetrics metrics;

  public List<ExperimentDto> experiments() throws SQLException {
    return queries.experiments().stream().map(ExperimentDto::of).toList();
  }

  public ExperimentDto experiment(String name) throws SQLException {
    return queries
        .experiment(name)
        .map(ExperimentDto::of)
        .orElseThrow(() -> new UnknownEntityException("experiment", name));
  }

  public PageDto<RunDto> runs(RunFilter filter, PageRequest page) throws SQLException {
    experiment(filter.experiment());
    return Paging.toDto(queries.runs(filter, page), RunDto::of);
  }

  public RunDetailDto run(long runId) throws SQLException {
    return RunDetailDto.of(detail(runId));
  }

  public ComparisonDto compare(List<Long> ids) throws SQLException {
    List<Long> distinct = List.copyOf(new LinkedHashSet<>(ids));
    if (distinct.size() < MIN_COMPARED || distinct.size() > MAX_COMPARED) {
      throw new InvalidInputException(
          "ids", "compare 2 to 5 different runs, not " + distinct.size());
    }
    List<RunDetail> runs = new ArrayList<>();
    for (long id : distinct) {
      runs.add(detail(id));
    }
    Set<String> paramKeys = new TreeSet<>();
    Set<String> metricKeys = new TreeSet<>();
    runs.forEach(
        r -> {
          paramKeys.addAll(r.params().keySet());
          metricKeys.addAll(r.run().metrics().keySet());
        });
    List<ComparisonDto.ParamRowDto> params =
        paramKeys.stream()
            .map(
                key -> {
                  List<String> values = runs.stream().map(r -> r.params().get(key)).toList();
                  return new ComparisonDto.ParamRowDto(key, values, differ(values));
                })
            .toList();
    List<ComparisonDto.MetricRowDto> metricRows =
        metricKeys.stream()
            .map(
                key -> {
                  List<Double> values = runs.stream().map(r -> r.run().metrics().get(key)).toList();
                  return new ComparisonDto.MetricRowDto(key, values, differ(values));
                })
            .toList();
    Map<String, Map<Long, List<RunDetailDto.StepDto>>> series = new TreeMap<>();
    for (RunDetail r : runs) {
      RunDetailDto.of(r)
          .series()
          .forEach(
              (key, steps) ->
                  series
                      .computeIfAbsent(key, k -> new java.util.LinkedHashMap<>())
                      .put(r.run().id(), steps));
    }
    return new ComparisonDto(
        runs.stream().map(r -> RunDto.of(r.run())).toList(), params, metricRows, series);
  }

  /** The artifact's content; refused when it is corrupted or removed (see the resource). */
  public Artifact artifact(long runId, String name) throws SQLException {
    try {
      Artifact artifact =
          queries
              .artifact(runId, name)
              .orElseThrow(
                  () -> new UnknownEntityException("artifact", name + "' of run '" + runId));
      metrics.served();
      return artifact;
    } catch (de.vorlauf.persistence.experiments.ArtifactCorruptedException e) {
      metrics.corrupted();
      throw e;
    } catch (de.vorlauf.persistence.experiments.ArtifactPurgedException e) {
      metrics.removed();
      throw e;
    }
  }

  /** Keeps (or stops keeping) a run's artifacts beyond its experiment's retention. */
  public RunDto pin(long runId, boolean pinned) throws SQLException {
    detail(runId);
    tracker.pin(runId, pinned);
    return RunDto.of(detail(runId).run());
  }

  private RunDetail detail(long runId) throws SQLException {
    return queries
        .run(runId)
        .orElseThrow(() -> new UnknownEntityException("run", String.valueOf(runId)));
  }

  private static boolean differ(List<?> values) {
    // a run without the key differs from one with it
    return values.stream().map(v -> v == null ? NONE : v).distinct().count() > 1;
  }
}
