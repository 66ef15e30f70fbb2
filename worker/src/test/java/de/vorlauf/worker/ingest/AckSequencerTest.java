package de.vorlauf.worker.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AckSequencerTest {

  private final AckSequencer sequencer = new AckSequencer();

  private static List<Integer> ids(List<AckSequencer.Slot> slots) {
    return slots.stream().map(s -> s.messageId).toList();
  }

  @Test
  void acknowledgesInArrivalOrderEvenWhenLaterMessagesFinishFirst() {
    AckSequencer.Slot a = sequencer.arrived(1, 1);
    AckSequencer.Slot b = sequencer.arrived(2, 1);
    AckSequencer.Slot c = sequencer.arrived(3, 1);

    assertThat(sequencer.finished(c, true)).isEmpty();
    assertThat(sequencer.finished(b, true)).isEmpty();
    assertThat(ids(sequencer.finished(a, true))).containsExactly(1, 2, 3);
    assertThat(sequencer.waiting()).isZero();
  }

  @Test
  void neverAcknowledgesBeforeTheMessageItselfFinished() {
    AckSequencer.Slot a = sequencer.arrived(1, 1);
    AckSequencer.Slot b = sequencer.arrived(2, 1);
    assertThat(ids(sequencer.finished(a, true))).containsExactly(1);
    assertThat(sequencer.waiting()).isEqualTo(1);
    assertThat(ids(sequencer.finished(b, true))).containsExactly(2);
  }

  @Test
  void aMessageNotCommittedIsSkippedWithoutBlockingTheOthers() {
    AckSequencer.Slot a = sequencer.arrived(1, 1);
    AckSequencer.Slot b = sequencer.arrived(2, 1);
    assertThat(sequencer.finished(a, false)).isEmpty();
    assertThat(ids(sequencer.finished(b, true))).containsExactly(2);
  }

  @Test
  void qos0MessagesKeepTheirPlaceButAreNotAcknowledged() {
    AckSequencer.Slot a = sequencer.arrived(0, 0);
    AckSequencer.Slot b = sequencer.arrived(7, 1);
    assertThat(sequencer.finished(b, true)).isEmpty();
    assertThat(ids(sequencer.finished(a, true))).containsExactly(7);
  }

  @Test
  void finishingTwiceIsABug() {
    AckSequencer.Slot a = sequencer.arrived(1, 1);
    sequencer.arrived(2, 1);
    sequencer.finished(a, true);
    assertThatThrownBy(() -> sequencer.finished(a, true)).isInstanceOf(IllegalStateException.class);
  }
}
