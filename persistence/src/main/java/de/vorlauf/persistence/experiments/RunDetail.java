package de.vorlauf.persistence.experiments;

import java.util.List;
import java.util.Map;

/**
 * Everything about one run.
 *
 * @param series the stepped metrics by key, each ordered by step
 * @param lineage null until the training recorded it
 */
public record RunDetail(
    RunSummary run,
    Map<String, String> params,
    Map<String, List<MetricStep>> series,
    List<ArtifactInfo> artifacts,
    Lineage lineage) {}
