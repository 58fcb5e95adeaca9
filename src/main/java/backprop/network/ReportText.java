package backprop.network;

import backprop.network.GradientCheck.Entry;
import backprop.network.GradientCheck.ParameterReport;
import backprop.network.GradientCheck.Report;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A gradient check's report as text (figures, then verdict) and as maps for JSON. */
final class ReportText {

    private static final String ROW = "%-16s %-12s %-13s %5s  %-10s %9s %9s %9s %9s  %18s %18s %6s%n";

    private ReportText() {
    }

    static String figures(Report report) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, ROW, "parameter", "shape", "checked", "kinks", "worst at", "rel err",
                "abs err", "δ", "beyond δ", "analytic", "numeric", "h"));
        for (ParameterReport p : report.parameters()) {
            String checked = p.directional() ? p.entries() + " dirs" : p.entries() + "/" + p.total();
            Entry w = p.worst();
            String beyond = p.worstBeyondResolution() == null ? "none" : sci(p.maxRelativeErrorBeyondResolution());
            if (w == null) {
                s.append(String.format(Locale.ROOT, ROW, p.name(), p.shape(), checked, p.kinks(), "-", "-", "-", "-",
                        beyond, "-", "-", "-"));
                continue;
            }
            s.append(String.format(Locale.ROOT, ROW, p.name(), p.shape(), checked, p.kinks(), w.where(),
                    sci(w.relativeError()), sci(w.absoluteError()), sci(w.resolution()), beyond,
                    String.format(Locale.ROOT, "%.11e", w.analytic()), String.format(Locale.ROOT, "%.11e", w.numeric()),
                    "2^" + Math.getExponent(w.difference().step())));
            NumericDerivative n = w.difference();
            String at = p.directional() ? "θ %s %sh·v" : "θ %s %sh";
            s.append(String.format(Locale.ROOT, "    f(%s), f(%s), f(%s), f(%s) = %.17g, %.17g, %.17g, %.17g;"
                    + " R(2h) = %.11e, R(h/2) = %.11e; ρ = 1.5·ulp(f)/h = %.2e; ν = %.2e%n",
                    String.format(at, "−", "2"), String.format(at, "−", ""), String.format(at, "+", ""),
                    String.format(at, "+", "2"), n.fMinus2(), n.fMinus(), n.fPlus(), n.fPlus2(), n.atDoubleStep(),
                    n.atHalfStep(), n.roundingFloor(), n.noise()));
        }
        return s.toString();
    }

    static String verdict(Report report) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "verdict at threshold %s: an entry passes by \"relative\" if |a − n| ≤ "
                + "threshold·max(|a|, |n|), else \"within the difference's resolution\" if |a − n| ≤ δ%n",
                threshold(report.threshold())));
        for (ParameterReport p : report.parameters()) {
            String counts = p.passedByRelative() + " " + GradientCheck.Rule.RELATIVE.words() + ", "
                    + p.passedByResolution() + " " + GradientCheck.Rule.RESOLUTION.words()
                    + (p.kinks() > 0 ? ", " + p.kinks() + " at a kink (not compared)" : "");
            if (p.passed()) {
                s.append(String.format(Locale.ROOT, "%-16s pass  %s%n", p.name(), counts));
            } else {
                Entry e = p.worstBeyondResolution();
                s.append(String.format(Locale.ROOT, "%-16s FAIL  %d failed, %s; worst failure %s: relative error %s,"
                        + " |a − n| = %s > δ = %s%n", p.name(), p.failed(), counts, e.where(), sci(e.relativeError()),
                        sci(e.absoluteError()), sci(e.resolution())));
            }
        }
        s.append(report.passed() ? "all gradients pass" : "FAILED").append(System.lineSeparator());
        return s.toString();
    }

    static Map<String, Object> map(Report report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("threshold", report.threshold());
        m.put("passed", report.passed());
        m.put("max_relative_error", report.maxRelativeError());
        List<Object> rows = new ArrayList<>();
        for (ParameterReport p : report.parameters()) {
            rows.add(row(p));
        }
        m.put("rows", rows);
        return m;
    }

    private static Map<String, Object> row(ParameterReport p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("shape", p.shape());
        m.put("probe", p.directional() ? "direction" : "entry");
        m.put("checked", p.entries());
        m.put("total", p.total());
        m.put("kinks", p.kinks());
        m.put("max_relative_error", p.maxRelativeError());
        m.put("worst", entry(p.worst()));
        m.put("max_relative_error_beyond_resolution", p.maxRelativeErrorBeyondResolution());
        m.put("worst_beyond_resolution", entry(p.worstBeyondResolution()));
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("passed", p.passed());
        verdict.put("relative", p.passedByRelative());
        verdict.put("resolution", p.passedByResolution());
        verdict.put("failed", p.failed());
        m.put("verdict", verdict);
        return m;
    }

    private static Map<String, Object> entry(Entry e) {
        if (e == null) {
            return null;
        }
        NumericDerivative n = e.difference();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", e.where());
        m.put("relative_error", e.relativeError());
        m.put("absolute_error", e.absoluteError());
        m.put("resolution", e.resolution());
        m.put("analytic", e.analytic());
        m.put("numeric", e.numeric());
        m.put("step", n.step());
        m.put("rounding_floor", n.roundingFloor());
        m.put("noise", n.noise());
        m.put("f_minus_2h", n.fMinus2());
        m.put("f_minus_h", n.fMinus());
        m.put("f_plus_h", n.fPlus());
        m.put("f_plus_2h", n.fPlus2());
        m.put("extrapolated_at_2h", n.atDoubleStep());
        m.put("extrapolated_at_half_h", n.atHalfStep());
        return m;
    }

    private static String sci(double v) {
        return String.format(Locale.ROOT, "%.2e", v);
    }

    private static String threshold(double t) {
        return String.format(Locale.ROOT, "%.1e", t);
    }
}
