package de.vorlauf.domain.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class DeviceLogContextTest {

  @AfterEach
  void clear() {
    MDC.clear();
  }

  @Test
  void putsTheIdsAndRestoresWhatWasThereBefore() {
    MDC.put(DeviceLogContext.DEVICE_ID, "outer");
    try (DeviceLogContext context = DeviceLogContext.open("b-1", "gb-7")) {
      assertThat(MDC.get(DeviceLogContext.BUILDING_ID)).isEqualTo("b-1");
      assertThat(MDC.get(DeviceLogContext.DEVICE_ID)).isEqualTo("gb-7");
    }
    assertThat(MDC.get(DeviceLogContext.DEVICE_ID)).isEqualTo("outer");
    assertThat(MDC.get(DeviceLogContext.BUILDING_ID)).isNull();
  }

  @Test
  void anUnknownIdIsLeftOut() {
    try (DeviceLogContext context = DeviceLogContext.open(null, "gb-7")) {
      assertThat(MDC.getCopyOfContextMap()).containsOnlyKeys(DeviceLogContext.DEVICE_ID);
    }
    assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
  }
}
