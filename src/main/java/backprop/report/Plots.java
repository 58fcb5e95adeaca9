package backprop.report;

import backprop.experiments.Result;
import backprop.io.AtomicFiles;
import backprop.training.EpochRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The plots of a run, as SVG files in the report folder: loss per epoch (on a log scale when it spans a
 * decade or more), accuracy per epoch for a classifier, the test set's confusion matrix, and the fit of a
 * one-input regression. Validation curves are drawn wherever the run had a validation set. A plot that
 * cannot be drawn is replaced by a picture saying why: a finished run never fails for its pictures.
 */
public final class Plots {

    /** Charts keep at most this many points per series; longer histories are sampled evenly. */
    private static final int MAX_POINTS = 1000;

    /** A loss whose largest value is at least this many times its smallest is drawn on a log scale. */
    static final double LOG_SCALE_RATIO = 10;

    private Plots() {
    }

    /**
     * One picture of a run.
     *
     * @param file  the file name, e.g. {@code iris-loss.svg}
     * @param title its title
     * @param svg   the SVG text
     */
    record Plot(String file, String title, String svg) {
    }

    /**
     * Writes the plots of a run into {@code folder}, creating it if need be.
     *
     * @param r      the run
     * @param folder the report folder
     * @return the files written, e.g. {@code <experiment>-loss.svg}, in a list the caller may add to
     * @throws IOException if a file cannot be written
     */
    public static List<Path> write(Result r, Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Plot p : draw(r)) {
            Path file = folder.resolve(p.file());
            AtomicFiles.writeString(file, p.svg());
            files.add(file);
        }
        return files;
    }

    /**
     * Draws the plots of a run without writing them.
     *
     * @param r the run
     * @return its pictures, in the order of {@link #write}
     */
    static List<Plot> draw(Result r) {
        String name = r.experiment();
        List<EpochRecord> epochs = sample(r.history().epochs());
        double[] x = new double[epochs.size()];
        double[] trainLoss = new double[x.length];
        double[] validationLoss = new double[x.length];
        double[] trainAccuracy = new double[x.length];
        double[] validationAccuracy = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            EpochRecord e = epochs.get(i);
            x[i] = e.epoch();
            trainLoss[i] = e.trainLoss();
            validationLoss[i] = e.validationLoss();
            trainAccuracy[i] = 100 * e.trainAccuracy();
            validationAccuracy[i] = 100 * e.validationAccuracy();
        }
        List<Plot> plots = new ArrayList<>();
        String lossTitle = name + ": loss per epoch";
        plots.add(plot(name + "-loss.svg", lossTitle, () -> Svg.lineChart(lossTitle, Svg.Axis.integers("epoch"),
                spansDecades(trainLoss, validationLoss) ? Svg.Axis.log("loss") : Svg.Axis.linear("loss"),
                List.of(new Svg.Series("training", x, trainLoss), new Svg.Series("validation", x, validationLoss)))));
        if (r.network().lossFunction().classification()) {
            String title = name + ": accuracy per epoch";
            plots.add(plot(name + "-accuracy.svg", title, () -> Svg.lineChart(title, Svg.Axis.integers("epoch"),
                    Svg.Axis.linear("accuracy (%)"), List.of(new Svg.Series("training", x, trainAccuracy),
                            new Svg.Series("validation", x, validationAccuracy)))));
        }
        if (r.confusion() != null) {
            String title = name + ": confusion matrix, test set";
            plots.add(plot(name + "-confusion.svg", title,
                    () -> Svg.heatMap(title, r.confusion().counts(), r.classNames())));
        }
        if (r.fit() != null) {
            String title = name + ": fit against the truth";
            plots.add(plot(name + "-fit.svg", title, () -> fitChart(title, r.fit())));
        }
        return plots;
    }

    private static String fitChart(String title, double[][] fit) {
        double[] fx = new double[fit.length];
        double[] truth = new double[fx.length];
        double[] predicted = new double[fx.length];
        for (int i = 0; i < fx.length; i++) {
            fx[i] = fit[i][0];
            truth[i] = fit[i][1];
            predicted[i] = fit[i][2];
        }
        return Svg.lineChart(title, Svg.Axis.linear("x"), Svg.Axis.linear("y"),
                List.of(new Svg.Series("sin(x)", fx, truth), new Svg.Series("network", fx, predicted)));
    }

    /**
     * Draws one picture; if drawing fails, a picture that says so takes its place.
     *
     * @param file    the file name
     * @param title   the title
     * @param drawing draws the picture
     * @return the picture, or the one saying why there is none
     */
    static Plot plot(String file, String title, Supplier<String> drawing) {
        try {
            return new Plot(file, title, drawing.get());
        } catch (RuntimeException e) {
            return new Plot(file, title, Svg.message(title, "this plot could not be drawn: " + e));
        }
    }

    /** Whether the finite positive values span a decade or more, and none is zero or negative. */
    static boolean spansDecades(double[]... values) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double[] series : values) {
            for (double v : series) {
                if (Double.isFinite(v)) {
                    if (v <= 0) {
                        return false;
                    }
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return max > 0 && max >= LOG_SCALE_RATIO * min;
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
