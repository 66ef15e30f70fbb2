package de.vorlauf.worker.config;

import de.vorlauf.domain.schedule.ScheduleOverrides;
import de.vorlauf.workflows.schedule.ScheduleDeclaration;
import de.vorlauf.workflows.schedule.VorlaufSchedules;
import java.util.List;
import java.util.Objects;

/**
 * Which schedules the worker sets up at start.
 *
 * @param declarations the declared schedules, {@link VorlaufSchedules#DECLARED} in production
 * @param overrides configured changes ({@code VORLAUF_SCHEDULE_OVERRIDES})
 * @param idPrefix prefix of the Temporal schedule ids ({@link VorlaufSchedules#ID_PREFIX}); tests
 *     use their own
 */
public record ScheduleSettings(
    List<ScheduleDeclaration> declarations, ScheduleOverrides overrides, String idPrefix) {

  /**
   * No schedules: the default of {@link WorkerConfig#builder()}, so that the many tests which run a
   * worker on a shared Temporal server do not each set up the platform's schedules.
   */
  public static final ScheduleSettings NONE =
      new ScheduleSettings(List.of(), ScheduleOverrides.none(), VorlaufSchedules.ID_PREFIX);

  public ScheduleSettings {
    declarations = List.copyOf(declarations);
    Objects.requireNonNull(overrides, "overrides");
    Objects.requireNonNull(idPrefix, "idPrefix");
  }

  /** The platform's declarations with the configured overrides: what a real worker runs. */
  public static ScheduleSettings declared(ScheduleOverrides overrides) {
    return new ScheduleSettings(VorlaufSchedules.DECLARED, overrides, VorlaufSchedules.ID_PREFIX);
  }

  public List<ScheduleDeclaration> effective() {
    return VorlaufSchedules.effective(declarations, overrides);
  }

  @Override
  public String toString() {
    return declarations.stream().map(ScheduleDeclaration::id).toList()
        + (overrides.ids().isEmpty() ? "" : " overridden " + overrides);
  }
}
