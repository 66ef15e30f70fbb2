package de.vorlauf.webadmin.models;

import java.util.List;

/** A model's page: the model, its versions (newest first) and its change log (newest first). */
public record ModelDetailDto(
    ModelDto model, List<ModelVersionDto> versions, List<LogEntryDto> log) {}
