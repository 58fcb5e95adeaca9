package backprop.experiments;

import backprop.training.EpochListener;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One network of the documents, as data: what it is called and where it comes from, the document's
 * settings, how its network is built, the procedure that loads its data, trains and scores it, the
 * settings a run may change, and how its data is split. {@link Experiments#ALL} lists them.
 *
 * @param name           the command-line name, e.g. {@code mnist}
 * @param document       the document it comes from, e.g. "004"
 * @param description    the network in one line
 * @param documentFigure what the document reports, in words
 * @param defaults       the document's settings (corrected where they are broken; see a run's notes)
 * @param tour           the settings of the tour: the defaults made short enough for a few seconds
 * @param defaultData    the data used when none is given (found by {@link DefaultData#locate}); null when
 *                       the data is made up on the spot
 * @param network        how the network is built from the settings
 * @param procedure      loads the data, builds, trains and scores
 * @param options        the settings a run of it can use, by their command-line names ({@link #SETTINGS})
 * @param loader         loads its data and splits it as a run does, without training
 */
public record Experiment(String name, String document, String description, String documentFigure,
        ExperimentSettings defaults, ExperimentSettings tour, Path defaultData, NetworkRecipe network,
        Procedure procedure, Set<String> options, Loader loader) {

    /** Every setting of {@link ExperimentSettings} and {@link TrainingChoices}, by its command-line name. */
    public static final Set<String> SETTINGS = Set.of("data", "epochs", "batch", "lr", "hidden", "seed", "label",
            "ignore", "optimizer", "init", "scale", "standardize", "validation", "patience", "shift", "l2",
            "halve-every");

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

    /** Loads an experiment's data and splits it as its run does. */
    @FunctionalInterface
    public interface Loader {

        /**
         * @param experiment the experiment
         * @param settings   the settings of a run (data, seed, CSV columns)
         * @return the raw training and test parts
         * @throws IOException if the data cannot be read
         */
        Parts load(Experiment experiment, ExperimentSettings settings) throws IOException;
    }

    /**
     * Copies the options and checks that each is one of {@link #SETTINGS}.
     *
     * @param name           the command-line name
     * @param document       the document it comes from
     * @param description    the network in one line
     * @param documentFigure what the document reports
     * @param defaults       the document's settings
     * @param tour           the settings of the tour
     * @param defaultData    the default data, or null
     * @param network        how the network is built
     * @param procedure      loads, trains and scores
     * @param options        the settings a run can use
     * @param loader         loads and splits the data
     */
    public Experiment {
        options = Set.copyOf(options);
        for (String o : options) {
            if (!SETTINGS.contains(o)) {
                throw new IllegalArgumentException("experiment " + name + ": unknown setting '" + o + "'");
            }
        }
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
     * The data a run reads and the split it makes, without training: what {@code evaluate --experiment}
     * scores a saved model on.
     *
     * @param settings the settings of the run that trained the model (data, seed, CSV columns)
     * @return the raw training and test parts
     * @throws IOException if the data cannot be read
     */
    public Parts parts(ExperimentSettings settings) throws IOException {
        return loader.load(this, settings);
    }

    /**
     * @param settings the settings of a run
     * @return the data the run reads: the settings' own, else the default
     * @throws FileNotFoundException when no data is given and the default is nowhere to be found; the
     *                               message lists where it looked
     */
    public Path dataFor(ExperimentSettings settings) throws FileNotFoundException {
        if (settings.data() != null || defaultData == null) {
            return settings.data();
        }
        if (!Files.exists(defaultData)) {
            List<Path> places = DefaultData.candidates(defaultData.toString());
            throw new FileNotFoundException(name + ": its default data " + defaultData + " is not here; looked in "
                    + places.stream().map(p -> p.toAbsolutePath().normalize().toString())
                            .collect(Collectors.joining(", "))
                    + ". Run from the repository's folder or give --data PATH");
        }
        return defaultData;
    }

    /**
     * This experiment as a run on other data presents it: called after the data (a run of {@code mnist} on
     * Fashion-MNIST is {@code fashion-mnist}) and without the document's figure, which is for other data.
     *
     * @param runName the name the run went by ({@link Result#experiment()})
     * @return this experiment when the name is its own, else a copy with that name and no document figure
     */
    public Experiment asRun(String runName) {
        if (runName.equals(name)) {
            return this;
        }
        return new Experiment(runName, document, description, "none for this data (the document's figure, "
                + documentFigure + ", is for other data)", defaults, tour, defaultData, network, procedure, options,
                loader);
    }
}
