package backprop.experiments;

import backprop.training.EpochListener;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One network of the documents, as data: what it is called and where it comes from, the document's
 * settings, how its network is built, and the procedure that loads its data, trains and scores it.
 * {@link Experiments#ALL} lists them.
 *
 * @param name           the command-line name, e.g. {@code mnist}
 * @param document       the document it comes from, e.g. "004"
 * @param description    the network in one line
 * @param documentFigure what the document reports, in words
 * @param defaults       the document's settings (corrected where they are broken; see a run's notes)
 * @param tour           the settings of the tour: the defaults made short enough for a few seconds
 * @param defaultData    the data used when none is given, relative to the working directory; null when
 *                       the data is made up on the spot
 * @param network        how the network is built from the settings
 * @param procedure      loads the data, builds, trains and scores
 */
public record Experiment(String name, String document, String description, String documentFigure,
        ExperimentSettings defaults, ExperimentSettings tour, Path defaultData, NetworkRecipe network,
        Procedure procedure) {

    /** The steps of a run that differ from experiment to experiment. */
    @FunctionalInterface
    public interface Procedure {

        /**
         * @param experiment the experiment being run
         * @param settings   its settings for this run
         * @param listener   hears about every batch and epoch
         * @return what the run produced
         * @throws IOException if its data cannot be read
         */
        Result run(Experiment experiment, ExperimentSettings settings, EpochListener listener) throws IOException;
    }

    /**
     * Trains and scores the network.
     *
     * @param settings the settings for this run
     * @param listener hears about every batch and epoch (null for none)
     * @return what the run produced
     * @throws IOException if the data cannot be read
     */
    public Result run(ExperimentSettings settings, EpochListener listener) throws IOException {
        return procedure.run(this, settings, listener == null ? EpochListener.SILENT : listener);
    }

    /**
     * @param settings the settings of a run
     * @return the data the run reads: the settings' own, else the default
     */
    public Path dataFor(ExperimentSettings settings) {
        return settings.data() != null ? settings.data() : defaultData;
    }
}
