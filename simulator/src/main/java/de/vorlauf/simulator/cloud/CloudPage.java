package de.vorlauf.simulator.cloud;

import java.util.List;

/**
 * One answer of the history endpoint.
 *
 * @param truncated whether more points exist after the last one in {@code points}
 */
public record CloudPage(List<CloudPoint> points, boolean truncated) {

  public CloudPage {
    points = List.copyOf(points);
  }
}
