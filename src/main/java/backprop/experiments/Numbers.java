package backprop.experiments;

import java.util.Locale;

/** Numbers in notes and messages, short. */
final class Numbers {

    private Numbers() {
    }

    /**
     * @param x a number
     * @return x with up to six significant digits; {@code 1/k} for the reciprocal of a whole k above 10 (1/255)
     */
    static String text(double x) {
        double k = 1 / x;
        if (k == Math.rint(k) && Math.abs(k) > 10 && Math.abs(k) < 1e6) {
            return "1/" + (long) k;
        }
        return String.format(Locale.ROOT, "%.6g", x).replaceAll("\\.?0+($|e)", "$1");
    }
}
