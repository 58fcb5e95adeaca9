package backprop.experiments;

import backprop.data.CsvColumns;
import backprop.data.Dataset;
import backprop.data.DigitCsv;
import backprop.data.ImageFolder;
import backprop.data.InputTransform;
import backprop.data.IrisCsv;
import backprop.data.LabeledCsv;
import backprop.data.LabeledDataset;
import backprop.data.Mnist;
import backprop.data.NamedColumns;
import backprop.data.Preprocessing;
import backprop.data.Splits;
import backprop.data.Synthetic;
import backprop.metrics.Metrics;
import backprop.network.Network;
import backprop.random.SplitMix64;
import backprop.training.Adam;
import backprop.training.EpochListener;
import backprop.training.History;
import backprop.training.Optimizer;
import backprop.training.Sgd;
import backprop.training.Trainer;
import backprop.training.TrainingSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The steps of each experiment that are not data in {@link Experiments}: which data it reads and how it
 * splits it, what it does to the inputs, which training choices it makes, and the notes that say where a
 * run departs from its document. Every generator is seeded from the run's settings.
 */
final class Procedures {

    private Procedures() {
    }

    /** Mini-batch SGD settings from the run's settings: epochs, batch, constant rate, shuffles seeded. */
    private static TrainingSettings sgd(ExperimentSettings s) {
        return TrainingSettings.of(s.epochs(), s.learningRate()).withBatchSize(s.batchSize()).withSeed(s.seed());
    }

    /** Document 004's OneNet, one network for each of AND, OR and NOT, all from the same seed. */
    static Result gates(Experiment e, ExperimentSettings s, EpochListener listener) {
        long start = System.nanoTime();
        Map<String, Dataset> tables = new LinkedHashMap<>();
        tables.put("AND", Synthetic.and());
        tables.put("OR", Synthetic.or());
        tables.put("NOT", Synthetic.not());
        Map<String, Double> metrics = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        Network first = null;
        History firstHistory = null;
        for (Map.Entry<String, Dataset> table : tables.entrySet()) {
            Dataset data = table.getValue();
            Network net = e.network().with(s.choices()).build(data.features(), s.hidden(), 1, new SplitMix64(s.seed()));
            History h = new Trainer(net, s.choices().optimizer(new Sgd()), TrainingSettings.of(s.epochs(),
                    s.learningRate()).withScoreTraining(false))
                    .fit(data, null, table.getKey().equals("AND") ? listener : stopOnly(listener));
            double[][] p = net.forward(data.x());
            double accuracy = Metrics.accuracy(net.predict(data.x()), data.labels());
            String key = table.getKey().toLowerCase(Locale.ROOT);
            metrics.put(key + "_accuracy", accuracy);
            StringBuilder outputs = new StringBuilder();
            for (int i = 0; i < p.length; i++) {
                metrics.put(key + "_output_" + i, p[i][0]);
                outputs.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3g", p[i][0]));
            }
            int right = (int) Math.round(accuracy * data.size());
            parts.add(table.getKey() + " " + right + "/" + data.size() + " (" + outputs + ")");
            if (first == null) {
                first = net;
                firstHistory = h;
            }
        }
        List<String> notes = new ArrayList<>(List.of("AND's network is the one plotted and saved (OR and NOT are "
                        + "trained and scored the same way, from the same seed)",
                "L2 gradient λW (the document's update adds la·sum(w))",
                "one bias per output unit (the document's listing initialises b as K×D)"));
        if (s.choices().optimizer() != null) {
            notes.add("optimiser: " + s.choices().optimizer(new Sgd()).describe() + " (the document: sgd)");
        }
        if (s.choices().weights() != null) {
            notes.add("weights: " + s.choices().weights() + ", biases zeros (the document: normal(0.01) for both)");
        }
        choiceNotes(s, e, notes);
        return new Result(e.name(), s, first, firstHistory, metrics, String.join("; ", parts), notes, null, List.of(),
                null, InputTransform.IDENTITY, Synthetic.and(), (System.nanoTime() - start) / 1e9);
    }

    /** The AND table, which the saved network of a gates run learned. */
    static Parts gatesData(Experiment e, ExperimentSettings s) {
        Dataset and = Synthetic.and();
        return new Parts(and, and, List.of(), "gates", null, "the four rows of the AND table");
    }

    /** Document 004's TwoNet on the four XOR patterns, scored on the same four. */
    static Result xor(Experiment e, ExperimentSettings s, EpochListener listener) throws IOException {
        long start = System.nanoTime();
        Result r = Classification.run(e, s, e.parts(s), new Classification.Own(new Sgd(), InputTransform.IDENTITY,
                null, null, false, true,
                List.of("output bias steps along its gradient (the document's b2 -= lr·b2 never learns)")),
                listener, start);
        return r.withFigure(String.format(Locale.ROOT, "%.0f%%", 100 * r.metrics().get("train_accuracy")));
    }

    /** The four XOR patterns, trained and tested on. */
    static Parts xorData(Experiment e, ExperimentSettings s) {
        Dataset data = Synthetic.xor();
        return new Parts(data, data, List.of("0", "1"), "xor", null, "the four XOR patterns");
    }

    /** Document 001 part 1: 200 points of sin(x), the fit scored on a 1,000-point grid. */
    static Result sine(Experiment e, ExperimentSettings s, EpochListener listener) {
        long start = System.nanoTime();
        SplitMix64 random = new SplitMix64(s.seed());
        Dataset train = Synthetic.sine(200, 0.0, random);
        NetworkRecipe recipe = e.network().with(s.choices());
        Network net = recipe.build(1, s.hidden(), 1, random);
        Optimizer optimizer = s.choices().optimizer(new Adam());
        History history = new Trainer(net, optimizer, sgd(s).withScoreTraining(false)
                .withPatience(s.choices().patience()).withKeepBest(s.choices().patience() > 0))
                .fit(train, null, listener);
        Dataset grid = Synthetic.sineGrid(GRID);
        double[][] predicted = net.forward(grid.x());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("train_loss", history.epochs().isEmpty() ? net.loss(train.x(), train.y())
                : history.last().trainLoss());
        metrics.put("grid_mse", Metrics.meanSquaredError(predicted, grid.y()));
        metrics.put("grid_mean_abs_error", Metrics.meanAbsoluteError(predicted, grid.y()));
        double[][] fit = new double[GRID][3];
        for (int i = 0; i < GRID; i++) {
            fit[i] = new double[] {grid.x()[i][0], grid.y()[i][0], predicted[i][0]};
        }
        String figure = String.format(Locale.ROOT, "mean error %.4f, MSE %.2e (1,000-point grid)",
                metrics.get("grid_mean_abs_error"), metrics.get("grid_mse"));
        List<String> notes = new ArrayList<>(List.of(s.choices().optimizer() == null
                ? "Adam, full batch: the document's SGD at lr 5e-4 with a step schedule needs hours for the same fit"
                : "optimiser: " + optimizer.describe() + " (the document: SGD at lr 5e-4 with a step schedule)",
                "one bias per hidden unit (the document shares one per layer)"));
        notes.add(s.choices().weights() == null ? "Xavier initial weights"
                : "weights: " + recipe.weights().name() + ", biases zeros");
        choiceNotes(s, e, notes);
        return new Result(e.name(), s, net, history, metrics, figure, notes, null, List.of(), fit,
                InputTransform.IDENTITY, Classification.head(grid, 4), (System.nanoTime() - start) / 1e9);
    }

    /** 200 points of sin(x) drawn as the run draws them; the 1,000-point grid to test on. */
    static Parts sineData(Experiment e, ExperimentSettings s) {
        return new Parts(Synthetic.sine(200, 0.0, new SplitMix64(s.seed())), Synthetic.sineGrid(GRID), List.of(),
                "sine", null, "a 1,000-point grid of sin(x) on [−π, π]");
    }

    /** Points of the grid the sine fit is scored on. */
    static final int GRID = 1000;

    /** Notes for the choices that {@link Classification} does not make for the experiments it does not run. */
    private static void choiceNotes(ExperimentSettings s, Experiment e, List<String> notes) {
        if (s.choices().l2() != null) {
            notes.add("L2 penalty λ = " + s.choices().l2() + " (the document: " + e.network().l2() + ")");
        }
        if (s.choices().patience() > 0) {
            notes.add("early stopping after " + s.choices().patience()
                    + " epochs without improvement; the best epoch is kept");
        }
    }

    /** Document 004's ThreeNet on Iris: stratified 80/20 with seed 2024, best training epoch kept. */
    static Result iris(Experiment e, ExperimentSettings s, EpochListener listener) throws IOException {
        long start = System.nanoTime();
        return Classification.run(e, s, e.parts(s), new Classification.Own(new Sgd(), InputTransform.IDENTITY,
                "inputs: the four measurements in centimetres, unscaled, as in the document", null, true, true,
                List.of("split: stratified 80/20 with seed 2024 (120/30 rows)",
                        "the epoch with the best accuracy is kept, as in the document: on the training set, or on the "
                                + "validation set when one is held out",
                        "biases step along their gradients (the document's b2, b3 only decay)")), listener, start);
    }

    /** Iris split stratified 80/20 with the document's seed 2024. */
    static Parts irisData(Experiment e, ExperimentSettings s) throws IOException {
        Path file = e.dataFor(s);
        LabeledDataset iris = IrisCsv.read(file);
        Splits.Split split = Splits.stratified(iris.data(), 0.8, new SplitMix64(2024));
        return new Parts(split.first(), split.second(), iris.classNames(), "iris", null, file + ": the "
                + split.second().size() + " test rows of the stratified 80/20 split with seed 2024");
    }

    /** Document 004's ThreeNet on MNIST: raw pixels, best training epoch kept. */
    static Result mnist(Experiment e, ExperimentSettings s, EpochListener listener) throws IOException {
        long start = System.nanoTime();
        return Classification.run(e, s, e.parts(s), new Classification.Own(new Sgd(), InputTransform.IDENTITY,
                "raw 0..255 pixels as in the document (its lr 1e-3 is small enough for them)", null, true, true,
                List.of("best epoch chosen on a whole set (the training set, or the validation set when one is "
                                + "held out), not on one batch",
                        "biases step along their gradients (the document's b2, b3 only decay)")),
                listener, start);
    }

    /** An IDX folder's training and test parts, named after what they hold. */
    static Parts idxData(Experiment e, ExperimentSettings s) throws IOException {
        Path folder = e.dataFor(s);
        Mnist.Parts data = Mnist.read(folder);
        String name = KnownData.idxName(data, folder);
        return new Parts(data.train(), data.test(), KnownData.classNames(name), name, null, folder
                + ": the test part (t10k), " + data.test().size() + " images");
    }

    /**
     * Document 000: Kaggle's digit-recognizer {@code train.csv} split 70/30 by a permutation seeded like the
     * document's (2099) when {@code --data} names a CSV file; an IDX folder otherwise.
     */
    static Result mnistLeaky(Experiment e, ExperimentSettings s, EpochListener listener) throws IOException {
        long start = System.nanoTime();
        Parts parts = e.parts(s);
        boolean kaggle = isCsv(e.dataFor(s));
        Result r = Classification.run(e, s, parts, new Classification.Own(new Sgd(), InputTransform.IDENTITY,
                "raw 0..255 pixels and lr 0.001 as in the document: with randn/100 weights they keep the "
                        + "activations of the deep layers at a workable size", null, false, true, List.of(
                        "every gradient divided by the batch size, db1 included; all gradients computed "
                                + "before any update (the document updates W3 before using it)",
                        kaggle ? "Kaggle's train.csv split 70/30 by a permutation seeded " + s.seed()
                                + ", as in the document"
                                : "IDX files; give Kaggle's train.csv with --data for the document's 70/30 split")),
                listener, start);
        return r.withFigure(String.format(Locale.ROOT, "test loss %.4f, test %.2f%%",
                r.metrics().get("test_loss"), 100 * r.metrics().get("test_accuracy")));
    }

    /** Kaggle's digit CSV split 70/30 by a permutation seeded with the run's seed, or an IDX folder. */
    static Parts leakyData(Experiment e, ExperimentSettings s) throws IOException {
        Path path = e.dataFor(s);
        if (!isCsv(path)) {
            return idxData(e, s);
        }
        Splits.Split split = Splits.random(DigitCsv.read(path).data(), 0.7, new SplitMix64(s.seed()));
        return new Parts(split.first(), split.second(), Mnist.classNames(), "mnist", null, path + ": the "
                + split.second().size() + " test rows of the 70/30 split by a permutation seeded " + s.seed());
    }

    private static boolean isCsv(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".csv.gz");
    }

    /** Document 002: pixels / 255, full-batch gradient descent. */
    static Result mnistSigmoid(Experiment e, ExperimentSettings s, EpochListener listener) throws IOException {
        long start = System.nanoTime();
        return Classification.run(e, s, e.parts(s), new Classification.Own(new Sgd(), InputTransform.scaled(1.0 / 255),
                "pixels / 255, as in the document", null, false, false, List.of(
                        "Xavier initial weights: the document's unscaled randn saturates every sigmoid",
                        "softmax shifted by the row maximum; logs never see 0 (the document's first cost "
                                + "was 449,165)",
                        "a separate Softmax layer and CrossEntropy, as the document derives them")),
                listener, start);
    }

    /** Document 003: 5/6 of the training part to train on, 1/6 to validate, the official test set to test. */
    static Result mnistIdx(Experiment e, ExperimentSettings s, EpochListener listener) throws IOException {
        long start = System.nanoTime();
        return Classification.run(e, s, e.parts(s), new Classification.Own(new Sgd(), InputTransform.IDENTITY,
                "raw 0..255 pixels and lr 0.001 as in the document (pixels / 255 with lr 0.3 reach the same "
                        + "accuracy)",
                train -> Splits.randomCount(train, train.size() * 5 / 6, new SplitMix64(s.seed())), false, true,
                List.of("loss: binary cross-entropy summed over the 10 sigmoid outputs, whose gradient is "
                                + "the document's a2 − y (its stated loss −y·log a2 has another gradient)",
                        "split 5/6 training, 1/6 validation, official test set: the document's 50,000 / "
                                + "10,000 / 10,000 in proportion")),
                listener, start);
    }

    /** Document 001 part 2: a folder of 28×28 images, inverted pixels, stratified 80/20. */
    static Result images(Experiment e, ExperimentSettings s, EpochListener listener) throws IOException {
        long start = System.nanoTime();
        return Classification.run(e, s, e.parts(s), new Classification.Own(new Sgd(),
                InputTransform.invertedPixels(), "pixels inverted (255 − p) as in the document, then scaled to "
                        + "[0, 1]", null, false, true, List.of("stratified 80/20 split; the test images are never "
                        + "trained on (the document's test loop also backpropagated)", "one bias per unit (the "
                        + "document shares one per layer)")), listener, start);
    }

    /** A folder of 28×28 images, one sub-folder per class, split stratified 80/20 with the run's seed. */
    static Parts imageData(Experiment e, ExperimentSettings s) throws IOException {
        Path folder = e.dataFor(s);
        LabeledDataset images = ImageFolder.read(folder, 28, 28, false);
        Splits.Split split = Splits.stratified(images.data(), 0.8, new SplitMix64(s.seed()));
        return new Parts(split.first(), split.second(), images.classNames(), "images", null, folder + ": the "
                + split.second().size() + " test images of the stratified 80/20 split with seed " + s.seed());
    }

    /** Any labelled CSV: features standardised with the training part's statistics, stratified 80/20. */
    static Result csv(Experiment e, ExperimentSettings s, EpochListener listener) throws IOException {
        long start = System.nanoTime();
        Parts parts = e.parts(s);
        return Classification.run(e, s, parts, new Classification.Own(new Sgd(), null,
                "features standardised with the training part's mean and deviation", null, false, true,
                List.of("data: " + e.dataFor(s) + ", label column '" + parts.csv().label() + "'"
                        + (parts.csv().ignore().isEmpty() ? "" : ", ignoring " + String.join(", ",
                                parts.csv().ignore())))), listener, start);
    }

    /** A labelled CSV split stratified 80/20 with the run's seed; its columns kept for the model file. */
    static Parts csvData(Experiment e, ExperimentSettings s) throws IOException {
        if (s.label() == null) {
            throw new IllegalArgumentException("csv: name the label column with --label COLUMN");
        }
        Path file = e.dataFor(s);
        LabeledDataset table = LabeledCsv.read(file, s.label(), s.ignore());
        Splits.Split split = Splits.stratified(table.data(), 0.8, new SplitMix64(s.seed()));
        return new Parts(split.first(), split.second(), table.classNames(), "csv",
                new CsvColumns(s.label(), s.ignore(), featureNames(file, s.label(), s.ignore())),
                file + ": the " + split.second().size() + " test rows of the stratified 80/20 split with seed "
                        + s.seed());
    }

    /** The header's columns other than the label and the ignored ones, in order: the network's inputs. */
    private static List<String> featureNames(Path file, String label, List<String> ignore) throws IOException {
        List<String> names = new ArrayList<>();
        for (String column : NamedColumns.header(file)) {
            if (!column.equals(label) && !ignore.contains(column)) {
                names.add(column);
            }
        }
        return names;
    }

    /** A listener that hears nothing but passes on a request to stop (Ctrl-C) to a run it does not report. */
    private static EpochListener stopOnly(EpochListener listener) {
        return new EpochListener() {
            @Override
            public boolean stopRequested() {
                return listener.stopRequested();
            }
        };
    }
}
