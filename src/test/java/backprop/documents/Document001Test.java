package backprop.documents;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.data.Dataset;
import backprop.documents.Document001.Activation;
import backprop.documents.Document001.Defect;
import backprop.documents.Document001.Net;
import backprop.layers.Dense;
import backprop.layers.Identity;
import backprop.layers.Layer;
import backprop.layers.ReLU;
import backprop.layers.Tanh;
import backprop.losses.MeanSquaredError;
import backprop.losses.SoftmaxCrossEntropy;
import backprop.matrix.Matrix;
import backprop.network.Network;
import backprop.random.SplitMix64;
import backprop.training.History;
import backprop.training.LearningRateSchedule;
import backprop.training.Sgd;
import backprop.training.Trainer;
import backprop.training.TrainingSettings;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Document 001's neuron objects against the library's matrices. */
class Document001Test {

    private static final Set<Defect> NONE = EnumSet.noneOf(Defect.class);

    /** The library's network with the neuron objects' weights: W is the transpose of the neuron rows. */
    static Network library(Net doc, Layer activation, Layer output, backprop.losses.Loss loss) {
        return Same.network(doc.weights(1)[0].length, List.of(
                new Dense("dense1", Matrix.transpose(doc.weights(1)), new double[][] {doc.biases(1)}), activation,
                new Dense("dense2", Matrix.transpose(doc.weights(2)), new double[][] {doc.biases(2)}), output), loss, 0);
    }

    /** Part 1's data: n points x uniform on [−π, π), y = sin(x). */
    static double[][][] sine(SplitMix64 r, int n) {
        double[][] x = new double[n][1];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextDouble() * 2 * Math.PI - Math.PI;
            y[i][0] = Math.sin(x[i][0]);
        }
        return new double[][][] {x, y};
    }

    @Test
    void part1GradientsOfTheNeuronObjectsEqualTheMatrixForm() {
        SplitMix64 r = new SplitMix64(1001);
        Net doc = Document001.part1(9, Activation.TANH, r, NONE);
        double[][][] data = sine(r, 12);
        Network net = library(doc, new Tanh("tanh1"), new Identity("identity2"), new MeanSquaredError());
        double libraryLoss = net.computeGradients(data[0], data[1]);

        double loss = 0;
        for (int i = 0; i < 12; i++) {
            loss += doc.loss(doc.propForward(data[0][i]), data[1][i]);
            doc.addGradient(data[1][i]);
        }
        Same.number("½·MSE", loss / 12, libraryLoss);
        Same.transposed("∂loss/∂p (hidden weights)", Matrix.scale(1.0 / 12, doc.weightGradients(1)),
                Same.parameter(net, "dense1.W").gradient());
        Same.matrix("∂loss/∂b (hidden biases)", new double[][] {scaled(doc.biasGradients(1), 12)},
                Same.parameter(net, "dense1.b").gradient());
        Same.transposed("output weights", Matrix.scale(1.0 / 12, doc.weightGradients(2)),
                Same.parameter(net, "dense2.W").gradient());
        Same.matrix("output bias", new double[][] {scaled(doc.biasGradients(2), 12)},
                Same.parameter(net, "dense2.b").gradient());
    }

    private static double[] scaled(double[] v, double n) {
        double[] s = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = v[i] / n;
        }
        return s;
    }

    @Test
    void part1MiniBatchEpochsEqualTheTrainersShuffledBatches() {
        SplitMix64 r = new SplitMix64(1002);
        Net doc = Document001.part1(8, Activation.TANH, r, NONE);
        double[][][] data = sine(r, 40);
        Network net = library(doc, new Tanh("tanh1"), new Identity("identity2"), new MeanSquaredError());
        // 2 epochs of 40 samples in batches of 4: 20 steps, the samples shuffled by the same generator
        Document001.Schedule constant = new Document001.Schedule(0.05, new double[0], new double[0]);
        List<Double> losses = doc.train(data[0], data[1], 2, 4, constant, 1, new SplitMix64(77));
        History h = new Trainer(net, new Sgd(), TrainingSettings.of(2, 0.05).withBatchSize(4).withSeed(77)
                .withScoreTraining(false)).fit(new Dataset(data[0], data[1]), null, null);
        Same.number("epoch 1 loss", losses.get(0), h.trainLosses()[0]);
        Same.number("epoch 2 loss", losses.get(1), h.trainLosses()[1]);
        Same.transposed("hidden weights after 20 steps", doc.weights(1), Same.parameter(net, "dense1.W").value());
        Same.matrix("hidden biases after 20 steps", new double[][] {doc.biases(1)}, Same.parameter(net, "dense1.b").value());
        Same.transposed("output weights after 20 steps", doc.weights(2), Same.parameter(net, "dense2.W").value());
        Same.matrix("output bias after 20 steps", new double[][] {doc.biases(2)}, Same.parameter(net, "dense2.b").value());
    }

    @Test
    void part2NeuronObjectsEqualTheMatrixFormForTenSteps() {
        SplitMix64 r = new SplitMix64(1003);
        Net doc = Document001.part2(12, 6, 4, r, NONE);
        double[][] x = Same.uniform(r, 10, 12, 1.0);
        double[][] y = backprop.losses.Targets.oneHot(Same.labels(r, 10, 4), 4);
        Network net = library(doc, new ReLU("relu1"), new Identity("identity2"), new SoftmaxCrossEntropy());
        int[] order = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        for (int step = 0; step < 10; step++) {
            double loss = doc.epoch(x, y, order, 10, 0.5);      // one batch of all ten: one step
            double libraryLoss = net.computeGradients(x, y);
            new Sgd().step(net.parameters(), 0.5);
            Same.number("cross-entropy before step " + (step + 1), loss, libraryLoss);
        }
        Same.transposed("hidden weights after 10 steps", doc.weights(1), Same.parameter(net, "dense1.W").value());
        Same.matrix("hidden biases after 10 steps", new double[][] {doc.biases(1)}, Same.parameter(net, "dense1.b").value());
        Same.transposed("output weights after 10 steps", doc.weights(2), Same.parameter(net, "dense2.W").value());
        Same.matrix("output biases after 10 steps", new double[][] {doc.biases(2)}, Same.parameter(net, "dense2.b").value());
    }

    @Test
    void theCorrectedScheduleIsTheLibrarysStepOnLoss() {
        Document001.Schedule s = Document001.PART_1_SCHEDULE;
        LearningRateSchedule library = LearningRateSchedule.stepOnLoss(s.initial(), s.thresholds(), s.rates());
        for (double loss : new double[] {1, 0.06, 0.05, 0.04, 0.03, 0.02, 0.015, 0.01, 0.008, 0.001}) {
            assertThat(s.rate(loss, false)).as("loss " + loss).isEqualTo(library.rate(2, loss));
        }
    }

    @Test
    void eachTrainingSwitchBreaksTheAgreement() {
        double[][][] data = sine(new SplitMix64(1004), 40);
        for (Set<Defect> defects : List.of(EnumSet.of(Defect.SHARED_LAYER_BIAS),
                EnumSet.of(Defect.EVERY_BATCH_SIZE_TH_SAMPLE), EnumSet.of(Defect.DERIVATIVE_OF_ACTIVATED_OUTPUT))) {
            Net right = Document001.part1(8, Activation.TANH, new SplitMix64(1005), NONE);
            Net listing = Document001.part1(8, Activation.TANH, new SplitMix64(1005), defects);
            int[] order = new SplitMix64(1006).permutation(40);
            right.epoch(data[0], data[1], order, 4, 0.05);
            listing.epoch(data[0], data[1], order, 4, 0.05);
            assertThat(Matrix.maxAbsDifference(listing.weights(1), right.weights(1))).as(defects.toString())
                    .isGreaterThan(1e-6);
        }
    }

    @Test
    void withoutTheSwitchTheTestLoopLeavesTheWeightsAlone() {
        SplitMix64 r = new SplitMix64(1007);
        double[][] x = Same.uniform(r, 5, 12, 1.0);
        double[][] y = backprop.losses.Targets.oneHot(Same.labels(r, 5, 3), 3);
        Net quiet = Document001.part2(12, 6, 3, new SplitMix64(1008), NONE);
        Net listing = Document001.part2(12, 6, 3, new SplitMix64(1008), EnumSet.of(Defect.BACKPROP_ON_TEST_DATA));
        double[][] before = quiet.weights(1);
        double[] scoreQuiet = quiet.test(x, y, 2, 0.5);
        double[] scoreListing = listing.test(x, y, 2, 0.5);
        assertThat(quiet.weights(1)).isDeepEqualTo(before);
        assertThat(quiet.samplesBackpropagated()).isZero();
        assertThat(listing.samplesBackpropagated()).isEqualTo(3);          // samples 0, 2, 4
        assertThat(Matrix.maxAbsDifference(listing.weights(1), before)).isPositive();
        assertThat(scoreListing[0]).isNotEqualTo(scoreQuiet[0]);           // later samples see moved weights
    }

    @Test
    void theWrongSlotNeedsTheSharedBiases() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Document001.part1(3, Activation.TANH,
                new SplitMix64(1), EnumSet.of(Defect.HIDDEN_BIAS_IN_WRONG_SLOT)))
                .hasMessageContaining("turn on SHARED_LAYER_BIAS as well");
    }

    @Test
    void theDerivativePitfallChangesNothingForReLU() {
        SplitMix64 r = new SplitMix64(1009);
        double[][] x = Same.uniform(r, 6, 12, 1.0);
        double[][] y = backprop.losses.Targets.oneHot(Same.labels(r, 6, 3), 3);
        Net right = Document001.part2(12, 5, 3, new SplitMix64(1010), NONE);
        Net pitfall = Document001.part2(12, 5, 3, new SplitMix64(1010), EnumSet.of(Defect.DERIVATIVE_OF_ACTIVATED_OUTPUT));
        int[] order = {0, 1, 2, 3, 4, 5};
        right.epoch(x, y, order, 3, 0.1);
        pitfall.epoch(x, y, order, 3, 0.1);
        // relu(out) > 0 exactly where out > 0: applying the activation again is harmless here
        assertThat(pitfall.weights(1)).isDeepEqualTo(right.weights(1));
    }
}
