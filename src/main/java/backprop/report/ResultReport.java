package backprop.report;

import backprop.experiments.Experiment;
import backprop.experiments.ExperimentSettings;
import backprop.experiments.Result;
import backprop.metrics.ClassificationReport;
import backprop.training.EpochRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A run's result as text for a person, or as a JSON-ready map for a program. */
public final class ResultReport {

    private ResultReport() {
    }

    /**
     * @param e     the experiment
     * @param r     what its run produced
     * @param plots the plot files written
     * @param saved the model files written
     * @return the result as lines of text: settings, notes, figures, metrics, confusion matrix, files
     */
    public static String text(Experiment e, Result r, List<Path> plots, List<Path> saved) {
        StringBuilder s = new StringBuilder();
        ExperimentSettings settings = r.settings();
        // the experiment as the document defined it; the run's own network and settings follow
        s.append(String.format(Locale.ROOT, "%s (document %s; the document's network: %s)%n", e.name(), e.document(),
                e.description()));
        s.append("network:  ").append(r.network().describe()).append('\n');
        s.append(String.format(Locale.ROOT, "settings: epochs %d, batch %s, lr %s, hidden %s, seed %d%s%n",
                settings.epochs(), settings.batchSize() == 0 ? "full" : String.valueOf(settings.batchSize()),
                settings.learningRate(), settings.hiddenText(), settings.seed(),
                settings.data() == null ? "" : ", data " + settings.data()));
        for (String note : r.notes()) {
            s.append("note:     ").append(note).append('\n');
        }
        if (r.history().epochs().isEmpty()) {
            s.append(String.format(Locale.ROOT, "epochs:   0 run (%s); %.2f s in all%n", r.history().stopReason(),
                    r.seconds()));
        } else {
            EpochRecord best = r.history().best();
            s.append(String.format(Locale.ROOT, "epochs:   %d run (%s), best %d; %.2f s in all%n",
                    r.history().epochs().size(), r.history().stopReason(), best.epoch(), r.seconds()));
        }
        s.append("document: ").append(e.documentFigure()).append('\n');
        s.append("ours:     ").append(r.ourFigure()).append('\n');
        for (Map.Entry<String, Double> m : r.metrics().entrySet()) {
            s.append(String.format(Locale.ROOT, "  %-22s %.6g%n", m.getKey(), m.getValue()));
        }
        if (r.confusion() != null) {
            s.append("confusion matrix (test set):\n").append(r.confusion());
            s.append(ClassificationReport.of(r.confusion(),
                    r.classNames().size() == r.confusion().classes() ? r.classNames() : null));
        }
        for (Path p : plots) {
            s.append(p.toString().endsWith(".html") ? "page:     " : "plot:     ").append(p).append('\n');
        }
        for (Path p : saved) {
            s.append("saved:    ").append(p).append('\n');
        }
        return s.toString();
    }

    /**
     * @param e     the experiment
     * @param r     what its run produced
     * @param plots the plot files written
     * @param saved the model files written
     * @return the result as nested maps and lists, for {@code Json.write}
     */
    public static Map<String, Object> json(Experiment e, Result r, List<Path> plots, List<Path> saved) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("experiment", e.name());
        j.put("document", e.document());
        j.put("network", r.network().describe());
        ExperimentSettings s = r.settings();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("epochs", s.epochs());
        settings.put("batch", s.batchSize());
        settings.put("lr", s.learningRate());
        settings.put("hidden", s.hidden());
        settings.put("seed", s.seed());
        settings.put("data", s.data() == null ? null : s.data().toString());
        j.put("settings", settings);
        j.put("notes", r.notes());
        List<Object> history = new ArrayList<>();
        for (EpochRecord rec : r.history().epochs()) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("epoch", rec.epoch());
            h.put("train_loss", rec.trainLoss());
            h.put("train_accuracy", rec.trainAccuracy());
            h.put("validation_loss", rec.validationLoss());
            h.put("validation_accuracy", rec.validationAccuracy());
            h.put("learning_rate", rec.learningRate());
            h.put("seconds", rec.seconds());
            history.add(h);
        }
        j.put("history", history);
        j.put("best_epoch", r.history().bestEpoch());
        j.put("stop_reason", r.history().stopReason());
        j.put("metrics", r.metrics());
        j.put("document_figure", e.documentFigure());
        j.put("our_figure", r.ourFigure());
        j.put("plots", plots.stream().map(Path::toString).toList());
        j.put("saved", saved.stream().map(Path::toString).toList());
        j.put("seconds", r.seconds());
        return j;
    }
}
