package backprop.experiments;

import backprop.data.CsvColumns;
import backprop.data.Dataset;
import backprop.data.InputTransform;
import backprop.io.ModelFile;
import backprop.metrics.ConfusionMatrix;
import backprop.network.Network;
import backprop.training.History;
import java.util.List;
import java.util.Map;

/**
 * What an experiment run produced.
 *
 * @param experiment the run's name: the experiment's, or after the data when that is not the experiment's
 *                   own kind (a run of {@code mnist} on Fashion-MNIST is {@code fashion-mnist}); titles and
 *                   plot files use it
 * @param settings   the settings it ran with
 * @param network    the trained network (for {@code gates}, the AND network)
 * @param history    its training history
 * @param metrics    final figures by name, e.g. "test_accuracy" → 0.9667, in the order they were measured
 * @param ourFigure  the headline figure in words, printed beside the document's
 * @param notes      where and why the run departs from the document's settings
 * @param confusion  the test-set confusion matrix of a classifier, or null
 * @param classNames class names of a classifier, or empty
 * @param fit        x, truth and prediction for a one-input regression (the sine), or null
 * @param transform  what was done to the raw inputs before training (saved with the model)
 * @param sample     a few preprocessed test rows, for the gradient check of the trained network
 * @param seconds    wall time of the whole run
 * @param csv        how the columns of a labelled CSV were read (saved with the model), or null
 */
public record Result(String experiment, ExperimentSettings settings, Network network, History history,
        Map<String, Double> metrics, String ourFigure, List<String> notes, ConfusionMatrix confusion,
        List<String> classNames, double[][] fit, InputTransform transform, Dataset sample, double seconds,
        CsvColumns csv) {

    /**
     * A result of data that is no labelled CSV.
     *
     * @param experiment the run's name
     * @param settings   the settings it ran with
     * @param network    the trained network
     * @param history    its training history
     * @param metrics    final figures by name
     * @param ourFigure  the headline figure in words
     * @param notes      where and why the run departs from the document's settings
     * @param confusion  the test-set confusion matrix, or null
     * @param classNames class names of a classifier, or empty
     * @param fit        x, truth and prediction for a one-input regression, or null
     * @param transform  what was done to the raw inputs before training
     * @param sample     a few preprocessed test rows
     * @param seconds    wall time of the whole run
     */
    public Result(String experiment, ExperimentSettings settings, Network network, History history,
            Map<String, Double> metrics, String ourFigure, List<String> notes, ConfusionMatrix confusion,
            List<String> classNames, double[][] fit, InputTransform transform, Dataset sample, double seconds) {
        this(experiment, settings, network, history, metrics, ourFigure, notes, confusion, classNames, fit, transform,
                sample, seconds, null);
    }

    /**
     * The same result with another headline figure.
     *
     * @param figure the headline figure in words
     * @return a copy with {@code ourFigure} replaced
     */
    public Result withFigure(String figure) {
        return new Result(experiment, settings, network, history, metrics, figure, notes, confusion, classNames, fit,
                transform, sample, seconds, csv);
    }

    /**
     * The trained network with all a model file keeps beside it.
     *
     * @return the network, its class names, input transform and CSV columns
     */
    public ModelFile.Model model() {
        return new ModelFile.Model(network, classNames, transform, csv);
    }
}
