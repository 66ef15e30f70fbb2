package de.vorlauf.activities.training;

/**
 * One point of the loss curve: mean squared error of the normalised target (dimensionless; 1.0 is
 * as good as predicting the training mean) on the whole train and validation parts after the epoch.
 */
public record EpochLoss(int epoch, double trainLoss, double validationLoss) {}
