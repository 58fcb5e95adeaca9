package backprop.random;

/**
 * The one random generator of the project: SplitMix64 (Steele, Lea and Flood, 2014) for 64-bit words,
 * with uniform doubles, bounded integers, Box–Muller normals and a Fisher–Yates shuffle built on it.
 * Everything random (initial weights, shuffles, splits, synthetic data) takes one explicitly, so the same
 * seed gives the same numbers. The whole algorithm, as NOTES.md gives it for a port:
 *
 * <pre>
 *   nextLong:     state += 0x9E3779B97F4A7C15; z = state
 *                 z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9
 *                 z = (z ^ (z >>> 27)) * 0x94D049BB133111EB
 *                 return z ^ (z >>> 31)                      (all arithmetic modulo 2^64)
 *   nextDouble:   (nextLong >>> 11) · 2^-53                   in [0, 1)
 *   nextInt(n):   floor(nextDouble · n)                       in [0, n)
 *   nextGaussian: u1 = 1 − nextDouble, u2 = nextDouble        (u1 in (0, 1], so log is finite)
 *                 return sqrt(−2·ln u1) · cos(2π·u2)          (one normal per two uniforms, nothing cached)
 *   shuffle(a):   for i = n−1 down to 1: j = nextInt(i + 1); swap a[i], a[j]
 * </pre>
 *
 * <p>{@code ln}, {@code sqrt} and {@code cos} are {@link StrictMath}'s (fdlibm), so every JVM draws the
 * same normals; a port gets the same bits from any correctly rounded libm in all but rare last-bit cases.
 * Not for cryptography.
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
     * A standard normal draw by the Box–Muller transform (cosine branch only).
     *
     * @return √(−2·ln u1)·cos(2π·u2), drawn from two uniforms
     */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
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
