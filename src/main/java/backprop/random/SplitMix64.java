package backprop.random;

/**
 * The one random generator of the project: SplitMix64 (Steele, Lea and Flood, 2014) for 64-bit words,
 * with uniform doubles, bounded integers, normals by Marsaglia's polar method and a Fisher–Yates shuffle
 * built on it. Everything random (initial weights, shuffles, splits, synthetic data) takes one explicitly,
 * so the same seed gives the same numbers. The whole algorithm, as NOTES.md gives it for a port:
 *
 * <pre>
 *   nextLong:     state += 0x9E3779B97F4A7C15; z = state
 *                 z = (z ^ (z &gt;&gt;&gt; 30)) * 0xBF58476D1CE4E5B9
 *                 z = (z ^ (z &gt;&gt;&gt; 27)) * 0x94D049BB133111EB
 *                 return z ^ (z &gt;&gt;&gt; 31)                      (all arithmetic modulo 2^64)
 *   nextDouble:   (nextLong &gt;&gt;&gt; 11) · 2^-53                   in [0, 1), exact
 *   nextInt(n):   floor(nextDouble · n)                       in [0, n)
 *   nextGaussian: repeat: u = 2·nextDouble − 1                 (exact)
 *                         v = 2·nextDouble − 1                 (exact)
 *                         s = u·u + v·v
 *                 until 0 &lt; s &lt; 1
 *                 return u · sqrt((−2·ln(s)) / s)              (ln: Logarithm.ln; v's twin is not kept)
 *   shuffle(a):   for i = n−1 down to 1: j = nextInt(i + 1); swap a[i], a[j]
 * </pre>
 *
 * <p>Only + − × ÷ and √, which IEEE-754 rounds correctly everywhere, enter a draw: {@link Logarithm#ln}
 * is a fixed polynomial after an exact range reduction, not a platform's {@code log}. So a port in any
 * language draws the same bits, provided its compiler does not fuse a·b + c into one rounding (C and
 * C++: compile with {@code -ffp-contract=off}). Not for cryptography.
 */
public final class SplitMix64 {

    private long state;

    /**
     * A generator whose sequence is fixed by {@code seed}.
     *
     * @param seed the initial state
     */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /**
     * The next 64 random bits.
     *
     * @return the next word of the sequence
     */
    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * A uniform double in [0, 1), from the top 53 bits.
     *
     * @return (nextLong &gt;&gt;&gt; 11)·2^-53
     */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * A uniform integer in [0, bound).
     *
     * @param bound the number of possible values, ≥ 1
     * @return floor(nextDouble·bound)
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("nextInt: bound " + bound + ", expected a positive bound");
        }
        return (int) Math.floor(nextDouble() * bound);
    }

    /**
     * A standard normal draw by Marsaglia's polar method: pairs (u, v) uniform on the square [−1, 1)² are
     * drawn until one falls inside the unit circle (0 &lt; s = u² + v² &lt; 1, on average 1.27 pairs);
     * then u·√(−2·ln s / s) is exactly normal. The same number would also give v·√(−2·ln s / s), a second
     * normal; it is not kept, so every call starts from fresh uniforms.
     *
     * @return u·√((−2·ln s)/s), with ln from {@link Logarithm#ln}
     */
    public double nextGaussian() {
        while (true) {
            double u = 2.0 * nextDouble() - 1.0;
            double v = 2.0 * nextDouble() - 1.0;
            double s = u * u + v * v;
            if (s > 0 && s < 1) {
                return u * Math.sqrt(-2.0 * Logarithm.ln(s) / s);
            }
        }
    }

    /**
     * Shuffles {@code a} in place (Fisher–Yates, from the end).
     *
     * @param a the array to shuffle
     */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * A random permutation of 0..n−1: the identity, shuffled.
     *
     * @param n the size, ≥ 0
     * @return 0..n−1 in shuffled order
     */
    public int[] permutation(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("permutation: size " + n + ", expected 0 or more");
        }
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p);
        return p;
    }
}
