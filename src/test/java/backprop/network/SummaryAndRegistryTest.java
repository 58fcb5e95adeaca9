package backprop.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backprop.layers.Initializer;
import backprop.layers.Layer;
import backprop.losses.Loss;
import backprop.losses.SoftmaxCrossEntropy;
import backprop.random.SplitMix64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link Network#summary()}, parameter counts, and the one registry of layer and loss types. */
class SummaryAndRegistryTest {

    private static Network threeNet() {
        return Network.builder(784, new SplitMix64(1)).weights(Initializer.normal(0.01)).dense(200).relu().dense(80)
                .leakyRelu(0.3).dense(10).loss(new SoftmaxCrossEntropy()).l2(1e-3).build();
    }

    @Test
    void summaryListsEveryLayerWithItsOutputShapeAndParameterCount() {
        Network net = threeNet();
        // 784·200 + 200, 200·80 + 80, 80·10 + 10, counted by hand
        assertThat(net.parameterCount()).isEqualTo(157_000 + 16_080 + 810);
        String summary = net.summary();
        assertThat(summary.lines().toList()).contains(
                "dense1       dense 784→200      N×200           157,000   (dense1.W 784×200, dense1.b 1×200)",
                "relu1        relu               N×200                 0",
                "leaky-relu2  leaky-relu(0.3)    N×80                  0",
                "dense3       dense 80→10        N×10                810   (dense3.W 80×10, dense3.b 1×10)",
                "loss: softmax-cross-entropy, L2 penalty λ = 0.001 on the weights",
                "total parameters: 173,890");
    }

    @Test
    void describeNamesEveryLayerByItsRegisteredType() {
        assertThat(threeNet().describe()).isEqualTo("784 → dense 784→200 → relu → dense 200→80 → leaky-relu(0.3) → "
                + "dense 80→10 | softmax-cross-entropy + L2(0.001)");
    }

    @Test
    void everyRegisteredTypeHasOneNameAndOneClass() {
        Set<String> names = new HashSet<>();
        Set<Class<?>> classes = new HashSet<>();
        for (Registry.LayerType t : Registry.LAYERS) {
            assertThat(names.add(t.name())).as(t.name()).isTrue();
            assertThat(classes.add(t.type())).as(t.name()).isTrue();
        }
        for (Registry.LossType t : Registry.LOSSES) {
            assertThat(names.add(t.name())).as(t.name()).isTrue();
            assertThat(classes.add(t.type())).as(t.name()).isTrue();
            Loss made = t.make().get();
            assertThat(made).isInstanceOf(t.type());
            assertThat(Registry.name(made)).isEqualTo(t.name());
        }
    }

    @Test
    void everyActivationTypeRoundTripsThroughItsFields() {
        for (Registry.LayerType t : Registry.LAYERS) {
            if (t.name().equals("dense")) {
                continue;
            }
            Map<String, Double> given = t.fields().contains("slope") ? Map.of("slope", 0.25) : Map.of();
            Layer layer = t.read().apply("x1", Registry.fields(given));
            assertThat(Registry.typeOf(layer)).isSameAs(t);
            assertThat(t.write().apply(layer)).isEqualTo(given);
            assertThat(t.fields()).containsExactlyElementsOf(given.keySet());
        }
    }

    @Test
    void theBuilderAddsAnyRegisteredTypeByName() {
        Network net = Network.builder(3, new SplitMix64(2)).dense(4).layer("tanh", Map.of()).dense(2)
                .layer("softmax", Map.of()).loss(Registry.lossType("cross-entropy").make().get()).build();
        assertThat(net.layers().stream().map(Layer::name).toList())
                .isEqualTo(List.of("dense1", "tanh1", "dense2", "softmax2"));
        assertThatThrownBy(() -> Network.builder(3, new SplitMix64(2)).layer("swish", Map.of()))
                .hasMessageContaining("unknown layer type 'swish'").hasMessageContaining("leaky-relu");
        assertThatThrownBy(() -> Network.builder(3, new SplitMix64(2)).layer("dense", Map.of("outputs", 3)))
                .hasMessageContaining("dense(outputs)");
    }
}
