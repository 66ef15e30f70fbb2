package de.vorlauf.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkerMainTest {

  @Test
  void unknownCommandIsAUsageError() {
    assertThat(WorkerMain.run(new String[] {"serve"})).isEqualTo(2);
    assertThat(WorkerMain.run(new String[] {"run", "extra"})).isEqualTo(2);
  }
}
