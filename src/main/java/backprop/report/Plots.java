package backprop.report;

import backprop.experiments.Result;
import backprop.io.AtomicFiles;
import backprop.training.EpochRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The plots of a run, as SVG files in the report folder. */
public final class Plots {

    /** Charts keep at most this many points per series; longer histories are sampled evenly. */
    private static final int MAX_POINTS = 1000;

    private Plots() {
    }

    /**
     * Writes the plots of a run into {@code folder}: loss per epoch, accuracy per epoch for a classifier,
     * the confusion matrix if there is one, and the fit of a one-input regression.
     *
     * @param r      the run
     * @param folder the report folder
     * @return the files written, e.g. {@code <experiment>-loss.svg}
     * @throws IOException if a file cannot be written
     */
    public static List<Path> write(Result r, Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        List<EpochRecord> epochs = sample(r.history().epochs());
        double[] x = epochs.stream().mapToDouble(EpochRecord::epoch).toArray();
        List<Svg.Series> losses = new ArrayList<>();
        losses.add(new Svg.Series("training", x, epochs.stream().mapToDouble(EpochRecord::trainLoss).toArray()));
        losses.add(new Svg.Series("validation", x,
                epochs.stream().mapToDouble(EpochRecord::validationLoss).toArray()));
        files.add(save(folder, r.experiment() + "-loss.svg",
                Svg.lineChart(r.experiment() + ": loss per epoch", "epoch", "loss", losses)));
        if (r.network().lossFunction().classification()) {
            List<Svg.Series> accuracy = new ArrayList<>();
            accuracy.add(new Svg.Series("training", x,
                    epochs.stream().mapToDouble(e -> 100 * e.trainAccuracy()).toArray()));
            accuracy.add(new Svg.Series("validation", x,
                    epochs.stream().mapToDouble(e -> 100 * e.validationAccuracy()).toArray()));
            files.add(save(folder, r.experiment() + "-accuracy.svg",
                    Svg.lineChart(r.experiment() + ": accuracy per epoch", "epoch", "accuracy (%)", accuracy)));
        }
        if (r.confusion() != null) {
            files.add(save(folder, r.experiment() + "-confusion.svg",
                    Svg.heatMap(r.experiment() + ": confusion matrix (test set)", r.confusion().counts(),
                            r.classNames())));
        }
        if (r.fit() != null) {
            double[] fx = new double[r.fit().length];
            double[] truth = new double[fx.length];
            double[] predicted = new double[fx.length];
            for (int i = 0; i < fx.length; i++) {
                fx[i] = r.fit()[i][0];
                truth[i] = r.fit()[i][1];
                predicted[i] = r.fit()[i][2];
            }
            files.add(save(folder, r.experiment() + "-fit.svg", Svg.lineChart(r.experiment() + ": fit against the truth",
                    "x", "y", List.of(new Svg.Series("sin(x)", fx, truth), new Svg.Series("network", fx, predicted)))));
        }
        return files;
    }

    private static Path save(Path folder, String name, String svg) throws IOException {
        Path file = folder.resolve(name);
        AtomicFiles.writeString(file, svg);
        return file;
    }

    private static List<EpochRecord> sample(List<EpochRecord> all) {
        if (all.size() <= MAX_POINTS) {
            return all;
        }
        List<EpochRecord> picked = new ArrayList<>();
        for (int k = 0; k < MAX_POINTS; k++) {
            picked.add(all.get((int) ((long) k * (all.size() - 1) / (MAX_POINTS - 1))));
        }
        return picked;
    }
}
