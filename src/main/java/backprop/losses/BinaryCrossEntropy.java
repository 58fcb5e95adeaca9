package backprop.losses;

import backprop.matrix.Matrix;

/**
 * Binary cross-entropy on probabilities H (the output of a {@code Sigmoid} layer), document 004's OneNet:
 * L = −(1/N)·Σ_i Σ_k [y·ln h + (1 − y)·ln(1 − h)], so ∂L/∂h = −(1/N)·(y/h − (1 − y)/(1 − h)).
 *
 * <p>h is clamped to h̃ = min(1 − ε, max(ε, h)) with ε = 1e-15 before the logs and divisions, so ln never
 * sees 0 and the gradient stays finite; document 004 adds β = 1e-4 inside the logs instead, which shifts
 * every value. Where h lies outside [ε, 1 − ε] both the value and the gradient are the formulas above taken
 * at h̃: the gradient there is not that of the clamped (flat) loss, which would be 0, but a large number
 * pointing the right way. Prefer {@link SigmoidBinaryCrossEntropy} on logits, which needs no clamp.
 */
public final class BinaryCrossEntropy implements Loss {

    /** The clamp that keeps logs and quotients finite. */
    public static final double EPSILON = 1e-15;

    @Override
    public LossValue evaluate(double[][] input, double[][] target) {
        Targets.checkPair(getClass().getSimpleName(), input, target);
        Targets.checkUnitInterval(getClass().getSimpleName(), target);
        int n = input.length;
        double sum = 0;
        double[][] grad = new double[n][input[0].length];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < input[i].length; k++) {
                double h = Math.min(1.0 - EPSILON, Math.max(EPSILON, input[i][k]));
                double y = target[i][k];
                sum += y * Math.log(h) + (1.0 - y) * Math.log(1.0 - h);
                grad[i][k] = -(y / h - (1.0 - y) / (1.0 - h)) / n;
            }
        }
        return new LossValue(-sum / n, grad);
    }

    @Override
    public double[][] probabilities(double[][] input) {
        return Matrix.copy(input);
    }
}
