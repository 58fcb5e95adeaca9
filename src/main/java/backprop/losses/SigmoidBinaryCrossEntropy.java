package backprop.losses;

import backprop.layers.Sigmoid;

/**
 * Sigmoid and binary cross-entropy in one step, on logits Z: h = σ(z),
 * L = −(1/N)·Σ [y·ln h + (1 − y)·ln(1 − h)] = (1/N)·Σ [max(z, 0) − z·y + ln(1 + e^(−|z|))],
 * and ∂L/∂z = (h − y)/N (document 004's OneNet gradient ∂J/∂z = (h − y)/m).
 *
 * <p>The second form of L is the same number, computed without overflow: a logit of ±800 gives a finite
 * loss and gradient.
 */
public final class SigmoidBinaryCrossEntropy implements Loss {

    @Override
    public LossValue evaluate(double[][] input, double[][] target) {
        Targets.checkPair(getClass().getSimpleName(), input, target);
        Targets.checkUnitInterval(getClass().getSimpleName(), target);
        int n = input.length;
        double sum = 0;
        double[][] grad = new double[n][input[0].length];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < input[i].length; k++) {
                double z = input[i][k];
                double y = target[i][k];
                sum += Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
                grad[i][k] = (Sigmoid.sigmoid(z) - y) / n;
            }
        }
        return new LossValue(sum / n, grad);
    }

    @Override
    public double[][] probabilities(double[][] input) {
        double[][] p = new double[input.length][input[0].length];
        for (int i = 0; i < input.length; i++) {
            for (int k = 0; k < input[i].length; k++) {
                p[i][k] = Sigmoid.sigmoid(input[i][k]);
            }
        }
        return p;
    }
}
