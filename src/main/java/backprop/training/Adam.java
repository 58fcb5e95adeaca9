package backprop.training;

import backprop.layers.Parameter;
import java.util.List;

/**
 * Adam (Kingma and Ba, 2015). With t the number of steps taken, starting at 1, and m = v = 0 at first:
 * <pre>
 *   m ← β1·m + (1 − β1)·g          v ← β2·v + (1 − β2)·g²
 *   m̂ = m / (1 − β1^t)              v̂ = v / (1 − β2^t)
 *   θ ← θ − η·m̂ / (√v̂ + ε)
 * </pre>
 *
 * <p>No document uses it: all five step by plain gradient descent (000 §七). The library's {@code sine}
 * experiment uses it for document 001 part 1, whose SGD at 5e-4 would take hours (NOTES.md §9).
 */
public final class Adam implements Optimizer {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final OptimizerState first = new OptimizerState("adam");
    private final OptimizerState second = new OptimizerState("adam");
    private long t;

    /** Adam with the usual β1 = 0.9, β2 = 0.999, ε = 1e-8. */
    public Adam() {
        this(0.9, 0.999, 1e-8);
    }

    /**
     * Adam with the given decay rates and ε.
     *
     * @param beta1   β1, the decay of the mean m, in [0, 1)
     * @param beta2   β2, the decay of the mean square v, in [0, 1)
     * @param epsilon ε, added to √v̂, &gt; 0
     */
    public Adam(double beta1, double beta2, double epsilon) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0)) {
            throw new IllegalArgumentException("adam: β1 = " + beta1 + ", β2 = " + beta2 + ", ε = " + epsilon
                    + "; expected 0 ≤ β1, β2 < 1 and ε > 0");
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    public void step(List<Parameter> parameters, double learningRate) {
        List<double[][]> ms = first.forParameters(parameters);
        List<double[][]> vs = second.forParameters(parameters);
        t++;
        double correction1 = 1 - Math.pow(beta1, t);
        double correction2 = 1 - Math.pow(beta2, t);
        for (int k = 0; k < parameters.size(); k++) {
            double[][] theta = parameters.get(k).value();
            double[][] g = parameters.get(k).gradient();
            double[][] m = ms.get(k);
            double[][] v = vs.get(k);
            for (int i = 0; i < theta.length; i++) {
                for (int j = 0; j < theta[i].length; j++) {
                    double gij = g[i][j];
                    m[i][j] = beta1 * m[i][j] + (1 - beta1) * gij;
                    v[i][j] = beta2 * v[i][j] + (1 - beta2) * gij * gij;
                    double mHat = m[i][j] / correction1;
                    double vHat = v[i][j] / correction2;
                    theta[i][j] -= learningRate * mHat / (Math.sqrt(vHat) + epsilon);
                }
            }
        }
    }

    @Override
    public String describe() {
        return "adam(" + beta1 + ", " + beta2 + ")";
    }
}
