package backprop.data;

import backprop.training.Dataset;

/** Feature transforms. Each returns new matrices and leaves its input alone. */
public final class Preprocessing {

    private Preprocessing() {
    }

    /** Every feature multiplied by {@code factor}: 1/255 takes pixels to [0, 1]. */
    public static Dataset scale(Dataset data, double factor) {
        double[][] x = new double[data.size()][data.features()];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] = data.x()[i][j] * factor;
            }
        }
        return new Dataset(x, data.y());
    }

    /**
     * Standardisation: (x − mean)/std per feature, with mean and std (population, 1/N) measured on the
     * training part only and then applied to every part. A constant feature (std 0) is only centred.
     */
    public record Standardizer(double[] mean, double[] std) {

        /** Measures mean and standard deviation of every feature of {@code training}. */
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
