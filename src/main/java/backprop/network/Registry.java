package backprop.network;

import backprop.layers.Dense;
import backprop.layers.Identity;
import backprop.layers.Layer;
import backprop.layers.LeakyReLU;
import backprop.layers.ReLU;
import backprop.layers.Sigmoid;
import backprop.layers.Softmax;
import backprop.layers.Tanh;
import backprop.losses.BinaryCrossEntropy;
import backprop.losses.CrossEntropy;
import backprop.losses.Loss;
import backprop.losses.MeanSquaredError;
import backprop.losses.SigmoidBinaryCrossEntropy;
import backprop.losses.SoftmaxCrossEntropy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one list of layer and loss types: each type's name (as model files and descriptions write it), its
 * class and its fields. {@link Network#describe()}, {@link Network#summary()}, the model file and
 * {@link NetworkBuilder#layer(String, Map)} all look types up here, so a new layer type is its class plus
 * one entry in {@link #LAYERS}.
 */
public final class Registry {

    private Registry() {
    }

    /** The fields of one layer as a reader finds them (a model file, or the builder's map). */
    public interface Fields {

        /**
         * @param key the field's name
         * @return the field as a number
         */
        double number(String key);

        /**
         * @param key the field's name
         * @return the field as a whole number ≥ 0
         */
        int integer(String key);

        /**
         * @param key  the field's name
         * @param rows the rows the matrix must have
         * @param cols the columns every row must have
         * @return the field as a rows×cols matrix of finite numbers
         */
        double[][] matrix(String key, int rows, int cols);
    }

    /**
     * One layer type.
     *
     * @param name     the type's name in model files and descriptions, e.g. {@code leaky-relu}
     * @param type     the class that implements it
     * @param fields   the fields written besides {@code type} and {@code name}, in order
     * @param write    the values of those fields for a layer of this type
     * @param read     a layer of this type, given its name and its fields
     * @param describe the layer in a few words, e.g. {@code dense 784→200}
     */
    public record LayerType(String name, Class<? extends Layer> type, List<String> fields,
            Function<Layer, Map<String, Object>> write, BiFunction<String, Fields, Layer> read,
            Function<Layer, String> describe) {
    }

    /**
     * One loss type.
     *
     * @param name the type's name in model files and descriptions, e.g. {@code softmax-cross-entropy}
     * @param type the class that implements it
     * @param make a new loss of this type
     */
    public record LossType(String name, Class<? extends Loss> type, Supplier<Loss> make) {
    }

    /** Every layer type. */
    public static final List<LayerType> LAYERS = List.of(
            new LayerType("dense", Dense.class, List.of("inputs", "outputs", "W", "b"),
                    layer -> {
                        Dense d = (Dense) layer;
                        Map<String, Object> f = new LinkedHashMap<>();
                        f.put("inputs", d.inputSize());
                        f.put("outputs", d.outputSize());
                        f.put("W", d.weights().value());
                        f.put("b", d.bias().value());
                        return f;
                    },
                    (name, f) -> {
                        int inputs = f.integer("inputs");
                        int outputs = f.integer("outputs");
                        return new Dense(name, f.matrix("W", inputs, outputs), f.matrix("b", 1, outputs));
                    },
                    layer -> "dense " + ((Dense) layer).inputSize() + "→" + ((Dense) layer).outputSize()),
            simple("relu", ReLU.class, ReLU::new),
            new LayerType("leaky-relu", LeakyReLU.class, List.of("slope"),
                    layer -> Map.of("slope", ((LeakyReLU) layer).slope()),
                    (name, f) -> new LeakyReLU(name, f.number("slope")),
                    layer -> "leaky-relu(" + ((LeakyReLU) layer).slope() + ")"),
            simple("sigmoid", Sigmoid.class, Sigmoid::new),
            simple("tanh", Tanh.class, Tanh::new),
            simple("identity", Identity.class, Identity::new),
            simple("softmax", Softmax.class, Softmax::new));

    /** Every loss type. */
    public static final List<LossType> LOSSES = List.of(
            new LossType("softmax-cross-entropy", SoftmaxCrossEntropy.class, SoftmaxCrossEntropy::new),
            new LossType("cross-entropy", CrossEntropy.class, CrossEntropy::new),
            new LossType("sigmoid-binary-cross-entropy", SigmoidBinaryCrossEntropy.class,
                    SigmoidBinaryCrossEntropy::new),
            new LossType("binary-cross-entropy", BinaryCrossEntropy.class, BinaryCrossEntropy::new),
            new LossType("mean-squared-error", MeanSquaredError.class, MeanSquaredError::new));

    /** A layer type with no fields, made from its name alone. */
    private static LayerType simple(String name, Class<? extends Layer> type, Function<String, Layer> make) {
        return new LayerType(name, type, List.of(), layer -> Map.of(), (layerName, f) -> make.apply(layerName),
                layer -> name);
    }

    /**
     * Fields given as a map of numbers, for the builder: {@code Map.of("slope", 0.3)}.
     *
     * @param values the fields by name
     * @return the same fields as {@link Fields}
     */
    public static Fields fields(Map<String, ? extends Number> values) {
        return new Fields() {
            @Override
            public double number(String key) {
                Number v = values.get(key);
                if (v == null) {
                    throw new IllegalArgumentException("layer field '" + key + "' is missing; given " + values.keySet());
                }
                return v.doubleValue();
            }

            @Override
            public int integer(String key) {
                double v = number(key);
                if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("layer field '" + key + "' is " + v + ", expected a whole number");
                }
                return (int) v;
            }

            @Override
            public double[][] matrix(String key, int rows, int cols) {
                throw new IllegalArgumentException("layer field '" + key + "': a matrix cannot be given as a number");
            }
        };
    }

    /**
     * @param layer any layer
     * @return the entry for its class
     */
    public static LayerType typeOf(Layer layer) {
        for (LayerType t : LAYERS) {
            if (t.type() == layer.getClass()) {
                return t;
            }
        }
        throw new IllegalArgumentException("layer " + layer.name() + " is a " + layer.getClass().getSimpleName()
                + ", which has no entry in Registry.LAYERS; add one there");
    }

    /**
     * @param name a layer type's name
     * @return its entry
     */
    public static LayerType layerType(String name) {
        for (LayerType t : LAYERS) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown layer type '" + name + "'; expected one of " + layerNames());
    }

    /**
     * @param loss any loss
     * @return the entry for its class
     */
    public static LossType typeOf(Loss loss) {
        for (LossType t : LOSSES) {
            if (t.type() == loss.getClass()) {
                return t;
            }
        }
        throw new IllegalArgumentException("loss " + loss.getClass().getSimpleName()
                + " has no entry in Registry.LOSSES; add one there");
    }

    /**
     * @param name a loss type's name
     * @return its entry
     */
    public static LossType lossType(String name) {
        for (LossType t : LOSSES) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + name + "'; expected one of " + lossNames());
    }

    /** @return the names of every layer type, in order */
    public static List<String> layerNames() {
        List<String> names = new ArrayList<>();
        LAYERS.forEach(t -> names.add(t.name()));
        return names;
    }

    /** @return the names of every loss type, in order */
    public static List<String> lossNames() {
        List<String> names = new ArrayList<>();
        LOSSES.forEach(t -> names.add(t.name()));
        return names;
    }

    /**
     * @param layer any layer
     * @return it in a few words, e.g. {@code dense 784→200} or {@code leaky-relu(0.3)}
     */
    public static String describe(Layer layer) {
        return typeOf(layer).describe().apply(layer);
    }

    /**
     * @param loss any loss
     * @return its type's name
     */
    public static String name(Loss loss) {
        return typeOf(loss).name();
    }
}
