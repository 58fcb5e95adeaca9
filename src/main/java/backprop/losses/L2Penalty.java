package backprop.losses;

import backprop.fast.RowWise;
import backprop.layers.Parameter;
import java.util.List;

/**
 * The L2 weight penalty of document 004 (regLoss): R = ½·λ·Σ‖W‖² over the weight matrices only (biases
 * are not penalised), with gradient ∂R/∂W = λ·W. It is added to any data loss; λ = 0 turns it off.
 *
 * @param lambda λ, the strength of the penalty, finite and ≥ 0
 */
public record L2Penalty(double lambda) {

    /** No penalty. */
    public static final L2Penalty NONE = new L2Penalty(0.0);

    /**
     * Checks that λ is finite and ≥ 0.
     *
     * @param lambda λ, the strength of the penalty
     */
    public L2Penalty {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("L2 penalty: λ = " + lambda + ", expected a finite λ ≥ 0");
        }
    }

    /**
     * R = ½·λ·Σ_W Σ_ij w_ij² over the regularised parameters.
     *
     * @param parameters the parameters; only the regularised ones count
     * @return R
     */
    public double value(List<Parameter> parameters) {
        if (lambda == 0) {
            return 0;
        }
        double sum = 0;
        for (Parameter p : parameters) {
            if (p.regularized()) {
                sum += RowWise.sumOfSquares(p.value());          // ‖W‖², as Matrix.sumOfSquares
            }
        }
        return 0.5 * lambda * sum;
    }

    /**
     * gradient ← gradient + λ·W for every regularised parameter (after the backward pass filled it);
     * returns R = ½·λ·Σ‖W‖², so a training step needs no second call.
     *
     * @param parameters the parameters; only the regularised ones are changed
     * @return R
     */
    public double addGradients(List<Parameter> parameters) {
        if (lambda == 0) {
            return 0;
        }
        for (Parameter p : parameters) {
            if (p.regularized()) {
                RowWise.addScaledInPlace(p.gradient(), lambda, p.value());   // dW += λ·W, as Matrix.addScaledInPlace
            }
        }
        return value(parameters);
    }
}
