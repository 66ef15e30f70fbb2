package de.vorlauf.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.domain.training.DemandFeature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelManifestTest {

  @Test
  void aManifestReadsBackEqualFromItsJson() {
    ModelManifest manifest = Fixture.files().manifest();
    assertThat(manifest.featureNames()).isEqualTo(DemandFeature.columns());
    assertThat(manifest.version()).isEqualTo(1);
    assertThat(ModelManifest.fromJson(manifest.toJson())).isEqualTo(manifest);

    ModelManifest bare =
        new ModelManifest(
            ModelManifest.FORMAT,
            "heat-demand",
            null,
            "features",
            "demand_w_m2",
            List.of(new ModelManifest.Feature("x", "°C", 1.5, 0.25)),
            new ModelManifest.Target("demand_w_m2", "W/m²", 20, 5),
            new ModelManifest.OnnxFile("ab", 2),
            null,
            null,
            null,
            Instant.parse("2026-12-03T18:00:00Z"));
    assertThat(ModelManifest.fromJson(bare.toJson())).isEqualTo(bare);
    assertThat(new String(bare.toJson(), StandardCharsets.UTF_8))
        .contains("\"version\" : null", "\"sha256\" : \"ab\"");
  }

  @Test
  void anotherFormatOrAnythingElseIsRefusedAsCorrupt() {
    String json =
        new String(Fixture.files().manifest().toJson(), StandardCharsets.UTF_8)
            .replace("\"format\" : 1", "\"format\" : 2");
    assertThatThrownBy(() -> ModelManifest.fromJson(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            ModelException.class,
            e -> assertThat(e.reason()).isEqualTo(ModelException.Reason.CORRUPT))
        .hasMessageContaining("format 2");
    assertThatThrownBy(() -> ModelManifest.fromJson("{\"format\": 1}".getBytes()))
        .isInstanceOfSatisfying(
            ModelException.class,
            e -> assertThat(e.reason()).isEqualTo(ModelException.Reason.CORRUPT));
    assertThatThrownBy(() -> ModelManifest.fromJson("not json".getBytes()))
        .isInstanceOf(ModelException.class);
  }
}
