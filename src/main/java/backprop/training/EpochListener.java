package backprop.training;

/** Hears about training as it goes: progress bars, logs. Both methods do nothing unless overridden. */
public interface EpochListener {

    /** After every batch: {@code batch} of {@code batches} done in {@code epoch}, with the running mean loss. */
    default void batchEnded(int epoch, int batch, int batches, int samplesDone, double runningLoss) {
    }

    /** After every epoch, with its record. */
    default void epochEnded(EpochRecord record) {
    }

    /** A listener that does nothing. */
    EpochListener SILENT = new EpochListener() {
    };
}
