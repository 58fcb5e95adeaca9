package backprop.losses;

import backprop.matrix.Matrix;

/**
 * L = ½·mean((Ŷ − Y)²) over all N·K entries (document 001 part 1), so ∂L/∂Ŷ = (Ŷ − Y)/(N·K).
 * With one output column this is ½·(1/N)·Σ(ŷ − y)², the report's loss.
 */
public final class MeanSquaredError implements Loss {

    @Override
    public LossValue evaluate(double[][] input, double[][] target) {
        Targets.checkPair(getClass().getSimpleName(), input, target);
        int n = input.length;
        int k = input[0].length;
        double count = (double) n * k;
        double sum = 0;
        double[][] grad = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double d = input[i][j] - target[i][j];
                sum += d * d;
                grad[i][j] = d / count;
            }
        }
        return new LossValue(0.5 * sum / count, grad);
    }

    @Override
    public double[][] probabilities(double[][] input) {
        return Matrix.copy(input);
    }

    @Override
    public boolean classification() {
        return false;
    }
}
