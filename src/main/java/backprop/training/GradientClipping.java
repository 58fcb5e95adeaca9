package backprop.training;

import backprop.layers.Parameter;
import java.util.List;

/**
 * Limits the gradients after the backward pass and before the optimiser's step. Off by default.
 * {@link #value(double)} clips every entry to [−c, c] (document 001 tried c = 10);
 * {@link #globalNorm(double)} rescales all gradients together when their joint Euclidean norm exceeds c,
 * which keeps their direction.
 */
public interface GradientClipping {

    /**
     * Clips the gradients of {@code parameters} in place.
     *
     * @param parameters the parameters whose gradients are clipped
     */
    void clip(List<Parameter> parameters);

    /**
     * A short description, e.g. {@code value(10.0)}.
     *
     * @return the rule and its limit, for reports
     */
    String describe();

    /** No clipping. */
    GradientClipping NONE = new GradientClipping() {
        @Override
        public void clip(List<Parameter> parameters) {
        }

        @Override
        public String describe() {
            return "none";
        }
    };

    /**
     * g ← min(max(g, −c), c) entry by entry.
     *
     * @param c the limit, finite and &gt; 0
     * @return the clipping {@code value(c)}
     */
    static GradientClipping value(double c) {
        checkLimit(c);
        return new GradientClipping() {
            @Override
            public void clip(List<Parameter> parameters) {
                for (Parameter p : parameters) {
                    for (double[] row : p.gradient()) {
                        for (int j = 0; j < row.length; j++) {
                            row[j] = Math.max(-c, Math.min(c, row[j]));
                        }
                    }
                }
            }

            @Override
            public String describe() {
                return "value(" + c + ")";
            }
        };
    }

    /**
     * g ← g·c/‖g‖ for every gradient when ‖g‖ = √(Σ over all parameters of Σ g²) exceeds c.
     *
     * @param c the largest joint norm, finite and &gt; 0
     * @return the clipping {@code global-norm(c)}
     */
    static GradientClipping globalNorm(double c) {
        checkLimit(c);
        return new GradientClipping() {
            @Override
            public void clip(List<Parameter> parameters) {
                double sum = 0;
                for (Parameter p : parameters) {
                    for (double[] row : p.gradient()) {
                        for (double g : row) {
                            sum += g * g;
                        }
                    }
                }
                double norm = Math.sqrt(sum);
                if (norm > c) {
                    double scale = c / norm;
                    for (Parameter p : parameters) {
                        for (double[] row : p.gradient()) {
                            for (int j = 0; j < row.length; j++) {
                                row[j] *= scale;
                            }
                        }
                    }
                }
            }

            @Override
            public String describe() {
                return "global-norm(" + c + ")";
            }
        };
    }

    private static void checkLimit(double c) {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("clipping limit " + c + ": expected a finite limit > 0");
        }
    }
}
