package de.vorlauf.domain.training;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The heating-degree baseline: per building, a least-squares line of the target hour's heat power
 * (kW) on the forecast's degree hours ({@link DemandFeature#FORECAST_DEGREE_HOURS}, the same
 * forecast the model gets), fitted on that building's training samples only. A building whose
 * training samples do not vary in degree hours (all summer) predicts its training mean.
 */
public final class DegreeHourBaseline {

  /** One building's line: kW = intercept + slope · degree hours. */
  public record Line(double interceptKw, double slopeKwPerKh, long samples) {
    public double predict(double degreeHours) {
      return interceptKw + slopeKwPerKh * degreeHours;
    }
  }

  private final Map<String, Line> lines;

  private DegreeHourBaseline(Map<String, Line> lines) {
    this.lines = Map.copyOf(lines);
  }

  /** Fits one line per building on {@code training} (samples of the train part). */
  public static DegreeHourBaseline fit(List<DemandSample> training) {
    Map<String, SimpleRegression> regressions = new HashMap<>();
    Map<String, Mean> means = new HashMap<>();
    for (DemandSample s : training) {
      regressions
          .computeIfAbsent(s.buildingId(), id -> new SimpleRegression(true))
          .addData(s.feature(DemandFeature.FORECAST_DEGREE_HOURS), s.targetKw());
      means.computeIfAbsent(s.buildingId(), id -> new Mean()).increment(s.targetKw());
    }
    Map<String, Line> lines = new HashMap<>();
    regressions.forEach(
        (id, r) -> {
          double slope = r.getSlope();
          double intercept = r.getIntercept();
          if (Double.isNaN(slope) || Double.isNaN(intercept)) {
            // one sample, or no spread in degree hours: the mean is the best line there is
            lines.put(id, new Line(means.get(id).getResult(), 0, r.getN()));
          } else {
            lines.put(id, new Line(intercept, slope, r.getN()));
          }
        });
    return new DegreeHourBaseline(lines);
  }

  /** The building's line; empty for a building without training samples. */
  public Optional<Line> line(String buildingId) {
    return Optional.ofNullable(lines.get(buildingId));
  }

  /** kW for {@code sample}; NaN when its building had no training samples. */
  public double predictKw(DemandSample sample) {
    Line line = lines.get(sample.buildingId());
    return line == null
        ? Double.NaN
        : line.predict(sample.feature(DemandFeature.FORECAST_DEGREE_HOURS));
  }
}
