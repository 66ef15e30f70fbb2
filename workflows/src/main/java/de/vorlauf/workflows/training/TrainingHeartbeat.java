package de.vorlauf.workflows.training;

/**
 * The train activity's heartbeat after every epoch: the progress and the checkpoint a retry resumes
 * from (the engine's {@code TrainingCheckpoint.toBytes()}, about 26 KB for a 32-32 network, well
 * below Temporal's heartbeat size limit).
 */
public record TrainingHeartbeat(
    int epoch, double trainLoss, double validationLoss, byte[] checkpoint) {}
