package backprop.losses;

import backprop.layers.Softmax;

/**
 * Softmax and cross-entropy in one step, on logits Z: P = softmax(Z) row by row,
 * L = −(1/N)·Σ_i Σ_k y_ik·ln p_ik, and ∂L/∂Z = (P − Y)/N.
 *
 * <p>That gradient is document 000 §六's "恰巧有" result (the softmax Jacobian times −Y/Ŷ collapses to
 * Ŷ − Y) and document 004's ∇z = (probs − Y)/N. The log is taken as ln p_ik = (z_ik − m_i) − ln Σ_j
 * e^(z_ij − m_i) with m_i the row maximum, so it is finite for any finite logits.
 */
public final class SoftmaxCrossEntropy implements Loss {

    @Override
    public LossValue evaluate(double[][] input, double[][] target) {
        Targets.checkPair(getClass().getSimpleName(), input, target);
        Targets.checkDistributions(getClass().getSimpleName(), target);
        int n = input.length;
        int classes = input[0].length;
        double sum = 0;
        double[][] grad = new double[n][classes];
        for (int i = 0; i < n; i++) {
            double[] z = input[i];
            double[] g = grad[i];
            double max = z[0];
            for (double v : z) {
                max = Math.max(max, v);
            }
            double norm = 0;
            for (int k = 0; k < classes; k++) {
                g[k] = Math.exp(z[k] - max);           // e^(z − m), kept to make p below
                norm += g[k];
            }
            double logNorm = Math.log(norm);
            for (int k = 0; k < classes; k++) {
                double y = target[i][k];
                if (y != 0) {
                    sum += y * (z[k] - max - logNorm);  // y·ln p
                }
                g[k] = (g[k] / norm - y) / n;           // (p − y)/N
            }
        }
        return new LossValue(-sum / n, grad);
    }

    @Override
    public double[][] probabilities(double[][] input) {
        double[][] p = new double[input.length][input[0].length];
        for (int i = 0; i < input.length; i++) {
            Softmax.softmaxRow(input[i], p[i]);
        }
        return p;
    }
}
