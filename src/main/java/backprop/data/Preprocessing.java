package backprop.data;


/** Feature statistics measured on the training part only. */
public final class Preprocessing {

    private Preprocessing() {
    }

    /**
     * Standardisation: (x − mean)/std per feature, with mean and std (population, 1/N) measured on the
     * training part only and then applied to every part. A constant feature (std 0) is only centred.
     *
     * @param mean the mean of every feature
     * @param std  the standard deviation of every feature, 1 where it is 0
     */
    public record Standardizer(double[] mean, double[] std) {

        /**
         * Measures mean and standard deviation of every feature of {@code training}.
         *
         * @param training the training part
         * @return the standardizer
         */
        public static Standardizer fit(Dataset training) {
            int d = training.features();
            double[] mean = new double[d];
            double[] std = new double[d];
            for (double[] row : training.x()) {
                for (int j = 0; j < d; j++) {
                    mean[j] += row[j];
                }
            }
            for (int j = 0; j < d; j++) {
                mean[j] /= training.size();
            }
            for (double[] row : training.x()) {
                for (int j = 0; j < d; j++) {
                    double c = row[j] - mean[j];
                    std[j] += c * c;
                }
            }
            for (int j = 0; j < d; j++) {
                std[j] = Math.sqrt(std[j] / training.size());
                if (std[j] == 0) {
                    std[j] = 1;
                }
            }
            return new Standardizer(mean, std);
        }

        /**
         * (x − mean)/std for every feature of {@code data}.
         *
         * @param data the dataset, with as many features as the training part
         * @return a dataset of the standardised features and the same targets
         */
        public Dataset apply(Dataset data) {
            if (data.features() != mean.length) {
                throw new IllegalArgumentException("standardizer fitted on " + mean.length + " features, given "
                        + data.features());
            }
            double[][] x = new double[data.size()][mean.length];
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < mean.length; j++) {
                    x[i][j] = (data.x()[i][j] - mean[j]) / std[j];
                }
            }
            return new Dataset(x, data.y());
        }
    }
}
