package backprop.training;

import backprop.network.Network;

/**
 * Hears about training as it goes: progress bars, logs, a rule of your own for stopping. Both methods do
 * nothing unless overridden; {@link #epochEnded} can end training after any epoch by returning
 * {@link Decision#STOP} (the history then says "stopped by the listener after epoch N", and a run that
 * keeps its best epoch still restores it).
 */
public interface EpochListener {

    /**
     * Once, before the first epoch (also when there are no epochs to run): the network as it was built.
     * A listener may keep a reference to it, copy its initial parameters, or choose how its dense layers
     * compute ({@code Network.setComputation}).
     *
     * @param network the network about to be trained
     */
    default void trainingStarted(Network network) {
    }

    /** What the trainer does after an epoch. */
    enum Decision {
        /** Go on with the next epoch. */
        CONTINUE,
        /** End training now. */
        STOP
    }

    /**
     * Where an epoch stands after a batch.
     *
     * @param epoch           the epoch, from 1
     * @param batch           the batch just done, from 1
     * @param batches         batches in the epoch
     * @param samplesDone     samples of the epoch trained on so far
     * @param runningLoss     mean loss of the epoch's batches so far
     * @param runningAccuracy mean accuracy of the epoch's batches so far (NaN for regression)
     */
    record BatchProgress(int epoch, int batch, int batches, int samplesDone, double runningLoss,
            double runningAccuracy) {
    }

    /**
     * After every batch: the running means of the loss and of the accuracy over the batches of the epoch so
     * far (each batch scored before its step; accuracy NaN for regression).
     *
     * @param progress where the epoch stands
     */
    default void batchEnded(BatchProgress progress) {
    }

    /**
     * After every epoch, with its record.
     *
     * @param record what the epoch did
     * @return {@link Decision#STOP} to end training here, {@link Decision#CONTINUE} to go on
     */
    default Decision epochEnded(EpochRecord record) {
        return Decision.CONTINUE;
    }

    /**
     * Asked after every batch: true ends training there, as {@link Trainer#requestStop()} does (a Ctrl-C
     * handler answers true once the user has asked to stop).
     *
     * @return whether training should stop after the batch just done
     */
    default boolean stopRequested() {
        return false;
    }

    /** A listener that does nothing. */
    EpochListener SILENT = new EpochListener() {
    };
}
