package de.vorlauf.webadmin.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.heating.BuildingConfig;
import de.vorlauf.domain.heating.HeatingType;
import de.vorlauf.domain.models.ServedVersion;
import de.vorlauf.domain.optimization.BuildingState;
import de.vorlauf.domain.optimization.DemandPrediction;
import de.vorlauf.inference.serving.DemandServing;
import de.vorlauf.persistence.optimization.BuildingStates;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateEntryTest {

  private static final Instant HOUR = Instant.parse("2027-01-12T09:00:00Z");
  private static final BuildingConfig CONFIG =
      BuildingConfig.defaults("b1", HeatingType.GAS, ZoneId.of("Europe/Berlin"));

  private final List<DemandServing.Model> asked = new ArrayList<>();

  /** Predicts the version number in kW, so that each answer tells which version made it. */
  private DemandServing.Outcome predict(
      BuildingConfig config, List<?> hours, Instant issuedAt, DemandServing.Model model) {
    asked.add(model);
    int version = model.version().version();
    return new DemandServing.Outcome(
        new DemandPrediction("heat-demand", version, version, 1), null);
  }

  private static DemandServing.Model version(int version) {
    return new DemandServing.Model(
        new ServedVersion("heat-demand", version, Map.of("mlp.all.mae_kw", 1.25), Map.of()),
        0.5,
        null);
  }

  @Test
  void aPredictionIsMadeOncePerModelVersionAndConfigurationAndAgainWhenEitherChanges() {
    RealtimeOptimizer.StateEntry entry =
        new RealtimeOptimizer.StateEntry(
            new BuildingStates.Read(new BuildingState(HOUR, List.of()), List.of(), HOUR));

    // calls in the hour: one prediction; an equal model resolved again is the same version
    assertThat(entry.prediction(this::predict, CONFIG, version(1)).prediction().version())
        .isEqualTo(1);
    assertThat(entry.prediction(this::predict, CONFIG, version(1)).prediction().version())
        .isEqualTo(1);
    assertThat(asked).hasSize(1);

    // a promotion in the middle of the hour: the new champion predicts
    assertThat(entry.prediction(this::predict, CONFIG, version(2)).prediction().heatKw())
        .isEqualTo(2);
    assertThat(asked).hasSize(2);

    // a changed configuration (the registry's entry, read again): predicted again
    BuildingConfig changed =
        BuildingConfig.defaults("b1", HeatingType.WAERMEPUMPE, ZoneId.of("Europe/Berlin"));
    entry.prediction(this::predict, changed, version(2));
    entry.prediction(this::predict, changed, version(2));
    assertThat(asked).hasSize(3);
  }
}
