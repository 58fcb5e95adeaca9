package backprop.documents;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.documents.Document000.Defect;
import backprop.documents.Document000.Gradients;
import backprop.layers.Dense;
import backprop.layers.LeakyReLU;
import backprop.losses.SoftmaxCrossEntropy;
import backprop.matrix.Matrix;
import backprop.network.Network;
import backprop.random.SplitMix64;
import backprop.training.Sgd;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Document 000 transcribed, column-major, against the library's row-major network. */
class Document000Test {

    private static final Set<Defect> NONE = EnumSet.noneOf(Defect.class);
    private static final double K = 0.3;

    /** A small 9-7-5-4 network in the document's shapes, and a batch of 6 samples. */
    private static final class Case {
        final SplitMix64 r = new SplitMix64(1000);
        final double[][] W1 = Same.uniform(r, 7, 9, 0.5);
        final double[][] b1 = Same.uniform(r, 7, 1, 0.5);
        final double[][] W2 = Same.uniform(r, 5, 7, 0.5);
        final double[][] b2 = Same.uniform(r, 5, 1, 0.5);
        final double[][] W3 = Same.uniform(r, 4, 5, 0.5);
        final double[][] b3 = Same.uniform(r, 4, 1, 0.5);
        final double[][] X = Same.uniform(r, 9, 6, 2.0);
        final double[][] Y = Same.oneHotColumns(Same.labels(r, 6, 4), 4);

        Document000 transcription(Set<Defect> defects) {
            return new Document000(W1, b1, W2, b2, W3, b3, K, defects);
        }

        /** The library's network with the transposed weights: Z = X·W + b with W = W_iᵀ, b = b_iᵀ. */
        Network library() {
            return Same.network(9, List.of(new Dense("dense1", Matrix.transpose(W1), Matrix.transpose(b1)),
                    new LeakyReLU("leaky-relu1", K),
                    new Dense("dense2", Matrix.transpose(W2), Matrix.transpose(b2)), new LeakyReLU("leaky-relu2", K),
                    new Dense("dense3", Matrix.transpose(W3), Matrix.transpose(b3))), new SoftmaxCrossEntropy(), 0);
        }
    }

    @Test
    void lossAndGradientsEqualTheLibrarysTransposed() {
        Case c = new Case();
        Document000 doc = c.transcription(NONE);
        Network net = c.library();
        double[][] A3 = doc.forward(c.X);
        double loss = doc.loss(c.Y);
        Gradients g = doc.backPropagation(c.X, c.Y, 0);
        double libraryLoss = net.computeGradients(Matrix.transpose(c.X), Matrix.transpose(c.Y));

        Same.number("§五 loss", loss, libraryLoss);
        Same.transposed("§三 Ŷ = A3", A3, net.probabilities(Matrix.transpose(c.X)));
        Same.transposed("§六.1 dW3", g.dW3(), Same.parameter(net, "dense3.W").gradient());
        Same.transposed("§六.1 db3", g.db3(), Same.parameter(net, "dense3.b").gradient());
        Same.transposed("§六.2 dW2", g.dW2(), Same.parameter(net, "dense2.W").gradient());
        Same.transposed("§六.2 db2", g.db2(), Same.parameter(net, "dense2.b").gradient());
        Same.transposed("§六.3 dW1", g.dW1(), Same.parameter(net, "dense1.W").gradient());
        Same.transposed("§六.3 db1", g.db1(), Same.parameter(net, "dense1.b").gradient());
        // a step of 0 moves nothing
        assertThat(doc.W1()).isDeepEqualTo(c.W1);
    }

    @Test
    void tenStepsEqualTheTrainersTenFullBatchSteps() {
        Case c = new Case();
        Document000 doc = c.transcription(NONE);
        Network net = c.library();
        List<Double> losses = doc.train(c.X, c.Y, 0.05, 6, 10);
        double[] trainer = Same.trainerTrace(net, Matrix.transpose(c.X), Matrix.transpose(c.Y), 10, 0.05);
        assertThat(losses).hasSize(10);
        for (int i = 0; i < 10; i++) {
            Same.number("loss before step " + (i + 1), losses.get(i), trainer[i]);
        }
        assertThat(losses.get(9)).isLessThan(losses.get(0));
        Same.transposed("W1 after 10 steps", doc.W1(), Same.parameter(net, "dense1.W").value());
        Same.transposed("b1 after 10 steps", doc.b1(), Same.parameter(net, "dense1.b").value());
        Same.transposed("W3 after 10 steps", doc.W3(), Same.parameter(net, "dense3.W").value());
        Same.transposed("b3 after 10 steps", doc.b3(), Same.parameter(net, "dense3.b").value());
    }

    @Test
    void miniBatchesInOrderEqualTheLibrarysStepsOnTheSameBatches() {
        Case c = new Case();
        Document000 doc = c.transcription(NONE);
        Network net = c.library();
        // batches of 4: columns 0..3, then the smaller 4..5, twice
        List<Double> losses = doc.train(c.X, c.Y, 0.1, 4, 2);
        double[][] x = Matrix.transpose(c.X);
        double[][] y = Matrix.transpose(c.Y);
        int step = 0;
        for (int epoch = 0; epoch < 2; epoch++) {
            for (int from = 0; from < 6; from += 4) {
                int to = Math.min(6, from + 4);
                double[][] bx = java.util.Arrays.copyOfRange(x, from, to);
                double[][] by = java.util.Arrays.copyOfRange(y, from, to);
                Same.number("loss of batch " + step, losses.get(step), net.computeGradients(bx, by));
                new Sgd().step(net.parameters(), 0.1);
                step++;
            }
        }
        assertThat(losses).hasSize(4);
        Same.transposed("W2 after 4 steps", doc.W2(), Same.parameter(net, "dense2.W").value());
    }

    @Test
    void eachGradientSwitchBreaksTheAgreement() {
        Case c = new Case();
        Network net = c.library();
        net.computeGradients(Matrix.transpose(c.X), Matrix.transpose(c.Y));
        double[][] libraryDb1 = Matrix.transpose(Same.parameter(net, "dense1.b").gradient());
        double[][] libraryDW2 = Matrix.transpose(Same.parameter(net, "dense2.W").gradient());

        Document000 undivided = c.transcription(EnumSet.of(Defect.DB1_NOT_DIVIDED));
        undivided.forward(c.X);
        Gradients g = undivided.backPropagation(c.X, c.Y, 0);
        // db1 is n = 6 times the library's; everything else still agrees
        assertThat(Matrix.maxAbsDifference(g.db1(), Matrix.scale(6, libraryDb1))).isLessThan(1e-12);
        assertThat(Matrix.maxAbsDifference(g.db1(), libraryDb1)).isGreaterThan(1e-3);
        Same.matrix("dW2 with db1 undivided", g.dW2(), libraryDW2);

        Document000 early = c.transcription(EnumSet.of(Defect.UPDATE_BEFORE_DELTA));
        early.forward(c.X);
        Gradients e = early.backPropagation(c.X, c.Y, 0.5);
        Same.matrix("dW3 is computed before any update", e.dW3(),
                Matrix.transpose(Same.parameter(net, "dense3.W").gradient()));
        assertThat(Matrix.maxAbsDifference(e.dW2(), libraryDW2)).isGreaterThan(1e-4);
        // with a step of 0 the order of the updates does not matter
        Document000 still = c.transcription(EnumSet.of(Defect.UPDATE_BEFORE_DELTA));
        still.forward(c.X);
        Same.matrix("dW2, step 0", still.backPropagation(c.X, c.Y, 0).dW2(), libraryDW2);
    }

    @Test
    void theListingsLossAndSoftmaxAgreeWhereNothingOverflows() {
        Case c = new Case();
        Document000 listing = c.transcription(EnumSet.of(Defect.LOSS_OF_PRODUCT, Defect.UNSHIFTED_SOFTMAX));
        Document000 right = c.transcription(NONE);
        listing.forward(c.X);
        right.forward(c.X);
        Same.number("loss", listing.loss(c.Y), right.loss(c.Y));
        Same.matrix("dW1", listing.backPropagation(c.X, c.Y, 0).dW1(), right.backPropagation(c.X, c.Y, 0).dW1());
    }

    @Test
    void rawPixelsAreTheReadersValuesAndScaledOnesAreDividedBy255() {
        double[][] pixels = {{0, 255, 51}, {102, 0, 0}};
        assertThat(Document000.inputs(pixels, EnumSet.of(Defect.RAW_PIXELS)))
                .isDeepEqualTo(new double[][] {{0, 102}, {255, 0}, {51, 0}});
        assertThat(Document000.inputs(pixels, NONE)).isDeepEqualTo(new double[][] {{0, 0.4}, {1, 0}, {0.2, 0}});
    }
}
