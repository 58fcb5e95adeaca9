package backprop.io;

import backprop.data.CsvColumns;
import backprop.data.InputTransform;
import backprop.layers.Layer;
import backprop.layers.Parameter;
import backprop.losses.L2Penalty;
import backprop.losses.Loss;
import backprop.network.Network;
import backprop.network.Registry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saving and loading a trained network as JSON that any language can read:
 * <pre>
 * {"format": "backprop-model", "version": 1, "input": 784, "loss": "softmax-cross-entropy", "l2": 0.001,
 *  "classes": ["0", …, "9"], "transform": {"offset": 0.0, "scale": 1.0, "mean": null, "std": null},
 *  "layers": [{"type": "dense", "name": "dense1", "inputs": 784, "outputs": 200,
 *              "W": [[…200 numbers…], …784 rows…], "b": [[…200 numbers…]]},
 *             {"type": "relu", "name": "relu1"}, {"type": "leaky-relu", "name": "leaky-relu2", "slope": 0.3}, …]}
 * </pre>
 * The layer and loss types and their fields are those of {@link Registry}. W is inputs×outputs (samples are
 * rows: Z = X·W + b). Numbers are written so that they read back to the same double. A model read from a
 * CSV also keeps {@code "csv": {"label": …, "ignore": […], "features": […]}}.
 *
 * <p>{@link #save(Model, Path, Exports)} writes the JSON and, when asked, one NumPy {@code .npy} file per
 * parameter beside it ({@code model.dense1.W.npy}), all through {@link AtomicFiles#writeAll}: every file is
 * written to a temporary name first and the JSON is renamed into place last.
 */
public final class ModelFile {

    /** The value of the {@code format} field. */
    public static final String FORMAT = "backprop-model";
    /** The version this code writes and reads. */
    public static final int VERSION = 1;

    private ModelFile() {
    }

    /**
     * A network with what is needed to use it on new raw data.
     *
     * @param network    the network
     * @param classNames the name of each output class, in order (empty for regression)
     * @param transform  what is done to raw inputs before the network sees them
     * @param csv        how a labelled CSV's columns were read, or null when the data was no CSV
     */
    public record Model(Network network, List<String> classNames, InputTransform transform, CsvColumns csv) {

        /**
         * Copies the class names; a null transform means the identity.
         *
         * @param network    the network
         * @param classNames the name of each output class, in order (empty for regression)
         * @param transform  what is done to raw inputs; null for the identity
         * @param csv        how a labelled CSV's columns were read, or null
         */
        public Model {
            classNames = List.copyOf(classNames);
            transform = transform == null ? InputTransform.IDENTITY : transform;
        }

        /**
         * @param network a network
         * @return it with no class names, the identity transform and no CSV columns
         */
        public static Model of(Network network) {
            return new Model(network, List.of(), InputTransform.IDENTITY, null);
        }
    }

    /** Which files {@link #save} writes. */
    public enum Exports {
        /** The JSON file alone. */
        JSON,
        /** The JSON file and one {@code .npy} file per parameter beside it. */
        JSON_AND_NPY
    }

    /**
     * Writes the model as JSON to {@code file} and, with {@link Exports#JSON_AND_NPY}, every parameter as
     * {@code <stem>.<parameter>.npy} beside it, e.g. {@code model.dense1.W.npy}.
     *
     * @param model   what to save
     * @param file    the JSON file
     * @param exports which files to write
     * @return every file written, the JSON first
     * @throws IOException if a file cannot be written; the old files are then unchanged
     */
    public static List<Path> save(Model model, Path file, Exports exports) throws IOException {
        String json = Json.write(toJson(model)) + "\n";
        List<AtomicFiles.Pending> files = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        written.add(file);
        if (exports == Exports.JSON_AND_NPY) {
            for (Map.Entry<Path, double[][]> npy : npyFiles(model.network(), file).entrySet()) {
                files.add(new AtomicFiles.Pending(npy.getKey(), out -> Npy.write(npy.getValue(), out)));
                written.add(npy.getKey());
            }
        }
        files.add(new AtomicFiles.Pending(file, out -> out.write(json.getBytes(StandardCharsets.UTF_8))));
        AtomicFiles.writeAll(files);
        return written;
    }

    /**
     * The {@code .npy} file of every parameter, named after the JSON file: {@code model.json} gives
     * {@code model.dense1.W.npy}, {@code model.dense1.b.npy}, …
     *
     * @param network   the network
     * @param modelFile the JSON file
     * @return each file with the matrix it holds, in parameter order
     */
    public static Map<Path, double[][]> npyFiles(Network network, Path modelFile) {
        String stem = modelFile.getFileName().toString().replaceFirst("\\.json$", "");
        Path dir = modelFile.toAbsolutePath().getParent();
        Map<Path, double[][]> files = new LinkedHashMap<>();
        for (Parameter p : network.parameters()) {
            files.put(dir.resolve(stem + "." + p.name() + ".npy"), p.value());
        }
        return files;
    }

    private static Map<String, Object> toJson(Model m) {
        Network network = m.network();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("format", FORMAT);
        model.put("version", VERSION);
        model.put("input", network.inputSize());
        model.put("loss", Registry.name(network.lossFunction()));
        model.put("l2", network.penalty().lambda());
        model.put("classes", m.classNames());
        InputTransform transform = m.transform();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("offset", transform.offset());
        t.put("scale", transform.scale());
        t.put("mean", transform.mean());
        t.put("std", transform.std());
        model.put("transform", t);
        if (m.csv() != null) {
            Map<String, Object> csv = new LinkedHashMap<>();
            csv.put("label", m.csv().label());
            csv.put("ignore", m.csv().ignore());
            csv.put("features", m.csv().features());
            model.put("csv", csv);
        }
        List<Object> layers = new ArrayList<>();
        for (Layer layer : network.layers()) {
            Registry.LayerType type = Registry.typeOf(layer);
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("type", type.name());
            l.put("name", layer.name());
            l.putAll(type.write().apply(layer));
            layers.add(l);
        }
        model.put("layers", layers);
        return model;
    }

    /**
     * Reads a model written by {@link #save}; anything malformed is named with the file and the field.
     *
     * @param file the JSON file
     * @return the network with its class names, input transform and CSV columns
     * @throws IOException if the file cannot be read
     */
    public static Model load(Path file) throws IOException {
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
        Loss loss;
        try {
            loss = Registry.lossType(model.string("loss")).make().get();
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file, "model.loss: " + e.getMessage());
        }
        double l2 = model.number("l2");
        List<String> classes = new ArrayList<>();
        for (Object c : model.list("classes")) {
            classes.add(String.valueOf(c));
        }
        Fields t = new Fields(file, "transform", model.get("transform"));
        InputTransform transform = new InputTransform(t.number("offset"), t.number("scale"),
                t.vectorOrNull("mean"), t.vectorOrNull("std"));
        CsvColumns csv = null;
        if (model.has("csv")) {
            Fields c = new Fields(file, "csv", model.get("csv"));
            csv = new CsvColumns(c.string("label"), c.strings("ignore"), c.strings("features"));
        }
        List<Layer> layers = new ArrayList<>();
        int width = input;
        List<Object> rawLayers = model.list("layers");
        for (int i = 0; i < rawLayers.size(); i++) {
            Fields l = new Fields(file, "layers[" + i + "]", rawLayers.get(i));
            String name = l.string("name");
            String typeName = l.string("type");
            Registry.LayerType type;
            try {
                type = Registry.layerType(typeName);
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(file, "layers[" + i + "] has unknown type '" + typeName
                        + "'; expected one of " + Registry.layerNames());
            }
            if (type.fields().contains("inputs") && l.integer("inputs") != width) {
                throw new ModelFormatException(file, "layers[" + i + "] (" + name + ") takes " + l.integer("inputs")
                        + " inputs but the layer before gives " + width);
            }
            Layer layer = type.read().apply(name, l);
            for (Parameter p : layer.parameters()) {
                width = p.value()[0].length;    // a layer's outputs: the columns of its parameters
            }
            layers.add(layer);
        }
        if (layers.isEmpty()) {
            throw new ModelFormatException(file, "model.layers is empty; expected at least one layer");
        }
        if (!classes.isEmpty() && classes.size() != Math.max(2, width)) {
            throw new ModelFormatException(file, classes.size() + " class names but the network has " + width
                    + " outputs");
        }
        if (transform.mean() != null && transform.mean().length != input) {
            throw new ModelFormatException(file, "transform.mean has " + transform.mean().length + " entries but the "
                    + "network takes " + input + " inputs");
        }
        if (csv != null && csv.features().size() != input) {
            throw new ModelFormatException(file, "csv.features names " + csv.features().size() + " columns but the "
                    + "network takes " + input + " inputs");
        }
        return new Model(new Network(input, layers, loss, new L2Penalty(l2)), classes, transform, csv);
    }

    /** Typed access to a JSON object's fields, with errors that name the file and the field. */
    private static final class Fields implements Registry.Fields {
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

        boolean has(String key) {
            return map.containsKey(key);
        }

        List<String> strings(String key) {
            List<String> out = new ArrayList<>();
            for (Object o : list(key)) {
                if (!(o instanceof String str)) {
                    throw new ModelFormatException(file, where + "." + key + " holds " + o + ", expected strings");
                }
                out.add(str);
            }
            return out;
        }

        @Override
        public double[][] matrix(String key, int rows, int cols) {
            List<Object> rowList = list(key);
            String at = where + "." + key;
            if (rowList.size() != rows) {
                throw new ModelFormatException(file, at + " has " + rowList.size() + " rows, expected " + rows);
            }
            double[][] value = new double[rows][cols];
            for (int i = 0; i < rows; i++) {
                if (!(rowList.get(i) instanceof List<?> row) || row.size() != cols) {
                    throw new ModelFormatException(file, at + " row " + i + " is not a list of " + cols + " numbers");
                }
                for (int j = 0; j < cols; j++) {
                    if (!(row.get(j) instanceof Double v) || !Double.isFinite(v)) {
                        throw new ModelFormatException(file, at + "[" + i + "][" + j + "] is " + row.get(j)
                                + ", expected a finite number");
                    }
                    value[i][j] = v;
                }
            }
            return value;
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

        @Override
        public double number(String key) {
            if (!(get(key) instanceof Double d)) {
                throw new ModelFormatException(file, where + "." + key + " is not a number");
            }
            return d;
        }

        @Override
        public int integer(String key) {
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
}
