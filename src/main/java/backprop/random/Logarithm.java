package backprop.random;

/**
 * The natural logarithm computed with + − × ÷ alone, in a fixed order, so that any language with IEEE-754
 * double arithmetic gets the same bits: the normal draws of {@link SplitMix64#nextGaussian()} depend on it,
 * and a platform's {@code log} differs from another's in the last bit for a few percent of arguments.
 *
 * <pre>
 *   ln(x), x positive and finite:
 *     m = x; e = 0
 *     while m &lt; SQRT_HALF:  m = m·2;   e = e − 1         (exact: only the exponent changes)
 *     while m ≥ SQRT_TWO:   m = m·0.5; e = e + 1         now x = m·2^e with √½ ≤ m &lt; √2
 *     f = m − 1                                          (exact)
 *     t = f / (2 + f)                                    ln m = 2·atanh(t), |t| ≤ 0.1716
 *     z = t·t
 *     p = C10;  p = C9 + z·p;  …;  p = C1 + z·p;  p = z·p     p = Σ_k z^k/(2k+1), k = 1..10
 *     r = t·(f − 2·p) − e·LN2_LO
 *     return e·LN2_HI + (f − r)
 * </pre>
 *
 * Why it works: 2·atanh(t) = 2t·(1 + z/3 + z²/5 + …), and 2t = f − t·f, so ln m = f − t·(f − 2p); the
 * correction t·(f − 2p) is small beside f, so its rounding hardly shows. LN2_HI carries 32 significant
 * bits, so e·LN2_HI is exact. The series stops after z^10/21; the next term is below 10^−18 of the result.
 * Measured against {@link StrictMath#log} on 10^7 arguments of each of four kinds (uniform on (0, 1],
 * log-uniform on [e^−745, 1] and on [1, e^700], within 2^−20 of 1): at most 1 ulp apart, equal for all but
 * 0.5% of the first kind and 0.01% of the others. Against the exact logarithm its largest error is
 * 0.833 ulp, fdlibm's 0.831 (NOTES.md §6).
 */
public final class Logarithm {

    /** √½ rounded to the nearest double: m is brought to [SQRT_HALF, SQRT_TWO). */
    public static final double SQRT_HALF = 0x1.6a09e667f3bcdp-1;
    /** 2·SQRT_HALF (exact). */
    public static final double SQRT_TWO = 0x1.6a09e667f3bcdp0;
    /** ln 2 rounded to 32 significant bits (0.69314718060195446014404296875 exactly). */
    public static final double LN2_HI = 0x1.62e42ff000000p-1;
    /** ln 2 − LN2_HI, rounded to the nearest double. */
    public static final double LN2_LO = -0x1.718432a1b0e26p-35;

    /** C1 … C10: the doubles nearest to 1/3, 1/5, …, 1/21 (what 1.0/(2k+1) gives in IEEE arithmetic). */
    private static final double[] COEFFICIENTS = {
        0x1.5555555555555p-2,   // 1/3
        0x1.999999999999ap-3,   // 1/5
        0x1.2492492492492p-3,   // 1/7
        0x1.c71c71c71c71cp-4,   // 1/9
        0x1.745d1745d1746p-4,   // 1/11
        0x1.3b13b13b13b14p-4,   // 1/13
        0x1.1111111111111p-4,   // 1/15
        0x1.e1e1e1e1e1e1ep-5,   // 1/17
        0x1.af286bca1af28p-5,   // 1/19
        0x1.8618618618618p-5,   // 1/21
    };

    private Logarithm() {
    }

    /**
     * ln x for a positive finite x, by the fixed sequence of operations in the class comment.
     *
     * @param x a positive finite number
     * @return ln x, within 1 ulp of {@link StrictMath#log}
     */
    public static double ln(double x) {
        if (!(x > 0) || x == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("ln: x = " + x + ", expected a positive finite number");
        }
        return ln(x, COEFFICIENTS);
    }

    /**
     * The coefficients C1 … C10, a copy.
     *
     * @return the doubles nearest to 1/3, 1/5, …, 1/21
     */
    public static double[] coefficients() {
        return COEFFICIENTS.clone();
    }

    /** ln x with the series coefficients {@code c} (C1 first): the tests break it on purpose. */
    static double ln(double x, double[] c) {
        double m = x;
        int e = 0;
        while (m < SQRT_HALF) {
            m *= 2.0;
            e--;
        }
        while (m >= SQRT_TWO) {
            m *= 0.5;
            e++;
        }
        double f = m - 1.0;
        double t = f / (2.0 + f);
        double z = t * t;
        double p = c[c.length - 1];
        for (int k = c.length - 2; k >= 0; k--) {
            p = c[k] + z * p;
        }
        p = z * p;
        double r = t * (f - 2.0 * p) - e * LN2_LO;
        return e * LN2_HI + (f - r);
    }
}
