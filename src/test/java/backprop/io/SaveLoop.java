package backprop.io;

import backprop.layers.Initializer;
import backprop.layers.Parameter;
import backprop.losses.SoftmaxCrossEntropy;
import backprop.network.Network;
import backprop.random.SplitMix64;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A child process for {@link KillDuringSaveTest}: saves two different models to one file, turn about,
 * until it is killed, printing "saved N" after each save. With the argument {@code naive} it saves the way a
 * careless writer would (each {@code .npy} file renamed over its old one, then the JSON), so that the test can
 * show its check catching a torn save.
 */
public final class SaveLoop {

    private SaveLoop() {
    }

    /** The models the loop alternates between: different layers, different shapes, different numbers. */
    static List<ModelFile.Model> models() {
        Network a = Network.builder(60, new SplitMix64(1)).weights(Initializer.normal(0.1)).dense(40).relu().dense(10)
                .loss(new SoftmaxCrossEntropy()).build();
        Network b = Network.builder(60, new SplitMix64(2)).weights(Initializer.normal(0.1)).dense(30).tanh().dense(20)
                .tanh().dense(10).loss(new SoftmaxCrossEntropy()).build();
        return List.of(ModelFile.Model.of(a), ModelFile.Model.of(b));
    }

    /**
     * Saves until killed.
     *
     * @param args the model file, and {@code naive} for the careless writer
     */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        boolean naive = args.length > 1 && args[1].equals("naive");
        List<ModelFile.Model> models = models();
        for (long n = 0; ; n++) {
            ModelFile.Model model = models.get((int) (n % 2));
            if (naive) {
                saveNaively(model, file);
            } else {
                ModelFile.save(model, file, ModelFile.Exports.JSON_AND_NPY);
            }
            System.out.println("saved " + n);
            System.out.flush();
        }
    }

    /** Each .npy file replaced on its own beside the JSON ({@code model.dense1.W.npy}), then the JSON. */
    static void saveNaively(ModelFile.Model model, Path file) throws IOException {
        String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
        for (Parameter p : model.network().parameters()) {
            AtomicFiles.write(file.resolveSibling(stem + "." + p.name() + ".npy"), out -> Npy.write(p.value(), out));
        }
        ModelFile.save(model, file, ModelFile.Exports.JSON);
    }

    /** The bytes {@link Npy#write} gives for {@code m}. */
    static byte[] npy(double[][] m) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Npy.write(m, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
