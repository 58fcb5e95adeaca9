package backprop.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backprop.data.Dataset;
import backprop.layers.Initializer;
import backprop.losses.SoftmaxCrossEntropy;
import backprop.losses.Targets;
import backprop.matrix.Matrix;
import backprop.network.Network;
import backprop.random.SplitMix64;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomShiftsTest {

    /** A 3×4 image (3 rows of 4), values 1 … 12 row by row. */
    private static final double[] IMAGE = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

    @Test
    void aShiftMovesPixelsAndCopiesTheEdgeInwards() {
        RandomShifts shifts = new RandomShifts(4, 3, 1);
        double[] out = new double[12];
        shifts.shift(IMAGE, out, 1, 0);                     // right by one: the left column is repeated
        assertThat(out).containsExactly(1, 1, 2, 3, 5, 5, 6, 7, 9, 9, 10, 11);
        shifts.shift(IMAGE, out, 0, -1);                    // up by one: the bottom row is repeated
        assertThat(out).containsExactly(5, 6, 7, 8, 9, 10, 11, 12, 9, 10, 11, 12);
        shifts.shift(IMAGE, out, -1, 1);                    // left and down
        assertThat(out).containsExactly(2, 3, 4, 4, 2, 3, 4, 4, 6, 7, 8, 8);
        shifts.shift(IMAGE, out, 0, 0);
        assertThat(out).containsExactly(IMAGE);
    }

    @Test
    void shiftsAreDrawnPerImageInRangeFromTheGivenGeneratorAndLeaveTheBatchAlone() {
        RandomShifts shifts = new RandomShifts(4, 3, 1);
        double[][] batch = new double[200][];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = IMAGE.clone();
        }
        double[][] first = Matrix.copy(shifts.apply(batch, new SplitMix64(9)));
        double[][] second = shifts.apply(batch, new SplitMix64(9));
        assertThat(second).isDeepEqualTo(first);
        for (double[] row : batch) {
            assertThat(row).containsExactly(IMAGE);
        }
        Set<List<Double>> seen = new HashSet<>();
        double[] out = new double[12];
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                shifts.shift(IMAGE, out, dx, dy);
                seen.add(boxed(out));
            }
        }
        Set<List<Double>> drawn = new HashSet<>();
        for (double[] row : first) {
            assertThat(seen).contains(boxed(row));
            drawn.add(boxed(row));
        }
        assertThat(drawn).hasSize(9);                       // all nine shifts occur in 200 draws
        SplitMix64 expected = new SplitMix64(9);             // dx then dy, as nextInt(3) − 1, image by image
        int dx = expected.nextInt(3) - 1;
        int dy = expected.nextInt(3) - 1;
        shifts.shift(IMAGE, out, dx, dy);
        assertThat(first[0]).containsExactly(out);
        assertThatThrownBy(() -> new RandomShifts(4, 3, 3)).hasMessageContaining("0 ≤ shift < 3");
    }

    private static List<Double> boxed(double[] a) {
        List<Double> out = new ArrayList<>();
        for (double v : a) {
            out.add(v);
        }
        return out;
    }

    @Test
    void theTrainerTrainsOnAugmentedBatchesAndScoresTheRealRows() {
        SplitMix64 r = new SplitMix64(4);
        double[][] x = new double[64][16];
        int[] labels = new int[64];
        for (int i = 0; i < x.length; i++) {
            labels[i] = i % 2;
            for (int j = 0; j < 16; j++) {
                x[i][j] = r.nextDouble() + labels[i];
            }
        }
        Dataset data = new Dataset(x, Targets.oneHot(labels, 2));
        double[][] before = Matrix.copy(x);
        List<double[][]> seenByNetwork = new ArrayList<>();
        Augmentation recording = (batch, random) -> {
            double[][] shifted = new RandomShifts(4, 4, 1).apply(batch, random);
            seenByNetwork.add(Matrix.copy(shifted));
            return shifted;
        };
        TrainingSettings settings = TrainingSettings.of(3, 0.05).withBatchSize(16).withSeed(2);
        History plain = new Trainer(net(), new Sgd(), settings).fit(data, null, null);
        History augmented = new Trainer(net(), new Sgd(), settings, recording).fit(data, null, null);
        History again = new Trainer(net(), new Sgd(), settings, new RandomShifts(4, 4, 1)).fit(data, null, null);
        assertThat(x).isDeepEqualTo(before);
        assertThat(seenByNetwork).hasSize(12);                 // 4 batches × 3 epochs
        assertThat(augmented.trainLosses()).isNotEqualTo(plain.trainLosses());
        assertThat(again.trainLosses()).isEqualTo(augmented.trainLosses());
    }

    private static Network net() {
        return Network.builder(16, new SplitMix64(1)).weights(Initializer.he()).dense(8).relu().dense(2)
                .loss(new SoftmaxCrossEntropy()).build();
    }
}
