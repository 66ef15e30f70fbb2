package de.vorlauf.domain.optimization;

import java.util.ArrayList;
import java.util.List;

/** The flow setpoint as a strategy shapes it, with the constraints that moved it. */
final class Setpoint {

  private double flowC;
  private final List<String> binding = new ArrayList<>();
  private final List<String> violated = new ArrayList<>();

  Setpoint(double flowC) {
    this.flowC = flowC;
  }

  double flowC() {
    return flowC;
  }

  /** Moves the flow and records why. */
  void move(double value, String constraint) {
    if (value != flowC) {
      flowC = value;
      binding.add(constraint);
    }
  }

  void violated(String constraint) {
    violated.add(constraint);
  }

  List<String> binding() {
    return binding;
  }

  List<String> violated() {
    return violated;
  }
}
