package backprop.network;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.layers.Dense;
import backprop.layers.Initializer;
import backprop.losses.SoftmaxCrossEntropy;
import backprop.losses.Targets;
import backprop.network.GradientCheck.ParameterReport;
import backprop.network.GradientCheck.Report;
import backprop.random.SplitMix64;
import backprop.testing.Random;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The directional check covers every entry at once: it must pass a correct network and catch a wrong
 * gradient in a handful of entries, which a sampled per-entry check misses in most draws. The broken
 * variants ({@link BrokenDense}) are: a loop over the samples ending one early in two rows of dW, one 4×4
 * tile of dW written transposed (as a blocked product could), and document 000's bias gradient without 1/N.
 */
class DirectionalCheckTest {

    private static final double THRESHOLD = 1e-7;
    private static final int N = 6;

    /** 60-40-20-5 with tanh and softmax cross-entropy: 3,365 parameters, no kinks. */
    private static Network network() {
        return Network.builder(60, new SplitMix64(31)).weights(Initializer.normal(0.3)).biases(Initializer.normal(0.3))
                .dense(40).tanh().dense(20).tanh().dense(5).loss(new SoftmaxCrossEntropy()).build();
    }

    private static double[][] inputs() {
        return Random.uniform(new SplitMix64(32), N, 60, 1.0);
    }

    private static double[][] targets() {
        return Targets.oneHot(Random.labels(new SplitMix64(33), N, 5), 5);
    }

    private static Report directional(Network net) {
        return GradientCheck.directional(net, inputs(), targets(), THRESHOLD, 4, new SplitMix64(34));
    }

    /** The rows named pass, every other row fails by more than 1e-4: the check points at the broken parameter. */
    private static void onlyTheseFail(Report report, String... failing) {
        List<String> bad = List.of(failing);
        for (ParameterReport p : report.parameters()) {
            if (bad.contains(p.name())) {
                assertThat(p.passed()).as(p.name() + "\n" + report).isFalse();
                assertThat(p.maxRelativeErrorBeyondResolution()).as(p.name()).isGreaterThan(1e-4);
            } else {
                assertThat(p.passed()).as(p.name() + "\n" + report).isTrue();
            }
        }
    }

    /** How many of six sampled checks of {@code per} entries per parameter pass the broken network. */
    private static int sampledChecksThatPass(Network broken, int per) {
        int passed = 0;
        for (long seed = 1; seed <= 6; seed++) {
            if (GradientCheck.network(broken, inputs(), targets(), THRESHOLD, per, new SplitMix64(seed)).passed()) {
                passed++;
            }
        }
        return passed;
    }

    /** Every entry of the broken layer alone, with f = Σ G ⊙ layer(x). */
    private static ParameterReport everyEntryOfTheLayer(BrokenDense.Damage damage) {
        Dense dense = (Dense) network().layers().get(0);
        Report report = GradientCheck.layer(new BrokenDense(dense, damage), inputs(),
                Random.uniform(new SplitMix64(35), N, 40, 1.0), THRESHOLD);
        return report.get("dense1.W");
    }

    @Test
    void aCorrectNetworkPassesEveryRowAndEveryEntryTakesPart() {
        Network net = network();
        Report report = directional(net);
        assertThat(report.passed()).as(report.toString()).isTrue();
        assertThat(report.parameters()).extracting(ParameterReport::name).containsExactly("dense1.W", "dense1.b",
                "dense2.W", "dense2.b", "dense3.W", "dense3.b", "input", "all parameters");
        assertThat(report.get("all parameters").total()).isEqualTo(net.parameterCount()).isEqualTo(3365);
        assertThat(report.get("dense1.W").total()).isEqualTo(2400);
        for (ParameterReport p : report.parameters()) {
            assertThat(p.entries()).isEqualTo(4);
            assertThat(p.kinks()).isZero();
            assertThat(p.maxRelativeError()).as(p.name()).isLessThan(1e-8);
        }
    }

    @Test
    void aWrongDerivativeInTwoRowsIsCaught() {
        BrokenDense.Damage damage = BrokenDense.lastSampleLeftOutOfRows(17, 42);
        Network broken = BrokenDense.replacing(network(), "dense1", damage);
        onlyTheseFail(directional(broken), "dense1.W", "all parameters");
        // 80 wrong entries of 2,400: a sample of 5 misses them with probability 0.84 each time
        assertThat(sampledChecksThatPass(broken, 5)).isPositive();
        // checking every entry finds exactly the 80
        ParameterReport every = everyEntryOfTheLayer(damage);
        assertThat(every.failed()).isEqualTo(80);
        assertThat(every.passedByRelative() + every.passedByResolution()).isEqualTo(2400 - 80);
    }

    @Test
    void aTransposedTileOfAProductIsCaught() {
        BrokenDense.Damage damage = BrokenDense.transposedBlock(8, 4);
        Network broken = BrokenDense.replacing(network(), "dense1", damage);
        onlyTheseFail(directional(broken), "dense1.W", "all parameters");
        // 12 wrong entries of 2,400: a sample of 5 misses them with probability 0.975 each time
        assertThat(sampledChecksThatPass(broken, 5)).isPositive();
        assertThat(everyEntryOfTheLayer(damage).failed()).isEqualTo(12);
    }

    @Test
    void aMissingOneOverNOnOneBiasIsCaughtByBothModes() {
        Network broken = BrokenDense.replacing(network(), "dense2", BrokenDense.biasNotDividedByN());
        onlyTheseFail(directional(broken), "dense2.b", "all parameters");
        Report perEntry = GradientCheck.network(broken, inputs(), targets(), THRESHOLD, 5, new SplitMix64(1));
        assertThat(perEntry.get("dense2.b").failed()).isEqualTo(5);
        // the wrong gradient is N = 6 times the right one: relative error 5/6
        assertThat(perEntry.get("dense2.b").maxRelativeError()).isCloseTo(5.0 / 6, org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void theSameSeedGivesTheSameReport() {
        Report first = directional(network());
        Report second = directional(network());
        assertThat(second.toString()).isEqualTo(first.toString());
    }
}
