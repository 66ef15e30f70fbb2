package de.vorlauf.domain.training;

import java.util.List;
import java.util.Map;

/**
 * The samples of a training window and what was left out.
 *
 * @param samples every usable sample, by building then time, each with its part
 * @param split the time split the parts come from
 * @param excludedBuildings building id → why it was left out (no area, no usable hour)
 * @param belowQuality issue hours dropped because an hour they read had a mean quality below the
 *     threshold
 * @param incomplete issue hours dropped for a missing value (a hour without rows or with fewer than
 *     four slots of heat power, too few outdoor hours in the last day)
 * @param fingerprint SHA-256 (hex) of the input read: the buildings' attributes and every hour
 *     aggregate, in order; the same data gives the same fingerprint
 */
public record DemandDataset(
    List<DemandSample> samples,
    TimeSplit split,
    Map<String, String> excludedBuildings,
    long belowQuality,
    long incomplete,
    String fingerprint) {

  public DemandDataset {
    samples = List.copyOf(samples);
    excludedBuildings = Map.copyOf(excludedBuildings);
  }

  public List<DemandSample> part(TimeSplit.Part part) {
    return samples.stream().filter(s -> s.part() == part).toList();
  }
}
