package de.vorlauf.webadmin.training;

import java.util.List;

/**
 * Body of {@code POST /api/v1/training/runs}; every field may be left out for its default.
 *
 * @param from start of the window, an ISO instant on a whole UTC hour; with {@code to}
 * @param to end of the window (exclusive)
 * @param lastDays without from/to: the last this many days (default 56)
 * @param buildingIds empty or absent: every active building
 */
public record TrainingRunInput(
    String from,
    String to,
    Integer lastDays,
    List<String> buildingIds,
    Integer horizonHours,
    List<Integer> hiddenLayers,
    Integer epochs,
    Double learningRate,
    Long seed) {}
