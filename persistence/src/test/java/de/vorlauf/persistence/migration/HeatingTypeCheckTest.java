package de.vorlauf.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.vorlauf.domain.heating.HeatingType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeatingTypeCheckTest {

  @Test
  void theCheckListsEveryCodeOfTheEnum() {
    assertThat(R__Heating_type_check.checkSql(HeatingType.codes()))
        .contains("CHECK (heating_type IN ('gas', 'fernwaerme', 'waermepumpe', 'hybrid'))");
  }

  @Test
  void aNewTypeChangesTheChecksumSoFlywayAppliesItAgain() {
    List<String> more = new ArrayList<>(HeatingType.codes());
    more.add("pellets");

    assertThat(new R__Heating_type_check(more).getChecksum())
        .isNotEqualTo(new R__Heating_type_check().getChecksum());
    assertThat(new R__Heating_type_check(HeatingType.codes()).getChecksum())
        .isEqualTo(new R__Heating_type_check().getChecksum());
  }

  @Test
  void onlyPlainCodesReachTheStatement() {
    assertThatThrownBy(() -> R__Heating_type_check.checkSql(List.of("gas', 'x")))
        .isInstanceOf(IllegalStateException.class);
  }
}
