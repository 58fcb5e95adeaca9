package backprop.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The epochs of one training run, and which one was best. */
public final class History {

    private final List<EpochRecord> epochs = new ArrayList<>();
    private int bestEpoch;
    private String stopReason = "completed all epochs";

    void add(EpochRecord record) {
        epochs.add(record);
    }

    void setBestEpoch(int epoch) {
        this.bestEpoch = epoch;
    }

    void setStopReason(String reason) {
        this.stopReason = reason;
    }

    /** @return every epoch's record, in order (unmodifiable) */
    public List<EpochRecord> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    /** @return the record of the last epoch run */
    public EpochRecord last() {
        checkNotEmpty();
        return epochs.get(epochs.size() - 1);
    }

    private void checkNotEmpty() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("no epochs were run (epochs 0), so there is no epoch record; "
                    + "check epochs().isEmpty() first");
        }
    }

    /**
     * The epoch (from 1) with the best monitored metric; its parameters are restored when keepBest is on.
     *
     * @return the best epoch, from 1; 0 when no epoch was run
     */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** @return the record of the best epoch, see {@link #bestEpoch()} */
    public EpochRecord best() {
        checkNotEmpty();
        return epochs.get(bestEpoch - 1);
    }

    /**
     * Why training stopped: all epochs done, or early stopping.
     *
     * @return the reason, e.g. "completed all epochs"
     */
    public String stopReason() {
        return stopReason;
    }

    /**
     * The training losses, epoch by epoch.
     *
     * @return the training loss of each epoch, in order
     */
    public double[] trainLosses() {
        return epochs.stream().mapToDouble(EpochRecord::trainLoss).toArray();
    }
}
