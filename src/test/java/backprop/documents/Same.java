package backprop.documents;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.data.Dataset;
import backprop.layers.Layer;
import backprop.layers.Parameter;
import backprop.losses.L2Penalty;
import backprop.losses.Loss;
import backprop.matrix.Matrix;
import backprop.network.Network;
import backprop.random.SplitMix64;
import backprop.training.History;
import backprop.training.Sgd;
import backprop.training.Trainer;
import backprop.training.TrainingSettings;
import java.util.List;

/** What the transcription tests share: the tolerance, comparisons, library networks and data. */
final class Same {

    /** The largest difference allowed between a transcription and the library. */
    static final double TOLERANCE = 1e-12;

    private Same() {
    }

    /** Asserts |a − b| ≤ 1e-12 entry by entry, naming what is compared. */
    static void matrix(String what, double[][] transcription, double[][] library) {
        assertThat(Matrix.shape(transcription)).as(what + " shape").isEqualTo(Matrix.shape(library));
        assertThat(Matrix.maxAbsDifference(transcription, library)).as(what).isLessThanOrEqualTo(TOLERANCE);
    }

    /** Asserts that the column-major matrix is the transpose of the library's row-major one, to 1e-12. */
    static void transposed(String what, double[][] columnMajor, double[][] library) {
        matrix(what, Matrix.transpose(columnMajor), library);
    }

    static void number(String what, double transcription, double library) {
        assertThat(Math.abs(transcription - library)).as(what + ": " + transcription + " vs " + library)
                .isLessThanOrEqualTo(TOLERANCE);
    }

    /** A library network of the given layers, loss and penalty λ. */
    static Network network(int inputs, List<Layer> layers, Loss loss, double lambda) {
        return new Network(inputs, layers, loss, lambda == 0 ? null : new L2Penalty(lambda));
    }

    /** The library's parameter called {@code name}, e.g. {@code dense1.W}. */
    static Parameter parameter(Network net, String name) {
        for (Parameter p : net.parameters()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + net.describe());
    }

    /** Entries uniform in [−scale, scale). */
    static double[][] uniform(SplitMix64 r, int rows, int cols, double scale) {
        return backprop.testing.Random.uniform(r, rows, cols, scale);
    }

    /** One-hot columns (k×n) for labels, the column-major documents' Y. */
    static double[][] oneHotColumns(int[] labels, int k) {
        double[][] y = new double[k][labels.length];
        for (int j = 0; j < labels.length; j++) {
            y[labels[j]][j] = 1;
        }
        return y;
    }

    /** Random labels in 0..k−1. */
    static int[] labels(SplitMix64 r, int n, int k) {
        return backprop.testing.Random.labels(r, n, k);
    }

    /** The library's Trainer, full batch at a constant rate, {@code steps} epochs; the loss before each step. */
    static double[] trainerTrace(Network net, double[][] x, double[][] y, int steps, double rate) {
        History h = new Trainer(net, new Sgd(), TrainingSettings.of(steps, rate).withScoreTraining(false))
                .fit(new Dataset(x, y), null, null);
        return h.trainLosses();
    }
}
