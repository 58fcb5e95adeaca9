package backprop.training;

/** Hears about training as it goes: progress bars, logs. Both methods do nothing unless overridden. */
public interface EpochListener {

    /** Where an epoch stands after a batch. */
    record BatchProgress(int epoch, int batch, int batches, int samplesDone, double runningLoss,
            double runningAccuracy) {
    }

    /**
     * After every batch: the running means of the loss and of the accuracy over the batches of the epoch so
     * far (each batch scored before its step; accuracy NaN for regression).
     */
    default void batchEnded(BatchProgress progress) {
    }

    /** After every epoch, with its record. */
    default void epochEnded(EpochRecord record) {
    }

    /** A listener that does nothing. */
    EpochListener SILENT = new EpochListener() {
    };
}
