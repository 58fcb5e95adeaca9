package backprop.training;

import backprop.random.SplitMix64;

/**
 * Shifts every image of a batch by a random whole number of pixels, dx and dy each in −m … m, drawn per
 * image (dx first, then dy, each as {@code nextInt(2m + 1) − m}). Each row holds a height×width image row
 * by row; pixels moved in from outside the frame copy the nearest edge pixel, which is the background in
 * digit and clothing images whatever scaling was applied:
 * <pre>
 *   out[r][c] = in[clamp(r − dy, 0, height − 1)][clamp(c − dx, 0, width − 1)]
 * </pre>
 * A shift must treat every pixel alike, so it suits scaled pixels (x/255), not per-pixel standardisation.
 * Not thread-safe: it reuses one output buffer.
 */
public final class RandomShifts implements Augmentation {

    private final int width;
    private final int height;
    private final int maxShift;
    private double[][] buffer = new double[0][];

    /**
     * @param width    image width in pixels
     * @param height   image height in pixels
     * @param maxShift m, the largest shift each way, 0 ≤ m &lt; min(width, height)
     */
    public RandomShifts(int width, int height, int maxShift) {
        if (width < 1 || height < 1 || maxShift < 0 || maxShift >= Math.min(width, height)) {
            throw new IllegalArgumentException("random shifts of " + width + "×" + height + " images by up to "
                    + maxShift + " pixels: expected positive sizes and 0 ≤ shift < " + Math.min(width, height));
        }
        this.width = width;
        this.height = height;
        this.maxShift = maxShift;
    }

    /** @return m, the largest shift each way in pixels */
    public int maxShift() {
        return maxShift;
    }

    @Override
    public double[][] apply(double[][] batch, SplitMix64 random) {
        if (buffer.length != batch.length) {
            buffer = new double[batch.length][width * height];
        }
        for (int i = 0; i < batch.length; i++) {
            if (batch[i].length != width * height) {
                throw new IllegalArgumentException("random shifts of " + width + "×" + height + " images: row " + i
                        + " has " + batch[i].length + " values, expected " + width * height);
            }
            int dx = random.nextInt(2 * maxShift + 1) - maxShift;
            int dy = random.nextInt(2 * maxShift + 1) - maxShift;
            shift(batch[i], buffer[i], dx, dy);
        }
        return buffer;
    }

    /**
     * One image moved right by dx and down by dy, edges copied inwards.
     *
     * @param in  the image, row by row
     * @param out the shifted image, row by row (overwritten)
     * @param dx  pixels to the right (negative: to the left)
     * @param dy  pixels down (negative: up)
     */
    void shift(double[] in, double[] out, int dx, int dy) {
        for (int r = 0; r < height; r++) {
            int from = Math.min(Math.max(r - dy, 0), height - 1) * width;
            for (int c = 0; c < width; c++) {
                out[r * width + c] = in[from + Math.min(Math.max(c - dx, 0), width - 1)];
            }
        }
    }
}
