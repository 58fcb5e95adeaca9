package backprop.report;

import backprop.experiments.Experiment;
import backprop.experiments.Result;
import backprop.io.AtomicFiles;
import backprop.metrics.ClassificationReport;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTML page per run, {@code <experiment>.html} in the report folder: the headline figures beside the
 * document's, every plot, the test set's classification report, the metrics, the settings and notes, and
 * the network's summary. The page stands alone: the plots are inlined as SVG text, the style sits in the
 * page, and nothing is loaded from anywhere else (no scripts, images, style sheets or fonts), so it opens
 * from the disk in any browser. It is well-formed XML as well as HTML.
 * <p>
 * The settings, figures and metrics are those of {@link ResultReport#json}, so the page always shows what
 * the JSON output shows.
 */
public final class HtmlReport {

    private static final String STYLE = """
            body { font-family: DejaVu Sans, Arial, Helvetica, sans-serif; color: #222; line-height: 1.45;
                   max-width: 1340px; margin: 20px auto; padding: 0 18px; }
            h1 { font-size: 1.5em; margin: 0 0 4px; }
            h2 { font-size: 1.15em; margin: 28px 0 8px; padding-bottom: 3px; border-bottom: 1px solid #ddd; }
            p.lead { margin: 0 0 12px; color: #444; }
            table { border-collapse: collapse; margin: 6px 0 10px; }
            th, td { padding: 3px 12px 3px 0; border-bottom: 1px solid #e8e8e8; text-align: left;
                     vertical-align: top; }
            th { font-weight: 600; color: #333; }
            td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; padding-left: 12px; }
            pre { background: #f6f6f6; padding: 10px 12px; overflow-x: auto; font-size: 0.85em; }
            .plots { display: flex; flex-wrap: wrap; gap: 18px; align-items: flex-start; }
            figure { margin: 0; }
            svg { max-width: 100%; height: auto; border: 1px solid #eee; }
            ul.notes { margin: 4px 0; padding-left: 20px; }
            """;

    /** Names for a reader of the settings whose JSON keys are short. */
    private static final Map<String, String> SETTING_NAMES = Map.of("lr", "learning rate", "batch", "batch size",
            "hidden", "hidden layers");

    private HtmlReport() {
    }

    /**
     * Writes the page of a run into {@code folder}, creating it if need be.
     *
     * @param e      the experiment
     * @param r      what its run produced
     * @param folder the report folder
     * @return the file written, {@code <experiment>.html}
     * @throws IOException if the file cannot be written
     */
    public static Path write(Experiment e, Result r, Path folder) throws IOException {
        Path file = folder.resolve(r.experiment() + ".html");
        AtomicFiles.writeString(file, page(e, r));
        return file;
    }

    /**
     * The page as text.
     *
     * @param e the experiment
     * @param r what its run produced
     * @return the HTML text
     */
    static String page(Experiment e, Result r) {
        Map<String, Object> json = ResultReport.json(e, r, List.of(), List.of());
        List<Plots.Plot> plots = Plots.draw(r);
        String name = String.valueOf(json.get("experiment"));
        StringBuilder s = new StringBuilder();
        s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
        s.append("<title>").append(escape(name)).append(": training report</title>\n");
        s.append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        s.append("<h1>").append(escape(name)).append(" <small>(document ").append(escape(text(json.get("document"))))
                .append(")</small></h1>\n");
        s.append("<p class=\"lead\">The document's network: ").append(escape(e.description())).append("</p>\n");

        s.append("<table class=\"headline\">\n");
        row(s, "document's figure", text(json.get("document_figure")));
        row(s, "ours", text(json.get("our_figure")));
        row(s, "epochs", String.format(Locale.ROOT, "%d run (%s); best epoch %s",
                r.history().epochs().size(), text(json.get("stop_reason")), text(json.get("best_epoch"))));
        row(s, "time", String.format(Locale.ROOT, "%.2f s for the whole run", r.seconds()));
        s.append("</table>\n");

        s.append("<h2>Training</h2>\n<div class=\"plots\">\n");
        for (Plots.Plot p : plots) {
            if (!p.file().endsWith("-confusion.svg")) {
                figure(s, p);
            }
        }
        s.append("</div>\n");

        if (r.confusion() != null) {
            s.append("<h2>Test set</h2>\n<div class=\"plots\">\n");
            for (Plots.Plot p : plots) {
                if (p.file().endsWith("-confusion.svg")) {
                    figure(s, p);
                }
            }
            s.append("<div>\n");
            classificationReport(s, ClassificationReport.of(r.confusion(),
                    r.classNames().size() == r.confusion().classes() ? r.classNames() : null));
            s.append("</div>\n</div>\n");
        }

        s.append("<h2>Metrics</h2>\n<table class=\"metrics\">\n");
        if (json.get("metrics") instanceof Map<?, ?> metrics) {
            for (Map.Entry<?, ?> m : metrics.entrySet()) {
                row(s, String.valueOf(m.getKey()).replace('_', ' '), metric(String.valueOf(m.getKey()), m.getValue()),
                        true);
            }
        }
        s.append("</table>\n");

        s.append("<h2>Settings</h2>\n<table class=\"settings\">\n");
        if (json.get("settings") instanceof Map<?, ?> settings) {
            for (Map.Entry<?, ?> m : settings.entrySet()) {
                String key = String.valueOf(m.getKey());
                String value = key.equals("batch") && m.getValue() instanceof Number n && n.doubleValue() == 0
                        ? "full batch" : text(m.getValue());
                row(s, SETTING_NAMES.getOrDefault(key, key.replace('_', ' ')), value);
            }
        }
        s.append("</table>\n");
        if (json.get("notes") instanceof List<?> notes && !notes.isEmpty()) {
            s.append("<p>Where this run departs from the document, and why:</p>\n<ul class=\"notes\">\n");
            for (Object note : notes) {
                s.append("<li>").append(escape(text(note))).append("</li>\n");
            }
            s.append("</ul>\n");
        }

        s.append("<h2>Network</h2>\n<pre>").append(Svg.escape(r.network().summary(), true)).append("</pre>\n");
        s.append("</body>\n</html>\n");
        return s.toString();
    }

    private static void figure(StringBuilder s, Plots.Plot p) {
        s.append("<figure id=\"").append(escape(p.file().replace(".svg", ""))).append("\">\n").append(p.svg())
                .append("</figure>\n");
    }

    private static void classificationReport(StringBuilder s, ClassificationReport report) {
        s.append("<table class=\"classification-report\">\n<tr><th>class</th><th class=\"number\">precision</th>"
                + "<th class=\"number\">recall</th><th class=\"number\">F1</th><th class=\"number\">support</th></tr>\n");
        for (ClassificationReport.Row row : report.rows()) {
            reportRow(s, row);
        }
        s.append(String.format(Locale.ROOT, "<tr><th>accuracy</th><td></td><td></td><td class=\"number\">%.4f</td>"
                + "<td class=\"number\">%,d</td></tr>%n", report.accuracy(), report.macroAverage().support()));
        reportRow(s, report.macroAverage());
        reportRow(s, report.weightedAverage());
        s.append("</table>\n");
    }

    private static void reportRow(StringBuilder s, ClassificationReport.Row row) {
        s.append(String.format(Locale.ROOT, "<tr><th>%s</th><td class=\"number\">%.4f</td><td class=\"number\">%.4f"
                + "</td><td class=\"number\">%.4f</td><td class=\"number\">%,d</td></tr>%n", escape(row.label()),
                row.precision(), row.recall(), row.f1(), row.support()));
    }

    private static void row(StringBuilder s, String name, String value) {
        row(s, name, value, false);
    }

    private static void row(StringBuilder s, String name, String value, boolean number) {
        s.append("<tr><th>").append(escape(name)).append("</th><td").append(number ? " class=\"number\"" : "")
                .append('>').append(escape(value)).append("</td></tr>\n");
    }

    /** A metric for a reader: accuracies in per cent, counts whole, other figures to six digits. */
    private static String metric(String key, Object value) {
        if (!(value instanceof Number n)) {
            return text(value);
        }
        double v = n.doubleValue();
        if (key.endsWith("accuracy") && Double.isFinite(v)) {
            return String.format(Locale.ROOT, "%.2f%%", 100 * v);
        }
        if (key.endsWith("samples") && v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** A value of the JSON map as text: null as "–", lists joined by commas, numbers without noise. */
    private static String text(Object value) {
        if (value == null) {
            return "–";
        }
        if (value instanceof List<?> list) {
            StringBuilder s = new StringBuilder();
            for (Object o : list) {
                s.append(s.length() == 0 ? "" : ", ").append(text(o));
            }
            return s.toString();
        }
        if (value instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return String.valueOf(d.longValue());
            }
            if (Double.isFinite(d) && Math.abs(d) >= 1e-6 && Math.abs(d) < 1e15) {
                return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            }
        }
        return String.valueOf(value);
    }

    private static String escape(String s) {
        return Svg.escape(s);
    }
}
