package de.vorlauf.webadmin.heating;

import static org.assertj.core.api.Assertions.assertThat;

import de.vorlauf.domain.heating.HeatingType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pins where the web tier learns the heating types: from the domain enum (API) and, in the browser,
 * from {@code GET /api/v1/heating-types}. No page, script or class of the WAR names a type, so a
 * new type needs no change here.
 */
class HeatingTypeVocabularyTest {

  @Test
  void theApiListsEveryTypeWithItsLimits() {
    List<HeatingTypeDto> listed = new HeatingTypeResource().list();

    assertThat(listed).extracting(HeatingTypeDto::code).isEqualTo(HeatingType.codes());
    HeatingTypeDto district = listed.get(HeatingType.FERNWAERME.ordinal());
    assertThat(district.limits()).isEqualTo(new HeatingTypeDto.Limits(20.0, 80.0, 50.0));
    HeatingTypeDto heatPump = listed.get(HeatingType.WAERMEPUMPE.ordinal());
    assertThat(heatPump.limits().returnTempMax()).isNull();
    assertThat(heatPump.defaultCurve()).isEqualTo(new HeatingTypeDto.Curve(35.0, 1.5, 25.0, 55.0));
  }

  @Test
  void noPageScriptOrClassOfTheWarNamesAHeatingType() throws IOException {
    List<Path> roots = List.of(Path.of("src/main/webapp"), Path.of("src/main/java"));
    for (Path root : roots) {
      assertThat(root).isDirectory();
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          String text = Files.readString(file);
          for (HeatingType type : HeatingType.values()) {
            // quoted or as an option value: the way a second list would spell it
            Pattern literal = Pattern.compile("[\"'>]" + type.code() + "[\"'<]");
            assertThat(literal.matcher(text).find())
                .as("%s names the heating type %s", file, type.code())
                .isFalse();
          }
        }
      }
    }
  }

  @Test
  void theBuildingFormTakesItsChoicesFromTheApi() throws IOException {
    String script = Files.readString(Path.of("src/main/webapp/js/pages/buildings.js"));

    assertThat(script).contains("api('/heating-types')").doesNotContain("value: 'gas'");
  }
}
