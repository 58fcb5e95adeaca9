package backprop.training;

import backprop.fast.RowWise;
import backprop.layers.Parameter;
import java.util.List;

/** Plain gradient descent, the rule of every document: θ ← θ − η·∂L/∂θ. */
public final class Sgd implements Optimizer {

    /** θ ← θ − η·g for every parameter. */
    @Override
    public void step(List<Parameter> parameters, double learningRate) {
        for (Parameter p : parameters) {
            RowWise.addScaledInPlace(p.value(), -learningRate, p.gradient());   // as Matrix.addScaledInPlace
        }
    }

    @Override
    public String describe() {
        return "sgd";
    }
}
