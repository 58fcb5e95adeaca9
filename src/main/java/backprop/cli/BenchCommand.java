package backprop.cli;

import backprop.data.Mnist;
import backprop.experiments.DefaultData;
import backprop.fast.Products;
import backprop.fast.RowPool;
import backprop.io.Json;
import backprop.layers.Initializer;
import backprop.losses.SoftmaxCrossEntropy;
import backprop.network.Network;
import backprop.random.SplitMix64;
import backprop.training.EpochRecord;
import backprop.training.History;
import backprop.training.Sgd;
import backprop.training.Trainer;
import backprop.training.TrainingSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code bench}: the speed of the three Dense products and of training document 004's ThreeNet with the
 * numpy yardstick's settings (784-200-80-10, ReLU, softmax cross-entropy, L2 1e-3, SGD lr 1e-3, batch 256,
 * raw pixels, weights and biases 0.01·N(0,1), the last partial batch dropped), so that the two compare.
 */
final class BenchCommand implements Command {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String usage() {
        return "  bench [--data DIR] [--epochs N (3 or more)] [--threads N] [--json]\n";
    }

    @Override
    public String help() {
        return """
                usage: java -jar target/backprop.jar bench [--data DIR] [--epochs N] [--threads N] [--json]

                The speed of the Dense products and of training document 004's ThreeNet with the numpy
                yardstick's settings (784-200-80-10, batch 256, SGD lr 1e-3, raw pixels). Warms the JIT up
                for a few seconds first, then reports the median of the timed epochs.

                  --data DIR    an IDX folder (default: testdata/mnist, found from any working directory)
                  --epochs N    timed epochs of the ThreeNet, 3 or more (default 5)
                  --threads N   threads for the products, 1 to the number of processors (default: all)
                  --json        the figures as one JSON object
                """;
    }

    @Override
    public Set<String> valued() {
        return Set.of("data", "epochs", "threads");
    }

    @Override
    public Set<String> flags() {
        return Set.of("json");
    }

    /** A product to time: its name, its shapes, and how to run it once. */
    private record Product(String name, String shapes, long multiplyAdds, Runnable once) {
    }

    @Override
    public int run(Options o, PrintStream out, PrintStream err) throws IOException {
        o.noPositional(name());
        Path data = o.string("data") == null ? DefaultData.locate("testdata/mnist") : Path.of(o.string("data"));
        int epochs = o.integer("epochs") == null ? 5 : o.integer("epochs");
        if (epochs < 3) {
            throw new Options.UsageException("--epochs " + epochs + ": expected 3 or more timed epochs");
        }
        int threads = o.integer("threads") == null ? Runtime.getRuntime().availableProcessors() : o.integer("threads");
        if (!java.nio.file.Files.isDirectory(data)) {
            throw new java.io.FileNotFoundException(data + ": no such folder; bench reads an MNIST-style IDX folder"
                    + (o.string("data") == null ? ", looked for testdata/mnist in "
                    + DefaultData.candidates("testdata/mnist") + "; give one with --data" : ""));
        }
        Mnist.Parts mnist = Mnist.read(data);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("data", data.toString());
        report.put("train_samples", mnist.train().size());
        report.put("threads", threads);
        report.put("zero_pixel_fraction", zeroFraction(mnist.train().x()));

        RowPool.setThreads(threads);
        err.println("bench: warming up the JIT on a throwaway ThreeNet …");
        warmUpJit(mnist, JIT_SECONDS);
        err.println("bench: products …");
        Map<String, Object> products = new LinkedHashMap<>();
        for (int t : threads == 1 ? new int[] {1} : new int[] {1, threads}) {
            RowPool.setThreads(t);
            products.put("threads_" + t + "_random", timeProducts(randomBatch(), err));
            products.put("threads_" + t + "_data", timeProducts(Arrays.copyOf(mnist.train().x(), 256), err));
        }
        report.put("products_gflops", products);
        RowPool.setThreads(threads);

        Map<String, Object> widths = new LinkedHashMap<>();
        for (int h : new int[] {100, 200, 400, 800}) {
            err.println("bench: hidden width " + h + " …");
            widths.put(String.valueOf(h), trainingRun(mnist, h, 256, WARM_UP, 3, false).get("seconds_per_epoch"));
        }
        report.put("seconds_per_epoch_by_hidden_width", widths);
        Map<String, Object> batches = new LinkedHashMap<>();
        for (int b : new int[] {32, 64, 128, 256, 512, 1024}) {
            err.println("bench: batch " + b + " …");
            batches.put(String.valueOf(b), trainingRun(mnist, 200, b, WARM_UP, 3, false).get("seconds_per_epoch"));
        }
        report.put("seconds_per_epoch_by_batch", batches);
        err.println("bench: ThreeNet 784-200-80-10, batch 256 …");
        report.put("threenet", trainingRun(mnist, 200, 256, WARM_UP, epochs, true));
        report.put("peak_heap_mib", peakHeapMiB());

        if (o.flag("json")) {
            out.println(Json.write(report));
        } else {
            print(report, out);
        }
        return 0;
    }

    private static double[][] randomBatch() {
        SplitMix64 r = new SplitMix64(1);
        double[][] x = new double[256][784];
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextDouble() * 255;
            }
        }
        return x;
    }

    /** GFLOP/s (2 flops per multiply-add, zeros counted as work) of each product of the ThreeNet's layers. */
    private static Map<String, Object> timeProducts(double[][] x, PrintStream err) {
        SplitMix64 r = new SplitMix64(2);
        double[][] w1 = gaussian(r, 784, 200);
        double[][] dz1 = gaussian(r, 256, 200);
        double[][] a1 = gaussian(r, 256, 200);
        double[][] w2 = gaussian(r, 200, 80);
        double[][] dz2 = gaussian(r, 256, 80);
        double[][] z1 = new double[256][200];
        double[][] dw1 = new double[784][200];
        double[][] z2 = new double[256][80];
        double[][] dw2 = new double[200][80];
        double[][] da1 = new double[256][200];
        List<Product> list = List.of(
                new Product("X·W1", "256×784 · 784×200", 256L * 784 * 200, () -> Products.multiplyInto(x, w1, z1)),
                new Product("Xᵀ·dZ1", "(256×784)ᵀ · 256×200", 256L * 784 * 200,
                        () -> Products.multiplyTransposeLeftInto(x, dz1, dw1)),
                new Product("A1·W2", "256×200 · 200×80", 256L * 200 * 80, () -> Products.multiplyInto(a1, w2, z2)),
                new Product("A1ᵀ·dZ2", "(256×200)ᵀ · 256×80", 256L * 200 * 80,
                        () -> Products.multiplyTransposeLeftInto(a1, dz2, dw2)),
                new Product("dZ2·W2ᵀ", "256×80 · (200×80)ᵀ", 256L * 200 * 80,
                        () -> Products.multiplyTransposeRightInto(dz2, w2, da1)));
        Map<String, Object> rates = new LinkedHashMap<>();
        for (Product p : list) {
            int reps = (int) Math.max(5, 4e8 / p.multiplyAdds());
            for (int i = 0; i < reps; i++) {
                p.once().run();                        // warm-up: let the JIT compile the kernel
            }
            double[] seconds = new double[5];
            for (int k = 0; k < seconds.length; k++) {
                long start = System.nanoTime();
                for (int i = 0; i < reps; i++) {
                    p.once().run();
                }
                seconds[k] = (System.nanoTime() - start) / 1e9 / reps;
            }
            rates.put(p.name() + " " + p.shapes(), 2.0 * p.multiplyAdds() / median(seconds) / 1e9);
        }
        return rates;
    }

    private static double[][] gaussian(SplitMix64 r, int rows, int cols) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return a;
    }

    /**
     * Seconds of throwaway training before anything is timed. The JIT needs a few seconds to compile the
     * training loop for good: on 10,000 images the third epoch is still up to 1.5 times slower than the
     * twentieth. (The sweeps then run before the headline ThreeNet figure, which is measured last: a run
     * right after the warm-up was sometimes 1.5 times slower than the same run a minute later.)
     */
    static final double JIT_SECONDS = 4.0;

    /** Untimed epochs of each measured run, after the JIT warm-up. */
    static final int WARM_UP = 1;

    /** Trains a throwaway ThreeNet, one epoch at a time, until {@code seconds} have passed. */
    static void warmUpJit(Mnist.Parts mnist, double seconds) {
        Network net = Network.builder(784, new SplitMix64(1)).weights(Initializer.normal(0.01))
                .biases(Initializer.normal(0.01)).dense(200).relu().dense(80).relu().dense(10)
                .loss(new SoftmaxCrossEntropy()).l2(1e-3).build();
        Trainer trainer = new Trainer(net, new Sgd(), TrainingSettings.of(1, 1e-3).withBatchSize(256)
                .withDropRemainder(true).withScoreTraining(false));
        long start = System.nanoTime();
        while (System.nanoTime() - start < seconds * 1e9) {
            trainer.fit(mnist.train(), null, null);
        }
    }

    /** {@code warmUp} untimed epochs, then {@code timed} epochs; the median of their training seconds. */
    static Map<String, Object> trainingRun(Mnist.Parts mnist, int hidden, int batch, int warmUp, int timed,
            boolean score) {
        Network net = Network.builder(784, new SplitMix64(0)).weights(Initializer.normal(0.01))
                .biases(Initializer.normal(0.01)).dense(hidden).relu().dense(80).relu().dense(10)
                .loss(new SoftmaxCrossEntropy()).l2(1e-3).build();
        TrainingSettings settings = TrainingSettings.of(warmUp + timed, 1e-3).withBatchSize(batch).withDropRemainder(true)
                .withScoreTraining(false);
        History h = new Trainer(net, new Sgd(), settings).fit(mnist.train(), null, null);
        List<EpochRecord> epochs = h.epochs();
        double[] seconds = new double[timed];
        for (int k = 0; k < timed; k++) {
            seconds[k] = epochs.get(warmUp + k).seconds();
        }
        Map<String, Object> run = new LinkedHashMap<>();
        double median = median(seconds);
        run.put("seconds_per_epoch", median);
        run.put("epoch_seconds", Arrays.stream(seconds).boxed().toList());
        run.put("warm_up_seconds", epochs.subList(0, warmUp).stream().map(EpochRecord::seconds).toList());
        int used = mnist.train().size() / batch * batch;
        run.put("samples_per_second", used / median);
        run.put("final_train_loss", h.last().trainLoss());
        if (score) {
            run.put("test_accuracy", Trainer.score(net, mnist.test()).accuracy());
        }
        return run;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double zeroFraction(double[][] x) {
        long zeros = 0;
        for (double[] row : x) {
            for (double v : row) {
                if (v == 0) {
                    zeros++;
                }
            }
        }
        return (double) zeros / ((long) x.length * x[0].length);
    }

    private static double peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024.0 * 1024.0);
    }

    @SuppressWarnings("unchecked")
    private static void print(Map<String, Object> report, PrintStream out) {
        out.printf(Locale.ROOT, "data %s: %d training images, %.1f%% zero pixels; threads: %d%n", report.get("data"),
                (Integer) report.get("train_samples"), 100 * (Double) report.get("zero_pixel_fraction"),
                (Integer) report.get("threads"));
        out.println();
        out.println("Dense products, GFLOP/s (2 flops per multiply-add, skipped zeros counted as done):");
        Map<String, Object> products = (Map<String, Object>) report.get("products_gflops");
        for (Map.Entry<String, Object> group : products.entrySet()) {
            out.println("  " + group.getKey().replace('_', ' '));
            for (Map.Entry<String, Object> p : ((Map<String, Object>) group.getValue()).entrySet()) {
                out.printf(Locale.ROOT, "    %-32s %7.1f%n", p.getKey(), (Double) p.getValue());
            }
        }
        out.println();
        Map<String, Object> three = (Map<String, Object>) report.get("threenet");
        out.printf(Locale.ROOT, "ThreeNet 784-200-80-10, batch 256: %.3f s per epoch (median of %s after warm-up %s), "
                + "%,.0f samples/s, test accuracy %.2f%%%n", (Double) three.get("seconds_per_epoch"),
                three.get("epoch_seconds"), three.get("warm_up_seconds"),
                (Double) three.get("samples_per_second"), 100 * (Double) three.get("test_accuracy"));
        out.println();
        out.println("seconds per epoch by first hidden width (batch 256):");
        for (Map.Entry<String, Object> e : ((Map<String, Object>) report.get("seconds_per_epoch_by_hidden_width"))
                .entrySet()) {
            out.printf(Locale.ROOT, "  %5s  %.3f%n", e.getKey(), (Double) e.getValue());
        }
        out.println("seconds per epoch by batch size (hidden 200):");
        for (Map.Entry<String, Object> e : ((Map<String, Object>) report.get("seconds_per_epoch_by_batch")).entrySet()) {
            out.printf(Locale.ROOT, "  %5s  %.3f%n", e.getKey(), (Double) e.getValue());
        }
        out.printf(Locale.ROOT, "peak heap used: %.0f MiB%n", (Double) report.get("peak_heap_mib"));
    }
}
