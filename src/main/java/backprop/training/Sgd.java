package backprop.training;

import backprop.fast.RowWise;
import backprop.layers.Parameter;
import java.util.List;

/**
 * Plain gradient descent, the rule of every document: θ ← θ − η·∂L/∂θ.
 *
 * <p>Document 000 §七 ({@code W_i ← W_i − step·∂loss/∂W_i}); 002's {@code W2 = W2 − learning_rate·dW2};
 * 003 梯度更新; 004 {@code update}; 001 后向传播 ("减去学习率和偏导的乘积").
 */
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
