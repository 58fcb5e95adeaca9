package backprop.experiments;

import backprop.training.EpochListener;
import java.io.IOException;
import java.nio.file.Path;

/** One network of the documents, with the document's settings as defaults. */
public interface Experiment {

    /** The command-line name, e.g. {@code mnist}. */
    String name();

    /** The document it comes from, e.g. "004". */
    String document();

    /** The network in one line. */
    String description();

    /** What the document reports, in words. */
    String documentFigure();

    /** The document's settings (corrected where they are broken; see the notes of a run). */
    ExperimentSettings defaults();

    /** Settings for the tour: the defaults made short enough for a run of a few seconds. */
    default ExperimentSettings tour() {
        return defaults();
    }

    /** The data used when none is given, relative to the working directory; null when none is needed. */
    default Path defaultData() {
        return null;
    }

    /** Trains and scores the network. */
    Result run(ExperimentSettings settings, EpochListener listener) throws IOException;
}
