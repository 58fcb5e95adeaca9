package backprop.training;

import backprop.layers.Parameter;
import java.util.List;

/**
 * Gradient descent with (heavy-ball) momentum μ: v ← μ·v − η·g, θ ← θ + v, with v = 0 at the start.
 * The velocity remembers the direction of past steps, which speeds progress along shallow valleys.
 *
 * <p>No document uses it: all five step by plain gradient descent (000 §七).
 */
public final class Momentum implements Optimizer {

    private final double mu;
    private final OptimizerState velocity = new OptimizerState("momentum");

    /** @param mu the momentum coefficient μ in [0, 1), typically 0.9 */
    public Momentum(double mu) {
        if (!(mu >= 0 && mu < 1)) {
            throw new IllegalArgumentException("momentum: μ = " + mu + ", expected 0 ≤ μ < 1");
        }
        this.mu = mu;
    }

    /** v ← μ·v − η·g; θ ← θ + v. */
    @Override
    public void step(List<Parameter> parameters, double learningRate) {
        List<double[][]> vs = velocity.forParameters(parameters);
        for (int k = 0; k < parameters.size(); k++) {
            double[][] theta = parameters.get(k).value();
            double[][] g = parameters.get(k).gradient();
            double[][] v = vs.get(k);
            for (int i = 0; i < theta.length; i++) {
                for (int j = 0; j < theta[i].length; j++) {
                    v[i][j] = mu * v[i][j] - learningRate * g[i][j];
                    theta[i][j] += v[i][j];
                }
            }
        }
    }

    @Override
    public String describe() {
        return "momentum(" + mu + ")";
    }
}
