package backprop.training;

import backprop.layers.Parameter;
import java.util.List;

/**
 * An update rule: after a backward pass has filled every gradient, {@code step} moves every parameter.
 * Weight decay is not hidden in here: it enters through the network's L2 penalty, as in document 004.
 */
public interface Optimizer {

    /**
     * Updates every parameter in place from its gradient, with step size {@code learningRate}.
     *
     * @param parameters   the parameters, their gradients filled by a backward pass
     * @param learningRate the step size η
     */
    void step(List<Parameter> parameters, double learningRate);

    /**
     * A short description, e.g. {@code sgd} or {@code adam(0.9, 0.999)}.
     *
     * @return the rule and its settings, for reports
     */
    String describe();
}
