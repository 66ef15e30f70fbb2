package de.vorlauf.webadmin.experiments;

import de.vorlauf.persistence.experiments.ArtifactInfo;
import de.vorlauf.persistence.experiments.Lineage;
import de.vorlauf.persistence.experiments.MetricStep;
import de.vorlauf.persistence.experiments.RunDetail;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A run's page: the run, its parameters, learning curves, artifacts and lineage.
 *
 * @param series stepped metrics by key: [{step, value}] ordered by step
 * @param lineage null until the training recorded it
 */
public record RunDetailDto(
    RunDto run,
    Map<String, String> params,
    Map<String, List<StepDto>> series,
    List<ArtifactDto> artifacts,
    LineageDto lineage) {

  public record StepDto(long step, double value) {}

  /**
   * @param download the API address of the content; null once retention removed it
   */
  public record ArtifactDto(
      String name,
      String mediaType,
      long sizeBytes,
      String sha256,
      Instant storedAt,
      Instant removedAt,
      String download) {

    static ArtifactDto of(ArtifactInfo a) {
      return new ArtifactDto(
          a.name(),
          a.mediaType(),
          a.sizeBytes(),
          a.sha256(),
          a.storedAt(),
          a.purgedAt(),
          a.available() ? Links.artifact(a.runId(), a.name()) : null);
    }
  }

  /**
   * @param buildingIds empty: every building with features in the window
   * @param etlRuns the ETL runs that wrote the window's features, each linked to its workflow
   */
  public record LineageDto(
      LocalDate featureFrom,
      LocalDate featureTo,
      List<String> buildingIds,
      int buildingDays,
      String dataFingerprint,
      String codeVersion,
      String workflowId,
      String workflowPath,
      List<EtlRunDto> etlRuns,
      Instant recordedAt) {}

  public record EtlRunDto(
      String workflowId, int buildingDays, LocalDate firstDay, LocalDate lastDay, String path) {}

  static RunDetailDto of(RunDetail d) {
    RunDto run = RunDto.of(d.run());
    Lineage l = d.lineage();
    LineageDto lineage =
        l == null
            ? null
            : new LineageDto(
                l.window().from(),
                l.window().to(),
                l.window().buildingIds(),
                l.buildingDays(),
                l.dataFingerprint(),
                run.codeVersion(),
                run.workflowId(),
                run.workflowPath(),
                l.etlRuns().stream()
                    .map(
                        e ->
                            new EtlRunDto(
                                e.workflowId(),
                                e.buildingDays(),
                                e.firstDay(),
                                e.lastDay(),
                                Links.workflow(e.workflowId(), null)))
                    .toList(),
                l.recordedAt());
    return new RunDetailDto(
        run,
        d.params(),
        steps(d.series()),
        d.artifacts().stream().map(ArtifactDto::of).toList(),
        lineage);
  }

  private static Map<String, List<StepDto>> steps(Map<String, List<MetricStep>> series) {
    Map<String, List<StepDto>> result = new java.util.TreeMap<>();
    series.forEach(
        (key, steps) ->
            result.put(key, steps.stream().map(s -> new StepDto(s.step(), s.value())).toList()));
    return result;
  }
}
