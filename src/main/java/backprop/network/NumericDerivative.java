package backprop.network;

import java.util.function.DoubleSupplier;

/**
 * The derivative of a scalar f at θ along a direction v, from values of f alone, with the uncertainty δ
 * of that number. With φ(t) = f(θ + t·v):
 *
 * <pre>
 *   D(h) = (φ(h) − φ(−h)) / 2h          = φ' + φ'''·h²/6 + φ⁽⁵⁾·h⁴/120 + …     centred difference
 *   R(h) = (4·D(h) − D(2h)) / 3         = φ' − φ⁽⁵⁾·h⁴/30 + …                 Richardson extrapolation
 *        = (8·(φ(h) − φ(−h)) − (φ(2h) − φ(−2h))) / 12h
 * </pre>
 *
 * <p><b>Error terms.</b> The h² terms cancel in R, so its truncation error is φ⁽⁵⁾·h⁴/30. Its rounding error:
 * if each computed value of φ is off by at most η, R is off by at most (8·2η + 2η)/12h = 1.5·η/h (by about
 * 0.95·σ/h if the four errors are independent with spread σ). η is at least half a unit in the last place
 * of f, and more where f is a sum of many terms: in document 000's network σ is 2 to 9 ulp(f). The sum
 * φ⁽⁵⁾h⁴/30 + 1.5η/h is smallest at h = (45η/4|φ⁽⁵⁾|)^{1/5}: for η = 4.4e-16 and |φ⁽⁵⁾| = 1, h ≈ 1.4e-3 with
 * an error near 6e-13, where the centred difference alone, h²|φ'''|/6 + η/h, does no better than 6e-11 (at
 * h ≈ 1e-5). The best h scales with the size of the derivatives: a weight multiplying raw pixels of 255
 * has derivatives up to 255 times larger per order, and wants a step up to 255 times smaller.
 *
 * <p><b>The step.</b> So h is chosen for each probe, among powers of two. It runs down from
 * {@link #FIRST_STEP} = 2⁻⁶, halving, to at most {@link #SMALLEST_STEP} = 2⁻³⁰, and R(h) is kept at the
 * step where {@code max(ρ(h), |R(h) − R(2h)|, |R(h) − R(h/2)|)} is smallest, with ρ(h) = 1.5·ulp(F)/h the
 * rounding floor (F the largest |φ| of the four values: R cannot be known better than their last bits
 * allow). Where truncation dominates, |R(h) − R(2h)| ≈ 15·φ⁽⁵⁾h⁴/30, fifteen times R(h)'s truncation error.
 * The descent stops when 2ρ(h), the floor of the next step, reaches the best so far. If 2⁻⁶ itself is the
 * best and R(2⁻⁶) stands clear of its spread, h climbs instead, doubling up to {@link #LARGEST_STEP} = 2⁴,
 * until |R(h) − R(2h)| (mostly truncation, which grows as h⁴) reaches the best spread, a step crosses a
 * kink, or the spread is below 1e-10·|R|; the best step on the way is kept. A slope that is tiny beside
 * f (an input pixel's 2e-9 beside a loss of 1.8) is resolved only by a large step, and f along it is often
 * nearly linear. A slope that is zero within the first step's spread is not chased: the backward pass's
 * own rounding leaves such a gradient at ±1e-17 or so, not at 0.
 *
 * <p><b>The resolution.</b> At the chosen h,
 *
 * <pre>
 *   δ = max(ρ, |R(h) − R(2h)|, |R(h) − R(h/2)|) + 4·ν,    ν = √(mean over j = 2…5 of (2⁻ʲ·(R(h/2ʲ) − R(h)))²)
 * </pre>
 *
 * The first term covers the truncation error (|R(h) − R(2h)| is about fifteen times it) and is at least
 * the rounding floor. R(h/2ʲ) carries 2ʲ
 * times R(h)'s rounding error and 2⁻⁴ʲ times its truncation error, so 2⁻ʲ·(R(h/2ʲ) − R(h)) is one sample
 * of R(h)'s rounding error: ν measures it from four samples, and 4ν leaves the margin that an estimate
 * from four samples needs. The two errors add, and so do their terms. δ is how far R(h) can be trusted:
 * a gradient that differs from it by less cannot be told from the true derivative.
 *
 * <p><b>Kinks.</b> A step is usable only if every kinked input (ReLU, leaky ReLU) lies on the same side of 0 at
 * θ ± h and θ ± 2h as at θ; otherwise the difference straddles a change of slope and measures neither. If
 * no step down to 2⁻³⁰ is usable, the probe is "at a kink" and there is no estimate.
 *
 * <p><b>Exact steps.</b> Steps are powers of two and a directional probe's entries are multiples of 1/8 (at
 * most 1 in size), so t·v is exact, and θ + t·v is the exact sum unless its last bit cannot hold θ's,
 * which moves the step by a relative ε·max(1, |θ|/t) at most.
 *
 * @param value         R(h), the estimate of the derivative
 * @param step          the chosen h
 * @param resolution    δ at h: how far the estimate can be trusted
 * @param roundingFloor ρ = 1.5·ulp(F)/h, what the last bits of the four values of f alone impose
 * @param noise         ν, R(h)'s rounding error as measured at four smaller steps
 * @param fMinus2       φ(−2h) = f(θ − 2h·v)
 * @param fMinus        φ(−h)
 * @param fPlus         φ(h)
 * @param fPlus2        φ(2h)
 * @param atDoubleStep  R(2h)
 * @param atHalfStep    R(h/2)
 */
public record NumericDerivative(double value, double step, double resolution, double roundingFloor, double noise,
        double fMinus2, double fMinus, double fPlus, double fPlus2, double atDoubleStep, double atHalfStep) {

    /** The step the search starts from: 2⁻⁶ = 0.015625. */
    public static final double FIRST_STEP = 0x1p-6;
    /** The largest step h tried, climbing from the first: 2⁴ = 16 (f is evaluated out to θ ± 64·v). */
    public static final double LARGEST_STEP = 0x1p4;
    /** The smallest step h tried: 2⁻³⁰ ≈ 9.3e-10, where the rounding floor of a loss near 1 is about 3.6e-7. */
    public static final double SMALLEST_STEP = 0x1p-30;
    /** The climb above the first step stops once the spread is this small beside |R|. */
    static final double RESOLVED = 1e-10;
    /** ν's samples are taken at h/2ʲ for j from 2 to this. */
    private static final int DEEPEST = 5;
    /** δ covers R(h)'s rounding error with this multiple of ν: four samples give a rough estimate. */
    private static final double NOISE_MARGIN = 4;

    /** offset[k] = 4·2⁴·2⁻ᵏ: index k holds φ(±offset[k]); candidate k has h = offset[k]. */
    private static final int TOP = Math.getExponent(LARGEST_STEP) + 2;
    private static final int FIRST = TOP - Math.getExponent(FIRST_STEP);
    private static final int LARGEST = 2;
    private static final int SMALLEST = TOP - Math.getExponent(SMALLEST_STEP);
    private static final int OFFSETS = SMALLEST + DEEPEST + 1;

    /** @return the centred difference D(h) = (φ(h) − φ(−h)) / 2h at the chosen step */
    public double centred() {
        return (fPlus - fMinus) / (2 * step);
    }

    /** @return the centred difference D(2h) = (φ(2h) − φ(−2h)) / 4h at twice the chosen step */
    public double centredAtDoubleStep() {
        return (fPlus2 - fMinus2) / (4 * step);
    }

    /**
     * Estimates the derivative of {@code f} along {@code probe}. The probe is at θ on entry and is restored
     * to θ on return; {@code kinks} must have recorded the sides at θ.
     *
     * @param probe moves the checked values along v
     * @param f     the objective, evaluated at the current values
     * @param kinks the piecewise-linear layers' sides at θ
     * @return the estimate, or null if every step crosses a kink
     */
    static NumericDerivative along(Probe probe, DoubleSupplier f, KinkWatch kinks) {
        Ladder ladder = new Ladder(probe, f, kinks);
        try {
            return ladder.estimate();
        } finally {
            probe.restore();
        }
    }

    /** The values of φ at ±offset[k], evaluated as they are needed. */
    private static final class Ladder {
        private final Probe probe;
        private final DoubleSupplier f;
        private final KinkWatch kinks;
        private final double[] offset = new double[OFFSETS];
        private final double[] plus = new double[OFFSETS];
        private final double[] minus = new double[OFFSETS];
        private final boolean[] smooth = new boolean[OFFSETS];
        private final boolean[] done = new boolean[OFFSETS];

        Ladder(Probe probe, DoubleSupplier f, KinkWatch kinks) {
            this.probe = probe;
            this.f = f;
            this.kinks = kinks;
            for (int k = 0; k < OFFSETS; k++) {
                offset[k] = Math.scalb(1.0, TOP - k);
            }
        }

        NumericDerivative estimate() {
            int best = -1;
            double bestSpread = Double.POSITIVE_INFINITY;
            // down from the first step: candidate k has h = offset[k], 2h = offset[k − 1], needs k − 2 … k + 1
            for (int k = FIRST; k <= SMALLEST; k++) {
                double spread = spread(k);
                if (!Double.isNaN(spread) && (best < 0 || spread < bestSpread)) {
                    best = k;
                    bestSpread = spread;
                }
                if (best >= 0 && 2 * floor(k) >= bestSpread) {
                    break;     // the next step's rounding floor alone is already as large as the best
                }
            }
            // up from the first step: a slope that is visible, but tiny beside f
            if (best == FIRST && Math.abs(extrapolated(best)) > bestSpread) {
                for (int k = FIRST - 1; k >= LARGEST && bestSpread > RESOLVED * Math.abs(extrapolated(best)); k--) {
                    double spread = spread(k);
                    if (Double.isNaN(spread)) {
                        break;     // a kink within θ ± 2h
                    }
                    if (spread < bestSpread) {
                        best = k;
                        bestSpread = spread;
                    }
                    if (!(Math.abs(extrapolated(k) - extrapolated(k - 1)) < bestSpread)) {
                        break;     // the truncation seen between h and 2h already matches the best: larger h only adds
                    }
                }
            }
            if (best < 0) {
                return null;
            }
            double r = extrapolated(best);
            double squares = 0;
            for (int j = 2; j <= DEEPEST; j++) {
                double sample = Math.scalb(extrapolated(best + j) - r, -j);
                squares += sample * sample;
            }
            double noise = Math.sqrt(squares / (DEEPEST - 1));
            double resolution = bestSpread + NOISE_MARGIN * noise;
            return new NumericDerivative(r, offset[best], Double.isNaN(resolution) ? Double.POSITIVE_INFINITY : resolution,
                    floor(best), noise, minus[best - 1], minus[best], plus[best], plus[best - 1],
                    extrapolated(best - 1), extrapolated(best + 1));
        }

        /**
         * max(ρ, |R(h) − R(2h)|, |R(h) − R(h/2)|) at candidate k, or NaN if its stencil θ ± h, θ ± 2h crosses a
         * kink.
         */
        private double spread(int k) {
            if (!smooth(k) || !smooth(k - 1)) {
                return Double.NaN;
            }
            double r = extrapolated(k);
            double spread = Math.max(floor(k), Math.max(Math.abs(r - extrapolated(k - 1)),
                    Math.abs(r - extrapolated(k + 1))));
            return Double.isNaN(spread) ? Double.POSITIVE_INFINITY : spread;
        }

        private boolean smooth(int k) {
            need(k);
            return smooth[k];
        }

        /** ρ at candidate k: 1.5·ulp(F)/h, F the largest |φ| at ±h and ±2h. */
        private double floor(int k) {
            need(k);
            need(k - 1);
            double scale = Math.max(Math.max(Math.abs(plus[k]), Math.abs(minus[k])),
                    Math.max(Math.abs(plus[k - 1]), Math.abs(minus[k - 1])));
            return 1.5 * Math.ulp(scale) / offset[k];
        }

        /** R at step offset[k]: (4·D(offset[k]) − D(offset[k − 1])) / 3, with offset[k − 1] = 2·offset[k]. */
        private double extrapolated(int k) {
            need(k);
            need(k - 1);
            double narrow = (plus[k] - minus[k]) / (2 * offset[k]);
            double wide = (plus[k - 1] - minus[k - 1]) / (2 * offset[k - 1]);
            return (4 * narrow - wide) / 3;
        }

        /** Evaluates φ(±offset[k]) unless done already. */
        private void need(int k) {
            if (done[k]) {
                return;
            }
            probe.moveTo(offset[k]);
            plus[k] = f.getAsDouble();
            boolean same = kinks.sameSidesAsTheta();
            probe.moveTo(-offset[k]);
            minus[k] = f.getAsDouble();
            smooth[k] = same && kinks.sameSidesAsTheta();
            done[k] = true;
        }
    }
}
