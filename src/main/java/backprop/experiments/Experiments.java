package backprop.experiments;

import java.util.List;

/** Every experiment, in the order of the tour. */
public final class Experiments {

    private Experiments() {
    }

    public static List<Experiment> all() {
        return List.of(new Gates(), new Xor(), new Sine(), new Iris(), new MnistExperiments.ThreeNet(),
                new MnistExperiments.Leaky(), new MnistExperiments.SigmoidNet(), new MnistExperiments.IdxNet(),
                new Images(), new CsvTable());
    }

    /** The experiment called {@code name}, or null. */
    public static Experiment named(String name) {
        for (Experiment e : all()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
