package backprop.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backprop.random.SplitMix64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shape mistakes in any layer end in a message that names the layer and both shapes. */
class LayerShapeTest {

    @Test
    void denseRejectsAnInputOfTheWrongWidth() {
        Dense dense = new Dense("dense1", 3, 2, Initializer.zeros(), Initializer.zeros(), new SplitMix64(1));
        assertThatThrownBy(() -> dense.forward(new double[4][5]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dense1: input is 4×5 but the layer takes 3 columns (W is 3×2)");
    }

    @Test
    void everyLayerRejectsAnUpstreamGradientOfTheWrongShape() {
        List<Layer> layers = List.of(
                new Dense("dense1", 3, 3, Initializer.zeros(), Initializer.zeros(), new SplitMix64(1)),
                new Sigmoid("sigmoid1"), new Tanh("tanh1"), new ReLU("relu1"), new LeakyReLU("leaky1", 0.1),
                new Identity("identity1"), new Softmax("softmax1"));
        for (Layer layer : layers) {
            layer.forward(new double[4][3]);
            assertThatThrownBy(() -> layer.backward(new double[4][2]))
                    .as(layer.name())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(layer.name() + ": upstream gradient is 4×2 but the forward output was 4×3;"
                            + " they must be equal");
        }
    }

    @Test
    void backwardBeforeForwardIsExplained() {
        assertThatThrownBy(() -> new ReLU("relu1").backward(new double[1][1]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("relu1: backward called before forward");
    }

    @Test
    void raggedInputsNameTheLayer() {
        assertThatThrownBy(() -> new Tanh("tanh1").forward(new double[][] {{1, 2}, {3}}))
                .hasMessageStartingWith("tanh1: input is ragged");
    }

    @Test
    void backwardOverwritesParameterGradients() {
        // Gradient semantics: backward overwrites. Two identical backward passes leave the same gradient,
        // not twice it.
        Dense dense = new Dense("dense1", 2, 2, Initializer.normal(1), Initializer.normal(1), new SplitMix64(3));
        double[][] x = {{1, 2}, {3, 4}};
        double[][] g = {{1, -1}, {0.5, 2}};
        dense.forward(x);
        dense.backward(g);
        double[][] first = backprop.matrix.Matrix.copy(dense.weights().gradient());
        dense.forward(x);
        dense.backward(g);
        assertThat(dense.weights().gradient()).isDeepEqualTo(first);
        // and by hand: dW = Xᵀ·G = [1·1+3·0.5, 1·(−1)+3·2; 2·1+4·0.5, 2·(−1)+4·2] = [2.5 5; 4 6]
        assertThat(first).isDeepEqualTo(new double[][] {{2.5, 5}, {4, 6}});
        assertThat(dense.bias().gradient()).isDeepEqualTo(new double[][] {{1.5, 1}});
    }
}
