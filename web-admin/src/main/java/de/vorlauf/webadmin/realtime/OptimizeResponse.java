package de.vorlauf.webadmin.realtime;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code POST /api/v1/optimize}: the source document's {@code OptimizationResponse}
 * ({@code recommended_vorlauf}, {@code recommended_setpoint}, {@code valid_until}) with what a
 * client needs to act on it. docs/architecture.md ("Real-time optimisation") says how a client
 * applies it.
 *
 * @param recommendedVorlauf the flow temperature setpoint, °C, within the equipment limits
 * @param recommendedSetpoint the room temperature it aims at, °C
 * @param sendRoomSetpoint whether a controller should take the room setpoint (only where the
 *     building measures its room temperature)
 * @param asOf the instant decided for: the request's timestamp
 * @param validUntil the end of the answer's validity: after it the building runs its own curve
 * @param confidence 0..1; 0 for a fallback
 * @param modelVersion the version that predicted; null when none did
 * @param fallback why the building's own curve was used (e.g. {@code NO_MODEL}); null otherwise
 * @param predictionMissing why the model did not predict; null when it did
 * @param requestId the id the call is stored under
 */
public record OptimizeResponse(
    @JsonbProperty("building_id") String buildingId,
    @JsonbProperty("recommended_vorlauf") double recommendedVorlauf,
    @JsonbProperty("recommended_setpoint") double recommendedSetpoint,
    @JsonbProperty("send_room_setpoint") boolean sendRoomSetpoint,
    @JsonbProperty("as_of") Instant asOf,
    @JsonbProperty("valid_until") Instant validUntil,
    double confidence,
    String model,
    @JsonbProperty("model_version") Integer modelVersion,
    @JsonbProperty("predicted_heat_kw") Double predictedHeatKw,
    @JsonbProperty("baseline_vorlauf") Double baselineVorlauf,
    @JsonbProperty("predicted_savings_percent") double predictedSavingsPercent,
    @JsonbProperty("binding_constraints") List<String> bindingConstraints,
    @JsonbProperty("constraints_violated") List<String> constraintsViolated,
    String fallback,
    @JsonbProperty("fallback_reason") String fallbackReason,
    @JsonbProperty("prediction_missing") String predictionMissing,
    @JsonbProperty("request_id") String requestId) {}
