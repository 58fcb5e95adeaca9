package backprop.io;

import backprop.data.CsvColumns;
import backprop.data.DataFormatException;
import backprop.data.InputTransform;
import backprop.data.TextFiles;
import backprop.layers.Layer;
import backprop.layers.Parameter;
import backprop.losses.L2Penalty;
import backprop.losses.Loss;
import backprop.network.Network;
import backprop.network.Registry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saving and loading a trained network as JSON that any language can read:
 * <pre>
 * {"format": "backprop-model", "version": 1, "npy": "model.npy.1", "input": 784, "loss": "softmax-cross-entropy",
 *  "l2": 0.001,
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
 * parameter in a folder beside it ({@code model.npy.1/dense1.W.npy}), which the JSON names in its
 * {@code npy} field; all through {@link AtomicFiles#writeAll}, so that the JSON and its folder appear
 * together, complete, or not at all. {@link #load(Path)} checks every field before it builds a network.
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
     * {@code <parameter>.npy} in a folder {@code <stem>.npy.<N>} beside it, e.g. {@code model.npy.1/dense1.W.npy};
     * the JSON's {@code npy} field names the folder. The whole set appears at once or not at all, however the
     * process ends (see {@link AtomicFiles#writeAll}): a reader who follows the JSON always finds the files
     * of one save, complete. Each save makes a new folder and removes the older ones once its JSON is in place.
     *
     * @param model   what to save
     * @param file    the JSON file
     * @param exports which files to write
     * @return every file written, the JSON first
     * @throws IOException if a file cannot be written, naming it and the reason; the old files are then unchanged
     */
    public static List<Path> save(Model model, Path file, Exports exports) throws IOException {
        checkName(file);
        Map<String, Object> json = toJson(model);
        List<AtomicFiles.Member> members = new ArrayList<>();
        if (exports == Exports.JSON_AND_NPY) {
            for (Parameter p : model.network().parameters()) {
                double[][] value = p.value();
                members.add(new AtomicFiles.Member(p.name() + ".npy", out -> Npy.write(value, out)));
            }
        }
        return AtomicFiles.writeAll(file, npyFolderPrefix(file), members, folder -> {
            Map<String, Object> withFolder = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : json.entrySet()) {
                withFolder.put(e.getKey(), e.getValue());
                if (e.getKey().equals("version") && folder != null) {
                    withFolder.put("npy", folder);
                }
            }
            byte[] bytes = (Json.write(withFolder) + "\n").getBytes(StandardCharsets.UTF_8);
            return out -> out.write(bytes);
        });
    }

    /**
     * The name of the {@code .npy} folders of a model file, without their number: {@code model.json} gives
     * {@code model.npy} (folders {@code model.npy.1}, {@code model.npy.2}, …).
     *
     * @param modelFile the JSON file
     * @return the folders' name without the number
     */
    public static String npyFolderPrefix(Path modelFile) {
        return checkName(modelFile).replaceFirst("\\.json$", "") + ".npy";
    }

    /** The file's name, which must end in .json: then no two model files of one folder share a prefix. */
    private static String checkName(Path modelFile) {
        String name = modelFile.getFileName() == null ? "" : modelFile.getFileName().toString();
        if (!name.endsWith(".json") || name.equals(".json")) {
            throw new IllegalArgumentException(modelFile + ": a model file's name ends in .json (its .npy folder "
                    + "is named after it); name it, for example, " + (name.isEmpty() ? "model" : name) + ".json");
        }
        return name;
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
     * Reads a model written by {@link #save}. Every field is checked before a network is built; anything
     * malformed ends in a {@link ModelFormatException} naming the file and the place: a line and column
     * for text that is not JSON (or not UTF-8), a path such as {@code model.layers[2].W[5][7]} for a field.
     * The {@code .npy} files are not read: the JSON holds everything.
     *
     * @param file the JSON file (or the same gzip-compressed)
     * @return the network with its class names, input transform and CSV columns
     * @throws IOException if the file cannot be read
     * @throws ModelFormatException if the file is not a whole model
     */
    public static Model load(Path file) throws IOException {
        Object parsed;
        try {
            parsed = Json.parse(TextFiles.read(file));
        } catch (DataFormatException e) {
            throw new ModelFormatException(e.getMessage(), e);
        } catch (Json.ParseException e) {
            throw new ModelFormatException(file, "not valid JSON: " + e.getMessage());
        }
        Fields model = new Fields(file, "model", parsed);
        if (!FORMAT.equals(model.string("format"))) {
            throw new ModelFormatException(file, "model.format is " + Fields.kind(model.string("format"))
                    + ", expected \"" + FORMAT + "\"");
        }
        if (model.integer("version") != VERSION) {
            throw new ModelFormatException(file, "version " + model.integer("version") + " is not supported (this "
                    + "reader knows version " + VERSION + ")");
        }
        int input = model.positive("input");
        String lossName = model.string("loss");
        if (!Registry.lossNames().contains(lossName)) {
            throw new ModelFormatException(file, "model.loss is " + Fields.kind(lossName) + ", expected one of "
                    + Registry.lossNames());
        }
        Loss loss = Registry.lossType(lossName).make().get();
        double l2 = model.number("l2");
        if (!(l2 >= 0)) {
            throw new ModelFormatException(file, "model.l2 is " + l2 + ", expected a number ≥ 0");
        }
        List<String> classes = model.strings("classes");
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            Integer before = seen.putIfAbsent(classes.get(i), i);
            if (before != null) {
                throw new ModelFormatException(file, "model.classes[" + i + "] is " + Fields.kind(classes.get(i))
                        + " as is model.classes[" + before + "]; expected every class once");
            }
        }
        InputTransform transform = transform(file, new Fields(file, "model.transform", model.get("transform")), input);
        CsvColumns csv = null;
        if (model.has("csv") && model.get("csv") != null) {
            Fields c = new Fields(file, "model.csv", model.get("csv"));
            String label = c.string("label");
            if (label.isBlank()) {
                throw new ModelFormatException(file, "model.csv.label is blank; expected the label column's name");
            }
            csv = new CsvColumns(label, c.strings("ignore"), c.strings("features"));
            if (csv.features().size() != input) {
                throw new ModelFormatException(file, "model.csv.features names " + csv.features().size()
                        + " columns but the network takes " + input + " inputs");
            }
        }
        if (model.has("npy") && model.get("npy") != null && !(model.get("npy") instanceof String)) {
            throw new ModelFormatException(file, "model.npy is neither null nor a folder name");
        }
        List<Layer> layers = layers(file, model, input);
        if (!classes.isEmpty() && classes.size() != Math.max(2, width(layers, input))) {
            throw new ModelFormatException(file, "model.classes has " + classes.size() + " class names but the network"
                    + " has " + width(layers, input) + " outputs");
        }
        return new Model(new Network(input, layers, loss, new L2Penalty(l2)), classes, transform, csv);
    }

    /** The transform, checked field by field: finite offset, finite scale ≠ 0, finite means, finite std &gt; 0. */
    private static InputTransform transform(Path file, Fields t, int input) {
        double offset = t.number("offset");
        double scale = t.number("scale");
        if (scale == 0) {
            throw new ModelFormatException(file, "model.transform.scale is 0, which maps every input to one value;"
                    + " expected a finite number ≠ 0");
        }
        double[] mean = t.vectorOrNull("mean", input);
        double[] std = t.vectorOrNull("std", input);
        if ((mean == null) != (std == null)) {
            throw new ModelFormatException(file, "model.transform has " + (mean == null ? "std but no mean" : "mean but no"
                    + " std") + "; expected both or neither");
        }
        if (std != null) {
            for (int j = 0; j < std.length; j++) {
                if (!(std[j] > 0)) {
                    throw new ModelFormatException(file, "model.transform.std[" + j + "] is " + std[j]
                            + "; expected a standard deviation > 0");
                }
            }
        }
        return new InputTransform(offset, scale, mean, std);
    }

    /** The layers, each checked against the width the one before gives. */
    private static List<Layer> layers(Path file, Fields model, int input) {
        List<Object> rawLayers = model.list("layers");
        if (rawLayers.isEmpty()) {
            throw new ModelFormatException(file, "model.layers is empty; expected at least one layer");
        }
        List<Layer> layers = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int width = input;
        for (int i = 0; i < rawLayers.size(); i++) {
            String at = "model.layers[" + i + "]";
            Fields l = new Fields(file, at, rawLayers.get(i));
            String name = l.string("name");
            if (name.isEmpty() || name.length() > 200 || name.contains("/") || name.contains("\\") || name.equals(".")
                    || name.equals("..") || name.chars().anyMatch(Character::isISOControl)) {
                throw new ModelFormatException(file, at + ".name is " + Fields.kind(name) + ", not a plain name;"
                        + " expected letters, digits and dashes such as 'dense1'");
            }
            if (names.contains(name)) {
                throw new ModelFormatException(file, at + ".name is " + Fields.kind(name) + " as is model.layers["
                        + names.indexOf(name) + "].name; expected every name once");
            }
            names.add(name);
            String typeName = l.string("type");
            Registry.LayerType type;
            try {
                type = Registry.layerType(typeName);
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(file, at + ".type is " + Fields.kind(typeName)
                        + ", not a layer type; expected one of " + Registry.layerNames());
            }
            if (type.fields().contains("inputs") && l.integer("inputs") != width) {
                throw new ModelFormatException(file, at + " (" + name + ") takes " + l.integer("inputs")
                        + " inputs but the layer before gives " + width);
            }
            if (type.fields().contains("outputs")) {
                l.positive("outputs");
            }
            Layer layer;
            try {
                layer = type.read().apply(name, l);
            } catch (ModelFormatException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(file, at + ": " + e.getMessage());
            }
            layers.add(layer);
            width = width(List.of(layer), width);
        }
        return layers;
    }

    /** The width of the output of {@code layers} given {@code input} columns: the columns of the last parameter. */
    private static int width(List<Layer> layers, int input) {
        int width = input;
        for (Layer layer : layers) {
            for (Parameter p : layer.parameters()) {
                width = p.value()[0].length;    // a layer's outputs: the columns of its parameters
            }
        }
        return width;
    }

    /** Typed access to a JSON object's fields, with errors that name the file and the field's path. */
    private static final class Fields implements Registry.Fields {
        private final Path file;
        private final String where;
        private final Map<?, ?> map;

        Fields(Path file, String where, Object value) {
            if (!(value instanceof Map<?, ?> m)) {
                throw new ModelFormatException(file, where + " is " + kind(value) + ", expected a JSON object");
            }
            this.file = file;
            this.where = where;
            this.map = m;
        }

        /** A list of {@code length} finite numbers, or null. */
        double[] vectorOrNull(String key, int length) {
            Object v = get(key);
            if (v == null) {
                return null;
            }
            if (!(v instanceof List<?> l)) {
                throw new ModelFormatException(file, where + "." + key + " is " + kind(v) + ", expected null or a list"
                        + " of " + length + " numbers");
            }
            if (l.size() != length) {
                throw new ModelFormatException(file, where + "." + key + " has " + l.size() + " entries but the network"
                        + " takes " + length + " inputs");
            }
            double[] out = new double[length];
            for (int i = 0; i < out.length; i++) {
                out[i] = finite(l.get(i), where + "." + key + "[" + i + "]");
            }
            return out;
        }

        boolean has(String key) {
            return map.containsKey(key);
        }

        List<String> strings(String key) {
            List<String> out = new ArrayList<>();
            List<Object> list = list(key);
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof String str)) {
                    throw new ModelFormatException(file, where + "." + key + "[" + i + "] is " + kind(list.get(i))
                            + ", expected a string");
                }
                out.add(str);
            }
            return out;
        }

        /**
         * A rows×cols matrix: every row is checked before it is allocated, so memory follows what the file
         * holds, never what a size field claims.
         */
        @Override
        public double[][] matrix(String key, int rows, int cols) {
            List<Object> rowList = list(key);
            String at = where + "." + key;
            if (rowList.size() != rows) {
                throw new ModelFormatException(file, at + " has " + rowList.size() + " rows, expected " + rows);
            }
            double[][] value = new double[rows][];
            for (int i = 0; i < rows; i++) {
                if (!(rowList.get(i) instanceof List<?> row) || row.size() != cols) {
                    throw new ModelFormatException(file, at + " row " + i + " is not a list of " + cols + " numbers");
                }
                value[i] = new double[cols];
                for (int j = 0; j < cols; j++) {
                    value[i][j] = finite(row.get(j), at + "[" + i + "][" + j + "]");
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
            Object v = get(key);
            if (!(v instanceof String s)) {
                throw new ModelFormatException(file, where + "." + key + " is " + kind(v) + ", expected a string");
            }
            return s;
        }

        /** A finite number. */
        @Override
        public double number(String key) {
            return finite(get(key), where + "." + key);
        }

        @Override
        public int integer(String key) {
            double d = number(key);
            if (d != Math.rint(d) || d < 0 || d > Integer.MAX_VALUE) {
                throw new ModelFormatException(file, where + "." + key + " is " + d + ", expected a whole number ≥ 0");
            }
            return (int) d;
        }

        /** A whole number ≥ 1. */
        int positive(String key) {
            int n = integer(key);
            if (n < 1) {
                throw new ModelFormatException(file, where + "." + key + " is 0, expected a whole number ≥ 1");
            }
            return n;
        }

        List<Object> list(String key) {
            Object v = get(key);
            if (!(v instanceof List<?> l)) {
                throw new ModelFormatException(file, where + "." + key + " is " + kind(v) + ", expected a list");
            }
            return new ArrayList<>(l);
        }

        private double finite(Object v, String at) {
            if (!(v instanceof Double d) || !Double.isFinite(d)) {
                throw new ModelFormatException(file, at + " is " + kind(v) + ", expected a finite number");
            }
            return d;
        }

        /** A JSON value in a few words, for messages: strings quoted, shortened, control characters as '?'. */
        static String kind(Object v) {
            if (v == null) {
                return "null";
            }
            if (v instanceof String s) {
                String shown = s.length() > 30 ? s.substring(0, 27) + "…" : s;
                StringBuilder q = new StringBuilder("the string \"");
                shown.chars().forEach(c -> q.append(Character.isISOControl(c) ? '?' : (char) c));
                return q.append('"').toString();
            }
            if (v instanceof Double || v instanceof Boolean) {
                return String.valueOf(v);
            }
            return v instanceof List<?> ? "a list" : "an object";
        }
    }

    /** A model file that cannot be read back; the message names the file and what is wrong. */
    public static final class ModelFormatException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        ModelFormatException(Path file, String problem) {
            super(file + ": " + problem);
        }

        ModelFormatException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
