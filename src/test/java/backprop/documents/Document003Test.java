package backprop.documents;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.documents.Document003.Defect;
import backprop.documents.Document003.Gradients;
import backprop.layers.Dense;
import backprop.layers.ReLU;
import backprop.losses.SigmoidBinaryCrossEntropy;
import backprop.matrix.Matrix;
import backprop.network.Network;
import backprop.random.SplitMix64;
import backprop.training.Sgd;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Document 003 transcribed, column-major, against the library's mnist-idx network. */
class Document003Test {

    private static final Set<Defect> NONE = EnumSet.noneOf(Defect.class);

    private static Network library(Document003 doc) {
        return Same.network(Matrix.cols(doc.w1()), List.of(
                new Dense("dense1", Matrix.transpose(doc.w1()), Matrix.transpose(doc.b1())), new ReLU("relu1"),
                new Dense("dense2", Matrix.transpose(doc.w2()), Matrix.transpose(doc.b2()))),
                new SigmoidBinaryCrossEntropy(), 0);
    }

    /** A 13-8-5 network with weights and biases of either sign, so that some ReLUs are off. */
    private static Document003 small(SplitMix64 r) {
        return new Document003(Same.uniform(r, 8, 13, 0.5), Same.uniform(r, 8, 1, 0.5), Same.uniform(r, 5, 8, 0.5),
                Same.uniform(r, 5, 1, 0.5), NONE);
    }

    @Test
    void lossAndGradientsEqualTheLibrarysTransposed() {
        SplitMix64 r = new SplitMix64(3001);
        Document003 doc = small(r);
        double[][] x = Same.uniform(r, 13, 6, 1.0);
        double[][] y = Same.oneHotColumns(Same.labels(r, 6, 5), 5);
        Network net = library(doc);
        doc.forward(x);
        double loss = doc.loss(y);
        Gradients g = doc.backward(x, y);
        Same.number("loss", loss, net.computeGradients(Matrix.transpose(x), Matrix.transpose(y)));
        Same.transposed("dw2", g.dw2(), Same.parameter(net, "dense2.W").gradient());
        Same.transposed("db2", g.db2(), Same.parameter(net, "dense2.b").gradient());
        Same.transposed("dw1", g.dw1(), Same.parameter(net, "dense1.W").gradient());
        Same.transposed("db1", g.db1(), Same.parameter(net, "dense1.b").gradient());
        assertThat(Matrix.sumOfSquares(g.dz1())).isPositive();
    }

    @Test
    void buildmodeEqualsTheLibrarysStepsOnTheSameBatches() {
        SplitMix64 r = new SplitMix64(3002);
        Document003 doc = small(r);
        double[][] x = Same.uniform(r, 13, 23, 1.0);
        double[][] y = Same.oneHotColumns(Same.labels(r, 23, 5), 5);
        Network net = library(doc);
        // batches of 2: eleven of them, the 23rd sample left out as the listing's int(N / batch_size) does
        List<Double> losses = doc.buildmode(x, y, 2, 0.3);
        assertThat(losses).hasSize(11);
        double[][] xr = Matrix.transpose(x);
        double[][] yr = Matrix.transpose(y);
        for (int b = 0; b < 11; b++) {
            double[][] bx = java.util.Arrays.copyOfRange(xr, 2 * b, 2 * b + 2);
            double[][] by = java.util.Arrays.copyOfRange(yr, 2 * b, 2 * b + 2);
            Same.number("loss of batch " + b, losses.get(b), net.computeGradients(bx, by));
            new Sgd().step(net.parameters(), 0.3);
        }
        Same.transposed("w1 after 11 steps", doc.w1(), Same.parameter(net, "dense1.W").value());
        Same.transposed("b1 after 11 steps", doc.b1(), Same.parameter(net, "dense1.b").value());
        Same.transposed("w2 after 11 steps", doc.w2(), Same.parameter(net, "dense2.W").value());
        Same.transposed("b2 after 11 steps", doc.b2(), Same.parameter(net, "dense2.b").value());
    }

    @Test
    void theStatedLossIsAnotherNumberWithTheSameGradients() {
        SplitMix64 r = new SplitMix64(3003);
        Document003 right = small(r);
        Document003 stated = new Document003(right.w1(), right.b1(), right.w2(), right.b2(),
                EnumSet.of(Defect.STATED_LOSS));
        double[][] x = Same.uniform(r, 13, 6, 1.0);
        double[][] y = Same.oneHotColumns(Same.labels(r, 6, 5), 5);
        right.forward(x);
        stated.forward(x);
        // −y·log a2 leaves out the (1 − y)·log(1 − a2) terms: a smaller number, and the same a2 − y
        assertThat(stated.loss(y)).isLessThan(right.loss(y) - 1e-3);
        Same.matrix("dw2", stated.backward(x, y).dw2(), right.backward(x, y).dw2());
    }
}
