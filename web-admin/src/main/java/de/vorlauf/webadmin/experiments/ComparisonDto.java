package de.vorlauf.webadmin.experiments;

import java.util.List;
import java.util.Map;

/**
 * Two to five runs side by side: one row per parameter and metric any of them has, with the values
 * in the order of {@code runs} (null where a run lacks it) and whether they differ; the learning
 * curves of every run for overlaying.
 *
 * @param series metric key, then run id, then its steps
 */
public record ComparisonDto(
    List<RunDto> runs,
    List<ParamRowDto> params,
    List<MetricRowDto> metrics,
    Map<String, Map<Long, List<RunDetailDto.StepDto>>> series) {

  public record ParamRowDto(String key, List<String> values, boolean differs) {}

  public record MetricRowDto(String key, List<Double> values, boolean differs) {}
}
