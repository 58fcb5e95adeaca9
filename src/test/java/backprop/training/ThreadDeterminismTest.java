package backprop.training;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.data.Dataset;
import backprop.data.Mnist;
import backprop.fast.RowPool;
import backprop.layers.Initializer;
import backprop.layers.Parameter;
import backprop.losses.SoftmaxCrossEntropy;
import backprop.network.Network;
import backprop.random.SplitMix64;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The same seed gives the same numbers, bit for bit, with one thread or several. */
class ThreadDeterminismTest {

    @AfterEach
    void restore() {
        RowPool.setThreads(Runtime.getRuntime().availableProcessors());
    }

    private static List<Object> train(int threads, Dataset data) {
        RowPool.setThreads(threads);
        Network net = Network.builder(784, new SplitMix64(11)).weights(Initializer.normal(0.01))
                .dense(96).relu().dense(32).relu().dense(10).loss(new SoftmaxCrossEntropy()).l2(1e-3).build();
        // batch 128 · 784 · 96 ≈ 9.6M multiply-adds per product: far above the size that goes parallel
        History h = new Trainer(net, new Sgd(), TrainingSettings.of(2, 1e-3).withBatchSize(128).withSeed(5))
                .fit(data, null, null);
        List<Object> out = new ArrayList<>();
        out.add(h.trainLosses());
        for (Parameter p : net.parameters()) {
            out.add(p.value());
        }
        return out;
    }

    @Test
    void oneTwoAndThreeThreadsTrainIdentically() throws Exception {
        Dataset train = Mnist.read(Path.of("testdata/mnist"), "train");
        Dataset part = train.rows(java.util.stream.IntStream.range(0, 1024).toArray());
        List<Object> one = train(1, part);
        List<Object> two = train(2, part);
        List<Object> three = train(3, part);
        assertThat(two).usingRecursiveComparison().isEqualTo(one);
        assertThat(three).usingRecursiveComparison().isEqualTo(one);
        assertThat(((double[]) one.get(0))[1]).isLessThan(((double[]) one.get(0))[0]);
    }
}
