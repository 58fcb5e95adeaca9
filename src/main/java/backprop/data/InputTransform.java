package backprop.data;


/**
 * What was done to the raw features before training, so that new data can be treated alike:
 * x' = (offset + scale·x − mean)/std, per feature. Identity: offset 0, scale 1, no mean or std. Saved
 * with a model.
 *
 * @param offset added after scaling: 1 with scale −1/255 turns ink-on-paper pixels p into (255 − p)/255
 * @param scale  multiplies every raw value first (1/255 for pixels)
 * @param mean   subtracted per feature, or null
 * @param std    divides per feature after centring, or null
 */
public record InputTransform(double offset, double scale, double[] mean, double[] std) {

    /** No change: offset 0, scale 1, no mean or std. */
    public static final InputTransform IDENTITY = new InputTransform(0.0, 1.0, null, null);

    /**
     * Checks that offset and scale are finite (scale not 0), that mean and std are both given or both null,
     * of one length, with finite means and finite std &gt; 0: a transform that passes maps finite inputs to
     * finite inputs.
     *
     * @param offset added after scaling
     * @param scale  multiplies every raw value first
     * @param mean   subtracted per feature, or null
     * @param std    divides per feature after centring, or null
     */
    public InputTransform {
        if (!Double.isFinite(offset) || !Double.isFinite(scale) || scale == 0) {
            throw new IllegalArgumentException("input transform: offset " + offset + " and scale " + scale
                    + "; expected finite numbers, the scale not 0");
        }
        if ((mean == null) != (std == null) || (mean != null && mean.length != std.length)) {
            throw new IllegalArgumentException("input transform: mean and std must both be given, of one length");
        }
        if (mean != null) {
            for (int j = 0; j < mean.length; j++) {
                if (!Double.isFinite(mean[j]) || !(std[j] > 0) || !Double.isFinite(std[j])) {
                    throw new IllegalArgumentException("input transform: feature " + j + " has mean " + mean[j]
                            + " and std " + std[j] + "; expected a finite mean and a finite std > 0");
                }
            }
        }
    }

    /**
     * Scaling alone: x' = scale·x.
     *
     * @param scale the factor, e.g. 1/255 for pixels
     * @return the transform
     */
    public static InputTransform scaled(double scale) {
        return new InputTransform(0.0, scale, null, null);
    }

    /**
     * (255 − p)/255: inverted and scaled pixels, as document 001 treats its scans.
     *
     * @return the transform with offset 1 and scale −1/255
     */
    public static InputTransform invertedPixels() {
        return new InputTransform(1.0, -1.0 / 255, null, null);
    }

    /**
     * Standardisation: x' = (x − mean)/std, with a standardizer's statistics.
     *
     * @param s the standardizer fitted on the training part
     * @return the transform with its mean and std
     */
    public static InputTransform standardized(Preprocessing.Standardizer s) {
        return new InputTransform(0.0, 1.0, s.mean(), s.std());
    }

    /**
     * Applies the transform to the features of {@code data}.
     *
     * @param data the dataset, raw features
     * @return a dataset of the transformed features and the same targets; {@code data} itself for the identity
     */
    public Dataset apply(Dataset data) {
        if (mean != null && data.features() != mean.length) {
            throw new IllegalArgumentException("input transform for " + mean.length + " features given "
                    + data.features() + " features per sample");
        }
        if (offset == 0.0 && scale == 1.0 && mean == null) {
            return data;
        }
        double[][] x = new double[data.size()][data.features()];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                double v = offset + scale * data.x()[i][j];
                x[i][j] = mean == null ? v : (v - mean[j]) / std[j];
            }
        }
        return new Dataset(x, data.y());
    }
}
