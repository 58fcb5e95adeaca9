package backprop.documents;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.documents.Document004.Defect;
import backprop.documents.Document004.OneNet;
import backprop.documents.Document004.ThreeNet;
import backprop.documents.Document004.TwoNet;
import backprop.layers.Dense;
import backprop.layers.ReLU;
import backprop.layers.Sigmoid;
import backprop.losses.BinaryCrossEntropy;
import backprop.losses.SoftmaxCrossEntropy;
import backprop.losses.Targets;
import backprop.matrix.Matrix;
import backprop.network.Network;
import backprop.random.SplitMix64;
import backprop.training.Sgd;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Document 004's OneNet, TwoNet and ThreeNet against the library, same notation (rows are samples). */
class Document004Test {

    private static final Set<Defect> NONE = EnumSet.noneOf(Defect.class);
    private static final double[][] GATE_INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    private static final double[][] AND = {{0}, {0}, {0}, {1}};

    @Test
    void oneNetTenStepsEqualTheLibrarysLogisticRegression() {
        OneNet doc = OneNet.initialise(2, new SplitMix64(4001), NONE);
        Network net = Same.network(2, List.of(new Dense("dense1", doc.w(), doc.b()), new Sigmoid("sigmoid1")),
                new BinaryCrossEntropy(), 1e-3);
        for (int step = 0; step < 10; step++) {
            double penalty = 0.5 * 1e-3 * Matrix.sumOfSquares(doc.w());
            doc.forward(GATE_INPUTS);
            double j = doc.loss(AND, 0);
            doc.backward(AND);
            double libraryLoss = net.computeGradients(GATE_INPUTS, AND);
            Same.number("J + regLoss before step " + (step + 1), j + penalty, libraryLoss);
            Same.matrix("dw + la·w", Matrix.add(doc.dw(), doc.penaltyGradient(1e-3)),
                    Same.parameter(net, "dense1.W").gradient());
            Same.matrix("db", doc.db(), Same.parameter(net, "dense1.b").gradient());
            doc.update(1.0, 1e-3);
            new Sgd().step(net.parameters(), 1.0);
        }
        Same.matrix("w after 10 steps", doc.w(), Same.parameter(net, "dense1.W").value());
        Same.matrix("b after 10 steps", doc.b(), Same.parameter(net, "dense1.b").value());
    }

    private static Network library(TwoNet doc, double reg) {
        return Same.network(2, List.of(new Dense("dense1", doc.w(), doc.b()), new ReLU("relu1"),
                new Dense("dense2", doc.w2(), doc.b2())), new SoftmaxCrossEntropy(), reg);
    }

    @Test
    void twoNetTenStepsEqualTheLibrarys() {
        SplitMix64 r = new SplitMix64(4002);
        TwoNet doc = new TwoNet(Same.uniform(r, 2, 6, 1.0), Same.uniform(r, 1, 6, 0.5), Same.uniform(r, 6, 2, 1.0),
                Same.uniform(r, 1, 2, 0.5), NONE);
        int[] xor = {0, 1, 1, 0};
        Network net = library(doc, 1e-3);
        for (int step = 0; step < 10; step++) {
            double[][] w = doc.w();
            double[][] w2 = doc.w2();
            double dataLoss = Document004.computeLoss(doc.forward(GATE_INPUTS), xor);
            doc.backward(xor);
            double libraryLoss = net.computeGradients(GATE_INPUTS, Targets.oneHot(xor, 2));
            Same.number("dataLoss + regLoss before step " + (step + 1), dataLoss + doc.regLoss(1e-3), libraryLoss);
            List<double[][]> g = doc.gradients();
            Same.matrix("∇W1 + reg·W1", Matrix.add(g.get(0), Matrix.scale(1e-3, w)),
                    Same.parameter(net, "dense1.W").gradient());
            Same.matrix("∇b1", g.get(1), Same.parameter(net, "dense1.b").gradient());
            Same.matrix("∇W2 + reg·W2", Matrix.add(g.get(2), Matrix.scale(1e-3, w2)),
                    Same.parameter(net, "dense2.W").gradient());
            Same.matrix("∇b2", g.get(3), Same.parameter(net, "dense2.b").gradient());
            doc.update(0.1, 1e-3);
            new Sgd().step(net.parameters(), 0.1);
        }
        Same.matrix("w after 10 steps", doc.w(), Same.parameter(net, "dense1.W").value());
        Same.matrix("b2 after 10 steps", doc.b2(), Same.parameter(net, "dense2.b").value());
    }

    @Test
    void threeNetTenStepsEqualTheLibrarys() {
        SplitMix64 r = new SplitMix64(4003);
        ThreeNet doc = new ThreeNet(Same.uniform(r, 4, 7, 1.0), Same.uniform(r, 1, 7, 0.5), Same.uniform(r, 7, 5, 1.0),
                Same.uniform(r, 1, 5, 0.5), Same.uniform(r, 5, 3, 1.0), Same.uniform(r, 1, 3, 0.5), NONE);
        double[][] x = Same.uniform(r, 9, 4, 2.0);
        int[] labels = Same.labels(r, 9, 3);
        List<double[][]> p = doc.parameters();
        Network net = Same.network(4, List.of(new Dense("dense1", p.get(0), p.get(1)), new ReLU("relu1"),
                new Dense("dense2", p.get(2), p.get(3)), new ReLU("relu2"), new Dense("dense3", p.get(4), p.get(5))),
                new SoftmaxCrossEntropy(), 1e-3);
        String[] names = {"dense1.W", "dense1.b", "dense2.W", "dense2.b", "dense3.W", "dense3.b"};
        for (int step = 0; step < 10; step++) {
            List<double[][]> before = doc.parameters();
            double dataLoss = Document004.computeLoss(doc.forward(x), labels);
            doc.backward(labels);
            double libraryLoss = net.computeGradients(x, Targets.oneHot(labels, 3));
            Same.number("dataLoss + regLoss before step " + (step + 1), dataLoss + doc.regLoss(1e-3), libraryLoss);
            List<double[][]> g = doc.gradients();
            for (int k = 0; k < 6; k++) {
                double[][] expected = k % 2 == 0 ? Matrix.add(g.get(k), Matrix.scale(1e-3, before.get(k))) : g.get(k);
                Same.matrix("gradient of " + names[k], expected, Same.parameter(net, names[k]).gradient());
            }
            doc.update(0.05, 1e-3);
            new Sgd().step(net.parameters(), 0.05);
        }
        List<double[][]> after = doc.parameters();
        for (int k = 0; k < 6; k++) {
            Same.matrix(names[k] + " after 10 steps", after.get(k), Same.parameter(net, names[k]).value());
        }
        assertThat(Matrix.maxAbsDifference(after.get(5), p.get(5))).as("b3 learned").isPositive();
    }

    @Test
    void eachUpdateSwitchBreaksTheAgreement() {
        SplitMix64 r = new SplitMix64(4004);
        double[][] w = Same.uniform(r, 2, 1, 1.0);
        double[][] b = Same.uniform(r, 1, 1, 1.0);
        OneNet right = new OneNet(w, b, NONE);
        OneNet summed = new OneNet(w, b, EnumSet.of(Defect.PENALTY_SUM_OF_W));
        right.forward(GATE_INPUTS);
        right.backward(AND);
        summed.forward(GATE_INPUTS);
        summed.backward(AND);
        right.update(1.0, 0.1);
        summed.update(1.0, 0.1);
        // la·sum(w) against la·w: the weights part by la·(w_other)
        assertThat(summed.w()[0][0] - right.w()[0][0]).isCloseTo(-0.1 * w[1][0], org.assertj.core.api.Assertions.within(1e-12));

        TwoNet learning = new TwoNet(Same.uniform(r, 2, 4, 1.0), Same.uniform(r, 1, 4, 0.5), Same.uniform(r, 4, 2, 1.0),
                new double[][] {{0.3, -0.2}}, NONE);
        TwoNet decaying = new TwoNet(learning.w(), learning.b(), learning.w2(), learning.b2(),
                EnumSet.of(Defect.BIAS_DECAYS));
        int[] xor = {0, 1, 1, 0};
        learning.train(GATE_INPUTS, xor, 3, 0.1, 1e-3);
        decaying.train(GATE_INPUTS, xor, 3, 0.1, 1e-3);
        assertThat(decaying.b2()[0][0]).isCloseTo(0.3 * 0.9 * 0.9 * 0.9, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(Math.abs(learning.b2()[0][0] - decaying.b2()[0][0])).isGreaterThan(1e-6);
    }

    @Test
    void overwritingTheProbabilitiesChangesNoGradient() {
        SplitMix64 r = new SplitMix64(4005);
        TwoNet kept = new TwoNet(Same.uniform(r, 2, 4, 1.0), Same.uniform(r, 1, 4, 0.5), Same.uniform(r, 4, 2, 1.0),
                Same.uniform(r, 1, 2, 0.5), NONE);
        TwoNet overwritten = new TwoNet(kept.w(), kept.b(), kept.w2(), kept.b2(), EnumSet.of(Defect.PROBS_OVERWRITTEN));
        int[] xor = {0, 1, 1, 0};
        double[][] returned = overwritten.forward(GATE_INPUTS);
        kept.forward(GATE_INPUTS);
        double[][] probabilities = kept.h();
        kept.backward(xor);
        overwritten.backward(xor);
        for (int k = 0; k < 4; k++) {
            Same.matrix("gradient " + k, overwritten.gradients().get(k), kept.gradients().get(k));
        }
        Same.matrix("probabilities kept", kept.h(), probabilities);
        // the matrix forward returned is the one backward wrote (h − Y)/N into
        assertThat(Matrix.maxAbsDifference(returned, probabilities)).isGreaterThan(0.1);
        Same.matrix("returned = stored", returned, overwritten.h());
    }
}
