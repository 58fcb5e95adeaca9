package backprop.cli;

import backprop.data.InputTransform;
import backprop.layers.Dense;
import backprop.layers.Identity;
import backprop.layers.Initializer;
import backprop.layers.Layer;
import backprop.layers.LeakyReLU;
import backprop.layers.Parameter;
import backprop.layers.ReLU;
import backprop.layers.Sigmoid;
import backprop.layers.Softmax;
import backprop.layers.Tanh;
import backprop.losses.BinaryCrossEntropy;
import backprop.losses.CrossEntropy;
import backprop.losses.L2Penalty;
import backprop.losses.Loss;
import backprop.losses.MeanSquaredError;
import backprop.losses.SigmoidBinaryCrossEntropy;
import backprop.losses.SoftmaxCrossEntropy;
import backprop.matrix.Matrix;
import backprop.matrix.SplitMix64;
import backprop.network.Network;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Saving and loading a trained network as JSON that any language can read:
 * <pre>
 * {"format": "backprop-model", "version": 1, "input": 784, "loss": "softmax-cross-entropy", "l2": 0.001,
 *  "classes": ["0", …, "9"],
 *  "layers": [{"type": "dense", "name": "dense1", "inputs": 784, "outputs": 200,
 *              "W": [[…200 numbers…], …784 rows…], "b": [[…200 numbers…]]},
 *             {"type": "relu", "name": "relu1"}, {"type": "leaky-relu", "name": "leaky2", "slope": 0.3}, …]}
 * </pre>
 * Layer types: dense, relu, leaky-relu, sigmoid, tanh, identity, softmax. Losses: softmax-cross-entropy,
 * cross-entropy, sigmoid-binary-cross-entropy, binary-cross-entropy, mean-squared-error. W is inputs×outputs
 * (samples are rows: Z = X·W + b). Numbers are written so that they read back to the same double.
 * Files are replaced atomically. Each weight matrix can also be exported as a NumPy {@code .npy} file.
 */
public final class ModelFile {

    public static final String FORMAT = "backprop-model";
    public static final int VERSION = 1;

    private ModelFile() {
    }

    /** A network read back, with its class names (empty for regression) and its input transform. */
    public record Loaded(Network network, List<String> classNames, InputTransform transform) {
    }

    /** Writes the model as JSON to {@code file}. */
    public static void save(Network network, List<String> classNames, InputTransform transform, Path file)
            throws IOException {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("format", FORMAT);
        model.put("version", VERSION);
        model.put("input", network.inputSize());
        model.put("loss", network.lossFunction().name());
        model.put("l2", network.penalty().lambda());
        model.put("classes", classNames);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("offset", transform.offset());
        t.put("scale", transform.scale());
        t.put("mean", transform.mean());
        t.put("std", transform.std());
        model.put("transform", t);
        List<Object> layers = new ArrayList<>();
        for (Layer layer : network.layers()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("type", type(layer));
            l.put("name", layer.name());
            if (layer instanceof Dense d) {
                l.put("inputs", d.inputSize());
                l.put("outputs", d.outputSize());
                l.put("W", d.weights().value());
                l.put("b", d.bias().value());
            } else if (layer instanceof LeakyReLU leaky) {
                l.put("slope", leaky.slope());
            }
            layers.add(l);
        }
        model.put("layers", layers);
        AtomicFiles.writeString(file, Json.write(model) + "\n");
    }

    private static String type(Layer layer) {
        if (layer instanceof Dense) {
            return "dense";
        } else if (layer instanceof ReLU) {
            return "relu";
        } else if (layer instanceof LeakyReLU) {
            return "leaky-relu";
        } else if (layer instanceof Sigmoid) {
            return "sigmoid";
        } else if (layer instanceof Tanh) {
            return "tanh";
        } else if (layer instanceof Identity) {
            return "identity";
        } else if (layer instanceof Softmax) {
            return "softmax";
        }
        throw new IllegalArgumentException("model file: no type for layer " + layer.name() + " ("
                + layer.getClass().getSimpleName() + ")");
    }

    /** Reads a model written by {@link #save}; anything malformed is named with the file and the field. */
    public static Loaded load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.io.FileNotFoundException(file + ": no such model file");
        }
        Object parsed;
        try {
            parsed = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (Json.ParseException e) {
            throw new ModelFormatException(file, "not valid JSON: " + e.getMessage());
        }
        Fields model = new Fields(file, "model", parsed);
        if (!FORMAT.equals(model.string("format"))) {
            throw new ModelFormatException(file, "format is '" + model.string("format") + "', expected '" + FORMAT + "'");
        }
        if (model.integer("version") != VERSION) {
            throw new ModelFormatException(file, "version " + model.integer("version") + " is not supported (this "
                    + "reader knows version " + VERSION + ")");
        }
        int input = model.integer("input");
        Loss loss = loss(file, model.string("loss"));
        double l2 = model.number("l2");
        List<String> classes = new ArrayList<>();
        for (Object c : model.list("classes")) {
            classes.add(String.valueOf(c));
        }
        List<Layer> layers = new ArrayList<>();
        int width = input;
        Fields t = new Fields(file, "transform", model.get("transform"));
        InputTransform transform = new InputTransform(t.number("offset"), t.number("scale"),
                t.vectorOrNull("mean"), t.vectorOrNull("std"));
        List<Object> rawLayers = model.list("layers");
        for (int i = 0; i < rawLayers.size(); i++) {
            Fields l = new Fields(file, "layers[" + i + "]", rawLayers.get(i));
            String name = l.string("name");
            String type = l.string("type");
            switch (type) {
                case "dense" -> {
                    int inputs = l.integer("inputs");
                    int outputs = l.integer("outputs");
                    if (inputs != width) {
                        throw new ModelFormatException(file, "layers[" + i + "] (" + name + ") takes " + inputs
                                + " inputs but the layer before gives " + width);
                    }
                    Dense d = new Dense(name, inputs, outputs, Initializer.zeros(), Initializer.zeros(),
                            new SplitMix64(0));
                    copyMatrix(file, l, "W", inputs, outputs, d.weights());
                    copyMatrix(file, l, "b", 1, outputs, d.bias());
                    layers.add(d);
                    width = outputs;
                }
                case "relu" -> layers.add(new ReLU(name));
                case "leaky-relu" -> layers.add(new LeakyReLU(name, l.number("slope")));
                case "sigmoid" -> layers.add(new Sigmoid(name));
                case "tanh" -> layers.add(new Tanh(name));
                case "identity" -> layers.add(new Identity(name));
                case "softmax" -> layers.add(new Softmax(name));
                default -> throw new ModelFormatException(file, "layers[" + i + "] has unknown type '" + type
                        + "'; expected dense, relu, leaky-relu, sigmoid, tanh, identity or softmax");
            }
        }
        if (!classes.isEmpty() && classes.size() != Math.max(2, width)) {
            throw new ModelFormatException(file, classes.size() + " class names but the network has " + width
                    + " outputs");
        }
        if (transform.mean() != null && transform.mean().length != input) {
            throw new ModelFormatException(file, "transform.mean has " + transform.mean().length + " entries but the "
                    + "network takes " + input + " inputs");
        }
        return new Loaded(new Network(input, layers, loss, new L2Penalty(l2)), classes, transform);
    }

    private static void copyMatrix(Path file, Fields layer, String key, int rows, int cols, Parameter into) {
        List<Object> rowList = layer.list(key);
        String where = layer.where + "." + key;
        if (rowList.size() != rows) {
            throw new ModelFormatException(file, where + " has " + rowList.size() + " rows, expected " + rows);
        }
        double[][] value = into.value();
        for (int i = 0; i < rows; i++) {
            if (!(rowList.get(i) instanceof List<?> row) || row.size() != cols) {
                throw new ModelFormatException(file, where + " row " + i + " is not a list of " + cols + " numbers");
            }
            for (int j = 0; j < cols; j++) {
                if (!(row.get(j) instanceof Double v) || !Double.isFinite(v)) {
                    throw new ModelFormatException(file, where + "[" + i + "][" + j + "] is " + row.get(j)
                            + ", expected a finite number");
                }
                value[i][j] = v;
            }
        }
    }

    private static Loss loss(Path file, String name) {
        return switch (name) {
            case "softmax-cross-entropy" -> new SoftmaxCrossEntropy();
            case "cross-entropy" -> new CrossEntropy();
            case "sigmoid-binary-cross-entropy" -> new SigmoidBinaryCrossEntropy();
            case "binary-cross-entropy" -> new BinaryCrossEntropy();
            case "mean-squared-error" -> new MeanSquaredError();
            default -> throw new ModelFormatException(file, "unknown loss '" + name + "'");
        };
    }

    /** Typed access to a JSON object's fields, with errors that name the file and the field. */
    private static final class Fields {
        private final Path file;
        private final String where;
        private final Map<?, ?> map;

        Fields(Path file, String where, Object value) {
            if (!(value instanceof Map<?, ?> m)) {
                throw new ModelFormatException(file, where + " is not a JSON object");
            }
            this.file = file;
            this.where = where;
            this.map = m;
        }

        double[] vectorOrNull(String key) {
            Object v = get(key);
            if (v == null) {
                return null;
            }
            if (!(v instanceof List<?> l)) {
                throw new ModelFormatException(file, where + "." + key + " is neither null nor a list of numbers");
            }
            double[] out = new double[l.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(l.get(i) instanceof Double d) || !Double.isFinite(d)) {
                    throw new ModelFormatException(file, where + "." + key + "[" + i + "] is not a finite number");
                }
                out[i] = d;
            }
            return out;
        }

        Object get(String key) {
            if (!map.containsKey(key)) {
                throw new ModelFormatException(file, where + " has no field '" + key + "'");
            }
            return map.get(key);
        }

        String string(String key) {
            if (!(get(key) instanceof String s)) {
                throw new ModelFormatException(file, where + "." + key + " is not a string");
            }
            return s;
        }

        double number(String key) {
            if (!(get(key) instanceof Double d)) {
                throw new ModelFormatException(file, where + "." + key + " is not a number");
            }
            return d;
        }

        int integer(String key) {
            double d = number(key);
            if (d != Math.rint(d) || d < 0 || d > Integer.MAX_VALUE) {
                throw new ModelFormatException(file, where + "." + key + " is " + d + ", expected a whole number");
            }
            return (int) d;
        }

        List<Object> list(String key) {
            if (!(get(key) instanceof List<?> l)) {
                throw new ModelFormatException(file, where + "." + key + " is not a list");
            }
            return new ArrayList<>(l);
        }
    }

    /** A model file that cannot be read back; the message names the file and what is wrong. */
    public static final class ModelFormatException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        ModelFormatException(Path file, String problem) {
            super(file + ": " + problem);
        }
    }

    // ------------------------------------------------------------------ .npy export

    /**
     * Writes every parameter as {@code <stem>.<name>.npy} beside {@code modelFile} (for example
     * {@code model.dense1.W.npy}): NumPy format 1.0, little-endian float64, C order, so
     * {@code numpy.load} gives the matrix with the same shape. Returns the files written.
     */
    public static List<Path> exportNpy(Network network, Path modelFile) throws IOException {
        String stem = modelFile.getFileName().toString().replaceFirst("\\.json$", "");
        Path dir = modelFile.toAbsolutePath().getParent();
        List<Path> written = new ArrayList<>();
        for (Parameter p : network.parameters()) {
            Path target = dir.resolve(stem + "." + p.name() + ".npy");
            writeNpy(target, p.value());
            written.add(target);
        }
        return written;
    }

    /** One matrix as a .npy file. */
    public static void writeNpy(Path target, double[][] m) throws IOException {
        int rows = Matrix.rows(m);
        int cols = Matrix.cols(m);
        String dict = String.format(Locale.ROOT, "{'descr': '<f8', 'fortran_order': False, 'shape': (%d, %d), }",
                rows, cols);
        int unpadded = 10 + dict.length() + 1;                 // magic(6) + version(2) + length(2) + dict + '\n'
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        AtomicFiles.write(target, out -> {
            DataOutputStream data = new DataOutputStream(new java.io.BufferedOutputStream(out));
            data.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
            data.write(header.length() & 0xFF);
            data.write(header.length() >> 8);
            data.write(header.getBytes(StandardCharsets.US_ASCII));
            ByteBuffer row = ByteBuffer.allocate(8 * cols).order(ByteOrder.LITTLE_ENDIAN);
            for (double[] r : m) {
                row.clear();
                for (double v : r) {
                    row.putDouble(v);
                }
                data.write(row.array());
            }
            data.flush();
        });
    }
}
