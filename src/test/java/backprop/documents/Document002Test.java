package backprop.documents;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.documents.Document002.Defect;
import backprop.documents.Document002.Gradients;
import backprop.layers.Dense;
import backprop.layers.Sigmoid;
import backprop.layers.Softmax;
import backprop.losses.CrossEntropy;
import backprop.matrix.Matrix;
import backprop.network.Network;
import backprop.random.SplitMix64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Document 002 transcribed, column-major, against the library's mnist-sigmoid network. */
class Document002Test {

    private static final Set<Defect> NONE = EnumSet.noneOf(Defect.class);

    private static Network library(Document002 doc) {
        return Same.network(Matrix.cols(doc.W1()), List.of(
                new Dense("dense1", Matrix.transpose(doc.W1()), Matrix.transpose(doc.b1())), new Sigmoid("sigmoid1"),
                new Dense("dense2", Matrix.transpose(doc.W2()), Matrix.transpose(doc.b2())), new Softmax("softmax2")),
                new CrossEntropy(), 0);
    }

    @Test
    void costAndGradientsEqualTheLibrarysTransposed() {
        SplitMix64 r = new SplitMix64(2001);
        Document002 doc = Document002.initialise(11, 6, 4, r, NONE);
        double[][] X = Same.uniform(r, 11, 7, 1.0);
        double[][] Y = Same.oneHotColumns(Same.labels(r, 7, 4), 4);
        Network net = library(doc);
        doc.forward(X);
        double cost = doc.cost(Y);
        Gradients g = doc.backward(X, Y);
        Same.number("cost", cost, net.computeGradients(Matrix.transpose(X), Matrix.transpose(Y)));
        Same.transposed("dW2", g.dW2(), Same.parameter(net, "dense2.W").gradient());
        Same.transposed("db2", g.db2(), Same.parameter(net, "dense2.b").gradient());
        Same.transposed("dW1", g.dW1(), Same.parameter(net, "dense1.W").gradient());
        Same.transposed("db1", g.db1(), Same.parameter(net, "dense1.b").gradient());
    }

    @Test
    void tenIterationsEqualTheTrainersTenFullBatchSteps() {
        SplitMix64 r = new SplitMix64(2002);
        Document002 doc = Document002.initialise(11, 6, 4, r, NONE);
        double[][] X = Same.uniform(r, 11, 9, 1.0);
        double[][] Y = Same.oneHotColumns(Same.labels(r, 9, 4), 4);
        Network net = library(doc);
        double[] trainer = Same.trainerTrace(net, Matrix.transpose(X), Matrix.transpose(Y), 10, 1.0);
        for (int i = 0; i < 10; i++) {
            Same.number("cost of iteration " + i, doc.iterate(X, Y, 1.0), trainer[i]);
        }
        assertThat(trainer[9]).isLessThan(trainer[0]);
        Same.transposed("W1 after 10 iterations", doc.W1(), Same.parameter(net, "dense1.W").value());
        Same.transposed("b1 after 10 iterations", doc.b1(), Same.parameter(net, "dense1.b").value());
        Same.transposed("W2 after 10 iterations", doc.W2(), Same.parameter(net, "dense2.W").value());
        Same.transposed("b2 after 10 iterations", doc.b2(), Same.parameter(net, "dense2.b").value());
    }

    @Test
    void theListingsSoftmaxAndLogAgreeWhereNothingOverflowsOrUnderflows() {
        SplitMix64 r = new SplitMix64(2003);
        Document002 right = Document002.initialise(11, 6, 4, r, NONE);
        Document002 listing = new Document002(right.W1(), right.b1(), right.W2(), right.b2(),
                EnumSet.of(Defect.UNSHIFTED_SOFTMAX, Defect.LOG_OF_ZERO));
        double[][] X = Same.uniform(r, 11, 7, 1.0);
        double[][] Y = Same.oneHotColumns(Same.labels(r, 7, 4), 4);
        for (int i = 0; i < 3; i++) {
            Same.number("cost of iteration " + i, listing.iterate(X, Y, 1.0), right.iterate(X, Y, 1.0));
        }
        Same.matrix("W1 after 3 iterations", listing.W1(), right.W1());
    }

    @Test
    void unscaledRandnIsStandardNormalAndXavierIsBounded() {
        Document002 randn = Document002.initialise(784, 64, 10, new SplitMix64(2004), EnumSet.of(Defect.UNSCALED_RANDN));
        Document002 xavier = Document002.initialise(784, 64, 10, new SplitMix64(2004), NONE);
        double s = Math.sqrt(6.0 / (64 + 784));
        double largest = 0;
        for (double[] row : xavier.W1()) {
            for (double v : row) {
                largest = Math.max(largest, Math.abs(v));
            }
        }
        assertThat(largest).isLessThanOrEqualTo(s);
        // 50,176 standard normals: their mean square is 1 within a few percent
        assertThat(Matrix.sumOfSquares(randn.W1()) / (64 * 784)).isBetween(0.95, 1.05);
        assertThat(randn.b1()).isDeepEqualTo(new double[64][1]);
    }
}
