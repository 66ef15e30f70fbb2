package de.vorlauf.domain.clock;

/** The outcome of comparing one pair of clocks with the skew threshold. */
public enum SkewVerdict {
  /** Even the largest skew the measurement allows is within the threshold. */
  WITHIN,
  /** Even the smallest skew the measurement allows exceeds the threshold. */
  EXCEEDED,
  /** The measurement is too imprecise to tell: its interval straddles the threshold. */
  INCONCLUSIVE
}
