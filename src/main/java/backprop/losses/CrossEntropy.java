package backprop.losses;

import backprop.matrix.Matrix;

/**
 * Multi-class cross-entropy on probabilities Ŷ (the output of a {@code Softmax} layer), document 000 §五:
 * L = −(1/N)·Σ_i Σ_k y_ik·ln ŷ_ik, and §六: ∂L/∂Ŷ = −(1/N)·Y/Ŷ (element-wise quotient).
 *
 * <p>Only entries with y ≠ 0 enter: there ŷ is clamped below at ε = 1e-15, p = max(ε, ŷ), so ln never sees
 * 0 (document 000's code takes −log of a product of powers instead, which underflows), and the value and
 * the gradient −y/(p·N) are taken at p: where ŷ &lt; ε the gradient is −y/(ε·N), not the 0 of the clamped
 * (flat) loss. Entries with y = 0 add nothing and have gradient 0. {@link SoftmaxCrossEntropy} on logits
 * needs no clamp at all.
 */
public final class CrossEntropy implements Loss {

    /** The floor that keeps logs and quotients finite. */
    public static final double EPSILON = 1e-15;

    @Override
    public LossValue evaluate(double[][] input, double[][] target) {
        Targets.checkPair(getClass().getSimpleName(), input, target);
        Targets.checkDistributions(getClass().getSimpleName(), target);
        int n = input.length;
        double sum = 0;
        double[][] grad = new double[n][input[0].length];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < input[i].length; k++) {
                double y = target[i][k];
                if (y != 0) {
                    double p = Math.max(EPSILON, input[i][k]);
                    sum += y * Math.log(p);
                    grad[i][k] = -y / (p * n);
                }
            }
        }
        return new LossValue(-sum / n, grad);
    }

    @Override
    public double[][] probabilities(double[][] input) {
        return Matrix.copy(input);
    }
}
