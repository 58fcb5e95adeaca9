package backprop.training;

import backprop.random.SplitMix64;

/**
 * Changes each training batch before its step, such as {@link RandomShifts} of images. The trainer gives it
 * the batch's rows (which belong to the dataset and must not be written to) and its own generator, right
 * after the epoch's permutation was drawn from it, so a run stays the same for the same seed. Scoring
 * never sees an augmented row.
 */
@FunctionalInterface
public interface Augmentation {

    /**
     * The rows to train on in place of {@code batch}.
     *
     * @param batch  the batch's rows, N×D; not to be changed
     * @param random the trainer's generator, to draw from in a fixed order
     * @return N×D rows to train on (may be a buffer the augmentation reuses from batch to batch)
     */
    double[][] apply(double[][] batch, SplitMix64 random);
}
