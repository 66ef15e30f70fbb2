package de.vorlauf.webadmin.realtime;

import de.vorlauf.domain.optimization.OptimizationResult;
import de.vorlauf.persistence.optimization.StoredOptimization;

/** A stored real-time optimisation as the endpoint answers it. */
final class OptimizeResponses {

  private OptimizeResponses() {}

  static OptimizeResponse of(StoredOptimization stored, String requestId) {
    OptimizationResult r = stored.result();
    return new OptimizeResponse(
        r.buildingId(),
        r.recommendedFlowC(),
        r.recommendedRoomC(),
        r.sendRoomSetpoint(),
        r.timestamp(),
        r.validUntil(),
        r.confidence(),
        stored.model(),
        stored.model() == null ? null : stored.modelVersion(),
        r.demand() == null ? null : r.demand().heatKw(),
        Double.isFinite(r.baselineFlowC()) ? r.baselineFlowC() : null,
        r.predictedSavingsPercent(),
        r.bindingConstraints(),
        r.constraintsViolated(),
        r.fallback() == null ? null : r.fallback().name(),
        r.fallbackReason(),
        stored.predictionMissing(),
        requestId);
  }
}
