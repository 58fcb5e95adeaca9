package backprop.layers;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.network.GradientCheck.Report;
import backprop.network.GradientCheck;
import backprop.random.SplitMix64;
import backprop.testing.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every layer against centred differences, with f = Σ G ⊙ layer(x) for a random upstream G, on several
 * shapes (a 1×1 batch, a batch of one, odd sizes) and seeds. Threshold 1e-7: correct.
 */
class LayerGradientTest {

    /** batch N, input width D, output width H (H is used by Dense only), seed. */
    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(1, 1, 1, 1L), Arguments.of(1, 5, 3, 2L), Arguments.of(4, 3, 2, 3L),
                Arguments.of(7, 6, 5, 4L), Arguments.of(2, 10, 1, 5L), Arguments.of(16, 4, 9, 6L));
    }

    private static Report check(Function<Integer, Layer> make, int n, int d, int outWidth, long seed) {
        SplitMix64 r = new SplitMix64(seed);
        Layer layer = make.apply(d);
        // Inputs kept at |z| ≥ 0.1 so no ±h step crosses a ReLU kink; the other layers do not mind.
        double[][] x = Random.awayFromZero(r, n, d);
        double[][] g = Random.uniform(r, n, outWidth, 1.0);
        Report report = GradientCheck.layer(layer, x, g, GradientCheck.LAYER_THRESHOLD);
        assertThat(report.parameters()).allSatisfy(p -> assertThat(p.kinks()).isZero());
        assertThat(report.passed()).as(report.toString()).isTrue();
        assertThat(report.maxRelativeError()).isLessThanOrEqualTo(1e-7);
        return report;
    }

    @ParameterizedTest(name = "N={0} D={1} H={2} seed={3}")
    @MethodSource("shapes")
    void dense(int n, int d, int h, long seed) {
        Report report = check(in -> new Dense("dense1", in, h, Initializer.normal(1.0), Initializer.normal(1.0),
                new SplitMix64(seed + 100)), n, d, h, seed);
        assertThat(report.parameters()).extracting(GradientCheck.ParameterReport::name)
                .containsExactly("dense1.W", "dense1.b", "input");
    }

    @ParameterizedTest(name = "N={0} D={1} seed={3}")
    @MethodSource("shapes")
    void sigmoid(int n, int d, int h, long seed) {
        check(in -> new Sigmoid("sigmoid1"), n, d, d, seed);
    }

    @ParameterizedTest(name = "N={0} D={1} seed={3}")
    @MethodSource("shapes")
    void tanh(int n, int d, int h, long seed) {
        check(in -> new Tanh("tanh1"), n, d, d, seed);
    }

    @ParameterizedTest(name = "N={0} D={1} seed={3}")
    @MethodSource("shapes")
    void relu(int n, int d, int h, long seed) {
        check(in -> new ReLU("relu1"), n, d, d, seed);
    }

    @ParameterizedTest(name = "N={0} D={1} seed={3}")
    @MethodSource("shapes")
    void leakyRelu(int n, int d, int h, long seed) {
        check(in -> new LeakyReLU("leaky1", 0.3), n, d, d, seed);
        check(in -> new LeakyReLU("leaky1", 0.01), n, d, d, seed + 50);
    }

    @ParameterizedTest(name = "N={0} D={1} seed={3}")
    @MethodSource("shapes")
    void identity(int n, int d, int h, long seed) {
        check(in -> new Identity("identity1"), n, d, d, seed);
    }

    @ParameterizedTest(name = "N={0} D={1} seed={3}")
    @MethodSource("shapes")
    void softmax(int n, int d, int h, long seed) {
        check(in -> new Softmax("softmax1"), n, d, d, seed);
    }
}
