package backprop.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An axis: its ends and its labelled ticks. Linear axes step by 1, 2 or 5 times a power of ten and end on
 * ticks, so the data sits inside the first and last labels; integer axes (epochs) never step by less than
 * one. Log axes mark the decades, and 1, 2, 5 within them when the range is short.
 */
final class Ticks {

    private static final int[] STEPS = {1, 2, 5};

    private final double low;
    private final double high;
    private final boolean log;
    private final double[] values;
    private final String[] labels;

    private Ticks(double low, double high, boolean log, double[] values, String[] labels) {
        this.low = low;
        this.high = high;
        this.log = log;
        this.values = values;
        this.labels = labels;
    }

    /** @return the value at the start of the axis */
    double low() {
        return low;
    }

    /** @return the value at the end of the axis */
    double high() {
        return high;
    }

    /** @return whether the axis is logarithmic */
    boolean log() {
        return log;
    }

    /** @return the tick values, increasing; the first is {@link #low()} and the last {@link #high()} */
    double[] values() {
        return values.clone();
    }

    /** @return the tick labels, one per value */
    String[] labels() {
        return labels.clone();
    }

    /**
     * @param v a value inside the axis
     * @return where it lies, from 0 at {@link #low()} to 1 at {@link #high()}
     */
    double fraction(double v) {
        if (log) {
            return Math.log10(v / low) / Math.log10(high / low);
        }
        return (v - low) / (high - low);
    }

    /**
     * The widest label.
     *
     * @param size the font size in pixels
     * @return its width in pixels
     */
    double widestLabel(double size) {
        double w = 0;
        for (String label : labels) {
            w = Math.max(w, TextWidth.of(label, size));
        }
        return w;
    }

    /**
     * A linear axis from at most {@code min} to at least {@code max}: the smallest 1-2-5 step that gives at
     * most {@code length / minSpacing} intervals and, when {@code labelSize} is positive, leaves a gap
     * between neighbouring labels set side by side (an x axis).
     *
     * @param min        the smallest value to show
     * @param max        the largest value to show
     * @param integers   whether ticks must be whole numbers
     * @param length     the axis length in pixels
     * @param minSpacing the least distance between ticks in pixels
     * @param labelSize  the font size of labels set side by side along the axis; 0 for labels stacked
     *                   across it (a y axis)
     * @return the axis
     */
    static Ticks linear(double min, double max, boolean integers, double length, double minSpacing,
            double labelSize) {
        if (!(max > min)) {
            double unit = min == 0 ? 1 : Math.pow(10, Math.floor(Math.log10(Math.abs(min))));
            if (integers) {
                unit = Math.max(unit, 1);
            }
            min -= unit / 2;
            max += unit / 2;
        }
        int maxIntervals = Math.max(1, (int) Math.floor(length / minSpacing));
        int firstPower = (int) Math.floor(Math.log10((max - min) / maxIntervals)) - 1;
        if (integers) {
            firstPower = Math.max(firstPower, 0);
        }
        Ticks fallback = null;
        for (int power = firstPower; power <= firstPower + 40; power++) {
            for (int m : STEPS) {
                BigDecimal step = BigDecimal.valueOf(m).scaleByPowerOfTen(power);
                double s = step.doubleValue();
                long first = (long) Math.floor(min / s + 1e-9);
                long last = (long) Math.ceil(max / s - 1e-9);
                if (last - first > maxIntervals) {
                    continue;
                }
                Ticks t = linearTicks(first, last, step, power);
                if (fallback == null) {
                    fallback = t;
                }
                if (labelSize <= 0 || t.widestLabel(labelSize) + 0.6 * labelSize <= length / Math.max(1, last - first)) {
                    return t;
                }
            }
        }
        return fallback;
    }

    private static Ticks linearTicks(long first, long last, BigDecimal step, int power) {
        int count = (int) (last - first + 1);
        double[] values = new double[count];
        String[] labels = new String[count];
        BigDecimal largest = step.multiply(BigDecimal.valueOf(Math.max(Math.abs(first), Math.abs(last))));
        boolean scientific = power < -5 || largest.compareTo(BigDecimal.valueOf(10_000_000)) >= 0;
        boolean grouped = largest.compareTo(BigDecimal.valueOf(10_000)) >= 0;
        for (int i = 0; i < count; i++) {
            BigDecimal v = step.multiply(BigDecimal.valueOf(first + i));
            values[i] = v.doubleValue();
            labels[i] = scientific ? scientific(v, power) : plain(v, Math.max(0, -power), grouped);
        }
        return new Ticks(values[0], values[count - 1], false, values, labels);
    }

    /**
     * A log axis from at most {@code min} to at least {@code max}, both positive: ticks at 1, 2 and 5 times
     * the powers of ten when that leaves them at least {@code minSpacing} apart, else at the decades (or
     * every second, fifth … decade when the range is long).
     *
     * @param min        the smallest value to show, positive
     * @param max        the largest value to show
     * @param length     the axis length in pixels
     * @param minSpacing the least distance between ticks in pixels
     * @return the axis
     */
    static Ticks log(double min, double max, double length, double minSpacing) {
        int lowPower = (int) Math.floor(Math.log10(min));
        int highPower = (int) Math.ceil(Math.log10(max));
        if (highPower == lowPower) {
            highPower++;
        }
        // 1-2-5 ticks: the nearest of them below min and above max
        List<BigDecimal> candidates = new ArrayList<>();
        for (int p = lowPower; p <= highPower; p++) {
            for (int m : STEPS) {
                candidates.add(BigDecimal.valueOf(m).scaleByPowerOfTen(p));
            }
        }
        int from = 0;
        while (from + 1 < candidates.size() && candidates.get(from + 1).doubleValue() <= min * (1 + 1e-12)) {
            from++;
        }
        int to = candidates.size() - 1;
        while (to - 1 >= 0 && candidates.get(to - 1).doubleValue() >= max * (1 - 1e-12)) {
            to--;
        }
        List<BigDecimal> fine = candidates.subList(from, to + 1);
        double decades = Math.log10(fine.get(fine.size() - 1).doubleValue() / fine.get(0).doubleValue());
        // the closest two 1-2-5 ticks are log10(2.5) of a decade apart (2 to 5)
        if (fine.size() >= 3 && length * Math.log10(2) / decades >= minSpacing) {
            return logTicks(fine);
        }
        int span = highPower - lowPower;
        int every = 1;
        int[] strides = {1, 2, 5, 10, 20, 50, 100};
        for (int stride : strides) {
            every = stride;
            int intervals = (int) Math.ceil((double) span / stride);
            if (length / intervals >= minSpacing) {
                break;
            }
        }
        int start = Math.floorDiv(lowPower, every) * every;
        int end = -Math.floorDiv(-highPower, every) * every;
        List<BigDecimal> coarse = new ArrayList<>();
        for (int p = start; p <= end; p += every) {
            coarse.add(BigDecimal.ONE.scaleByPowerOfTen(p));
        }
        return logTicks(coarse);
    }

    /** Labels as plain decimals when every tick lies from 0.001 to 10,000, else all as powers of ten. */
    private static Ticks logTicks(List<BigDecimal> ticks) {
        double[] values = new double[ticks.size()];
        String[] labels = new String[ticks.size()];
        boolean plain = true;
        boolean grouped = ticks.get(ticks.size() - 1).compareTo(BigDecimal.valueOf(10_000)) >= 0;
        for (BigDecimal v : ticks) {
            int power = v.precision() - v.scale() - 1;
            plain &= power >= -3 && power <= 4;
        }
        for (int i = 0; i < values.length; i++) {
            BigDecimal v = ticks.get(i);
            values[i] = v.doubleValue();
            labels[i] = plain ? plain(v, Math.max(0, v.stripTrailingZeros().scale()), grouped)
                    : scientific(v, v.precision() - v.scale() - 1);
        }
        return new Ticks(values[0], values[values.length - 1], true, values, labels);
    }

    /**
     * A decimal with {@code decimals} places, never "-0"; thousands grouped when {@code grouped} (an axis that
     * reaches 10,000 groups all its labels alike).
     */
    private static String plain(BigDecimal v, int decimals, boolean grouped) {
        BigDecimal scaled = v.setScale(decimals, java.math.RoundingMode.HALF_EVEN);
        if (scaled.signum() == 0) {
            return decimals == 0 ? "0" : scaled.abs().toPlainString();
        }
        if (grouped) {
            return String.format(Locale.ROOT, "%,." + decimals + "f", scaled);
        }
        return scaled.toPlainString();
    }

    /** m×10ⁿ with the mantissa's digits down to the step's power, e.g. "2.5×10⁻⁶", "10⁸". */
    private static String scientific(BigDecimal v, int stepPower) {
        if (v.signum() == 0) {
            return "0";
        }
        int exponent = v.precision() - v.scale() - 1;
        BigDecimal mantissa = v.scaleByPowerOfTen(-exponent);
        int decimals = Math.max(0, exponent - stepPower);
        String m = mantissa.setScale(decimals, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        String power = "10" + superscript(exponent);
        return m.equals("1") ? power : m.equals("-1") ? "-" + power : m + "×" + power;
    }

    private static String superscript(int n) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder s = new StringBuilder(n < 0 ? "⁻" : "");
        for (char c : Integer.toString(Math.abs(n)).toCharArray()) {
            s.append(digits.charAt(c - '0'));
        }
        return s.toString();
    }
}
