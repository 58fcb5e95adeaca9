package backprop.training;

import java.util.ArrayList;
import java.util.List;

/**
 * The learning rate for each epoch. The trainer asks before every epoch, giving the epoch number (from 1)
 * and the lowest training loss of the epochs so far (+∞ before the first).
 */
public interface LearningRateSchedule {

    /**
     * The rate for an epoch.
     *
     * @param epoch      the epoch, from 1
     * @param lowestLoss the lowest training loss of the epochs so far, +∞ before the first
     * @return the learning rate η, finite and &gt; 0
     */
    double rate(int epoch, double lowestLoss);

    /**
     * A short description, e.g. {@code constant(0.1)}.
     *
     * @return the schedule and its settings, for reports
     */
    String describe();

    /**
     * The same rate every epoch.
     *
     * @param rate the learning rate, finite and &gt; 0
     * @return the schedule {@code constant(rate)}
     */
    static LearningRateSchedule constant(double rate) {
        checkRate(rate);
        return new LearningRateSchedule() {
            @Override
            public double rate(int epoch, double lowestLoss) {
                return rate;
            }

            @Override
            public String describe() {
                return "constant(" + rate + ")";
            }
        };
    }

    /**
     * rate = initial·factor^⌊(epoch − 1)/every⌋: multiplied by {@code factor} after every {@code every}
     * epochs.
     *
     * @param initial the rate of the first {@code every} epochs, finite and &gt; 0
     * @param factor  the multiplier, 0 &lt; factor ≤ 1
     * @param every   the number of epochs between steps, ≥ 1
     * @return the schedule {@code step-decay(initial, ×factor every every)}
     */
    static LearningRateSchedule stepDecay(double initial, double factor, int every) {
        checkRate(initial);
        if (!(factor > 0 && factor <= 1) || every < 1) {
            throw new IllegalArgumentException("step decay: factor " + factor + " every " + every
                    + " epochs; expected 0 < factor ≤ 1 and every ≥ 1");
        }
        return new LearningRateSchedule() {
            @Override
            public double rate(int epoch, double lowestLoss) {
                return initial * Math.pow(factor, (epoch - 1) / every);
            }

            @Override
            public String describe() {
                return "step-decay(" + initial + ", ×" + factor + " every " + every + ")";
            }
        };
    }

    /**
     * Document 001's schedule done right: {@code initial} until the loss has fallen below the first
     * threshold, then that threshold's rate, and so on; the smallest threshold the lowest loss so far has
     * passed wins. Document 001's {@code elif} chain tested the largest threshold first and so never reached
     * the smaller ones.
     *
     * @param initial    the rate until the lowest loss falls below the first threshold
     * @param thresholds losses, strictly decreasing, e.g. {0.05, 0.03}
     * @param rates      the rate that applies below each threshold, e.g. {5e-5, 1e-5}
     * @return the schedule {@code step-on-loss(initial, <threshold: rate, …)}
     */
    static LearningRateSchedule stepOnLoss(double initial, double[] thresholds, double[] rates) {
        checkRate(initial);
        if (thresholds.length != rates.length) {
            throw new IllegalArgumentException("step on loss: " + thresholds.length + " thresholds but "
                    + rates.length + " rates; give one rate per threshold");
        }
        for (int i = 0; i < thresholds.length; i++) {
            checkRate(rates[i]);
            if (i > 0 && !(thresholds[i] < thresholds[i - 1])) {
                throw new IllegalArgumentException("step on loss: thresholds must be strictly decreasing, but "
                        + thresholds[i - 1] + " is followed by " + thresholds[i]);
            }
        }
        double[] t = thresholds.clone();
        double[] r = rates.clone();
        return new LearningRateSchedule() {
            @Override
            public double rate(int epoch, double lowestLoss) {
                double rate = initial;
                for (int i = 0; i < t.length; i++) {
                    if (lowestLoss < t[i]) {
                        rate = r[i];
                    }
                }
                return rate;
            }

            @Override
            public String describe() {
                List<String> steps = new ArrayList<>();
                for (int i = 0; i < t.length; i++) {
                    steps.add("<" + t[i] + ": " + r[i]);
                }
                return "step-on-loss(" + initial + ", " + String.join(", ", steps) + ")";
            }
        };
    }

    private static void checkRate(double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("learning rate " + rate + ": expected a finite rate > 0");
        }
    }
}
