package backprop.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backprop.data.Dataset;
import backprop.layers.Dense;
import backprop.layers.Initializer;
import backprop.layers.Parameter;
import backprop.losses.MeanSquaredError;
import backprop.losses.SoftmaxCrossEntropy;
import backprop.losses.Targets;
import backprop.matrix.Matrix;
import backprop.metrics.Metrics;
import backprop.network.Network;
import backprop.random.SplitMix64;
import backprop.testing.Random;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerTest {

    /** A small three-class problem: the class is the index of the largest of three features. */
    private static Dataset blobs(long seed, int n) {
        SplitMix64 r = new SplitMix64(seed);
        double[][] x = Random.uniform(r, n, 3, 1.0);
        return new Dataset(x, Targets.oneHot(Matrix.rowArgMax(x), 3));
    }

    private static Network smallNet(long seed) {
        return Network.builder(3, new SplitMix64(seed)).weights(Initializer.he()).dense(8).relu().dense(3)
                .loss(new SoftmaxCrossEntropy()).l2(1e-4).build();
    }

    @Test
    void sameSeedSameLossHistoryBitForBit() {
        Dataset data = blobs(1, 100);
        TrainingSettings settings = TrainingSettings.of(15, 0.1).withBatchSize(16).withSeed(99);
        double[] first = new Trainer(smallNet(5), new Sgd(), settings).fit(data, null, null).trainLosses();
        double[] second = new Trainer(smallNet(5), new Sgd(), settings).fit(data, null, null).trainLosses();
        assertThat(second).isEqualTo(first);
        // another shuffling seed takes another path
        double[] other = new Trainer(smallNet(5), new Sgd(), settings.withSeed(100)).fit(data, null, null).trainLosses();
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void miniBatchesCoverEverySampleOncePerEpoch() {
        Dataset data = blobs(2, 10);
        List<Integer> seenAtEnd = new ArrayList<>();
        List<Integer> batchCounts = new ArrayList<>();
        new Trainer(smallNet(1), new Sgd(), TrainingSettings.of(2, 0.1).withBatchSize(4))
                .fit(data, null, new EpochListener() {
                    @Override
                    public void batchEnded(BatchProgress p) {
                        if (p.batch() == p.batches()) {
                            seenAtEnd.add(p.samplesDone());
                            batchCounts.add(p.batches());
                        }
                    }
                });
        assertThat(seenAtEnd).containsExactly(10, 10);
        assertThat(batchCounts).containsExactly(3, 3);   // 4 + 4 + 2
        List<Integer> dropped = new ArrayList<>();
        new Trainer(smallNet(1), new Sgd(), TrainingSettings.of(1, 0.1).withBatchSize(4).withDropRemainder(true))
                .fit(data, null, new EpochListener() {
                    @Override
                    public void batchEnded(BatchProgress p) {
                        dropped.add(p.samplesDone());
                    }
                });
        assertThat(dropped).containsExactly(4, 8);
    }

    @Test
    void validationScoresAndAccuracyAreRecorded() {
        Dataset train = blobs(3, 200);
        Dataset validation = blobs(4, 100);
        Network net = smallNet(2);
        History h = new Trainer(net, new Adam(), TrainingSettings.of(30, 0.01).withBatchSize(32))
                .fit(train, validation, null);
        assertThat(h.epochs()).hasSize(30);
        EpochRecord last = h.last();
        assertThat(last.validationAccuracy()).isGreaterThan(0.85);
        assertThat(last.trainAccuracy()).isGreaterThan(0.85);
        // the last record holds the network's score on each set as training ended
        assertThat(Trainer.score(net, validation)).isEqualTo(new Trainer.Score(last.validationLoss(),
                last.validationAccuracy()));
        assertThat(Trainer.score(net, train).accuracy()).isEqualTo(last.trainAccuracy());
        assertThat(Metrics.accuracy(net.predict(validation.x()), validation.labels()))
                .isEqualTo(last.validationAccuracy());
    }

    /** An optimiser that leaves every parameter alone: nothing can improve after the first epoch. */
    private static final class Frozen implements Optimizer {
        @Override
        public void step(List<Parameter> parameters, double learningRate) {
        }

        @Override
        public String describe() {
            return "frozen";
        }
    }

    @Test
    void earlyStoppingStopsAfterPatienceEpochsWithoutImprovement() {
        History h = new Trainer(smallNet(3), new Frozen(), TrainingSettings.of(50, 0.1).withPatience(3))
                .fit(blobs(5, 30), blobs(6, 30), null);
        assertThat(h.epochs()).hasSize(4);   // epoch 1 is the best, then 3 without improvement
        assertThat(h.bestEpoch()).isEqualTo(1);
        assertThat(h.stopReason()).contains("early stopping").contains("3 epochs");
        History patient = new Trainer(smallNet(3), new Frozen(), TrainingSettings.of(6, 0.1))
                .fit(blobs(5, 30), blobs(6, 30), null);
        assertThat(patient.epochs()).hasSize(6);
        assertThat(patient.stopReason()).isEqualTo("completed all epochs");
    }

    /** Gradient descent for three epochs, then ascent: the best parameters are those after epoch 3. */
    private static final class DescentThenAscent implements Optimizer {
        private int steps;

        @Override
        public void step(List<Parameter> parameters, double learningRate) {
            double sign = ++steps <= 3 ? -1 : 1;
            for (Parameter p : parameters) {
                Matrix.addScaledInPlace(p.value(), sign * learningRate, p.gradient());
            }
        }

        @Override
        public String describe() {
            return "descent-then-ascent";
        }
    }

    @Test
    void aListenerCanStopTrainingAfterAnyEpoch() {
        Dataset data = blobs(8, 60);
        List<Integer> seen = new ArrayList<>();
        History h = new Trainer(smallNet(8), new Sgd(), TrainingSettings.of(50, 0.1).withBatchSize(10))
                .fit(data, null, new EpochListener() {
                    @Override
                    public Decision epochEnded(EpochRecord record) {
                        seen.add(record.epoch());
                        return record.epoch() == 3 ? Decision.STOP : Decision.CONTINUE;
                    }
                });
        assertThat(seen).containsExactly(1, 2, 3);
        assertThat(h.epochs()).hasSize(3);
        assertThat(h.stopReason()).isEqualTo("stopped by the listener after epoch 3");
    }

    @Test
    void keepBestRestoresTheBestEpochsParameters() {
        Dataset data = blobs(7, 60);
        Network net = smallNet(4);
        History h = new Trainer(net, new DescentThenAscent(), TrainingSettings.of(8, 0.5).withKeepBest(true))
                .fit(data, null, null);
        assertThat(h.bestEpoch()).isEqualTo(3);
        assertThat(h.last().trainLoss()).isGreaterThan(h.best().trainLoss());
        // the network now scores exactly what it scored after epoch 3
        Trainer.Score now = Trainer.score(net, data);
        assertThat(now.loss()).isEqualTo(h.best().trainLoss());
        assertThat(now.accuracy()).isEqualTo(h.best().trainAccuracy());
    }

    @Test
    void theTrainerClipsBeforeItStepsAndFollowsTheSchedule() {
        Network net = smallNet(6);
        List<double[][]> before = new ArrayList<>();
        for (Parameter p : net.parameters()) {
            before.add(Matrix.copy(p.value()));
        }
        // one full-batch step at lr 1 with every gradient entry clipped to ±1e-3 moves no entry further
        History h = new Trainer(net, new Sgd(), TrainingSettings.of(1, 1.0).withClipping(GradientClipping.value(1e-3)))
                .fit(blobs(10, 40), null, null);
        double largest = 0;
        for (int k = 0; k < before.size(); k++) {
            largest = Math.max(largest, Matrix.maxAbsDifference(before.get(k), net.parameters().get(k).value()));
        }
        // (w − 1e-3) − w rounds to within an ulp of |w| ≈ 1 of 1e-3
        assertThat(largest).isGreaterThan(0).isLessThanOrEqualTo(1e-3 + Math.ulp(4.0));
        Network unclipped = smallNet(6);
        new Trainer(unclipped, new Sgd(), TrainingSettings.of(1, 1.0)).fit(blobs(10, 40), null, null);
        double free = 0;
        for (int k = 0; k < before.size(); k++) {
            free = Math.max(free, Matrix.maxAbsDifference(before.get(k), unclipped.parameters().get(k).value()));
        }
        assertThat(free).isGreaterThan(1e-2);                  // the same step unclipped moves much further
        assertThat(h.last().learningRate()).isEqualTo(1.0);
        // the rate of every epoch is the schedule's
        History decayed = new Trainer(smallNet(6), new Sgd(), TrainingSettings.of(4, 0.1)
                .withSchedule(LearningRateSchedule.stepDecay(0.4, 0.5, 1))).fit(blobs(10, 40), null, null);
        assertThat(decayed.epochs()).extracting(EpochRecord::learningRate).containsExactly(0.4, 0.2, 0.1, 0.05);
    }

    @Test
    void aDivergingLossStopsTrainingWithAnExplanation() {
        SplitMix64 r = new SplitMix64(8);
        double[][] x = Random.uniform(r, 20, 1, 3.0);
        Network net = Network.builder(1, r).weights(Initializer.normal(1)).dense(16).relu().dense(1)
                .loss(new MeanSquaredError()).build();
        assertThatThrownBy(() -> new Trainer(net, new Sgd(), TrainingSettings.of(100, 1e6).withBatchSize(5))
                .fit(new Dataset(x, Matrix.map(x, Math::sin)), null, null))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("at epoch").hasMessageContaining("batch")
                .hasMessageContaining("learning rate 1.00000e+06")
                .hasMessageContaining("try a smaller learning rate");
    }

    /**
     * Document 003's note on initialisation: with all-zero weights every hidden unit computes the same
     * function and receives the same gradient, so they stay identical however long training runs.
     * (Sigmoid hidden units, so that the identical units still learn: 0.5 is not a dead output.)
     */
    @Test
    void aLossThatGrowsAThousandfoldIsDivergedBeforeItOverflows() {
        // a linear model with a step too large: w and b both step, so every step multiplies the error by
        // 1 − η·(x² + 1) = −19 and the loss by 361, long before anything overflows
        double[][] x = {{1}, {1}, {1}, {1}};
        double[][] y = {{2}, {2}, {2}, {2}};
        List<Double> losses = new ArrayList<>();
        Network net = Network.builder(1, new SplitMix64(1)).weights(Initializer.zeros()).dense(1)
                .loss(new MeanSquaredError()).build();
        assertThatThrownBy(() -> new Trainer(net, new Sgd(), TrainingSettings.of(100, 10.0).withScoreTraining(false))
                .fit(new Dataset(x, y), null, new EpochListener() {
                    @Override
                    public void batchEnded(BatchProgress p) {
                        losses.add(p.runningLoss());
                    }
                }))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("more than 1000 times its first value 2")
                .hasMessageContaining("try a smaller learning rate");
        // losses 2, 722, 260,642: the third is above 1000·2 and is refused before its step
        assertThat(losses).hasSize(2);
        assertThat(losses.get(0)).isEqualTo(2.0);
    }

    @Test
    void aRequestedStopEndsTrainingAfterTheCurrentBatch() {
        Dataset data = blobs(9, 60);
        Network net = smallNet(9);
        Trainer trainer = new Trainer(net, new Sgd(), TrainingSettings.of(20, 0.1).withBatchSize(10));
        History h = trainer.fit(data, null, new EpochListener() {
            @Override
            public void batchEnded(BatchProgress p) {
                if (p.epoch() == 2 && p.batch() == 3) {
                    trainer.requestStop();
                }
            }
        });
        assertThat(h.epochs()).hasSize(1);
        assertThat(h.stopReason()).isEqualTo("interrupted in epoch 2 after batch 3 of 6");
        // the parameters are those of epoch 1: the history's last record scores them
        assertThat(Trainer.score(net, data).loss()).isEqualTo(h.last().trainLoss());
        // the request ended with that fit: the next one runs all its epochs
        History again = trainer.fit(data, null, null);
        assertThat(again.epochs()).hasSize(20);
    }

    @Test
    void zeroInitialisationKeepsHiddenUnitsIdentical() {
        Dataset data = blobs(9, 60);
        Network zero = Network.builder(3, new SplitMix64(1)).weights(Initializer.zeros()).dense(5).sigmoid()
                .dense(3).loss(new SoftmaxCrossEntropy()).build();
        new Trainer(zero, new Sgd(), TrainingSettings.of(50, 0.5)).fit(data, null, null);
        double[][] w1 = ((Dense) zero.layers().get(0)).weights().value();
        assertThat(w1[0][0]).isNotZero();                       // the units did learn something
        for (double[] row : w1) {
            for (int j = 1; j < row.length; j++) {
                assertThat(row[j]).isEqualTo(row[0]);          // …all the same thing
            }
        }
        Network random = Network.builder(3, new SplitMix64(1)).weights(Initializer.normal(0.5)).dense(5).sigmoid()
                .dense(3).loss(new SoftmaxCrossEntropy()).build();
        new Trainer(random, new Sgd(), TrainingSettings.of(50, 0.5)).fit(data, null, null);
        double[][] w1r = ((Dense) random.layers().get(0)).weights().value();
        assertThat(w1r[0][1]).isNotEqualTo(w1r[0][0]);
    }

    @Test
    void datasetsThatDoNotFitTheNetworkAreRejected() {
        Dataset wide = new Dataset(new double[4][5], Targets.oneHot(new int[] {0, 1, 2, 0}, 3));
        assertThatThrownBy(() -> new Trainer(smallNet(1), new Sgd(), TrainingSettings.of(1, 0.1)).fit(wide, null, null))
                .hasMessage("training set has 5 features per sample but the network takes 3");
        assertThatThrownBy(() -> new Dataset(new double[4][2], new double[3][1]))
                .hasMessageContaining("4 feature rows").hasMessageContaining("3 target rows");
    }
}
