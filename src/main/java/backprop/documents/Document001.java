package backprop.documents;

import backprop.random.SplitMix64;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Document 001 (a course report): a network built from neuron objects, as the report builds it. Each
 * {@link Neuron} holds its weights, its input (the layer below), its output and its delta; forward and
 * backward passes go neuron by neuron with the scalar chain rule of the report's 后向传播 section,
 *
 * <pre>
 *   ∂loss/∂r_i = Σ_j ∂loss/∂s_j · σ'(z_j) · w_ji          (r_i the output of neuron i, s_j = σ(z_j) above it)
 *   ∂loss/∂p_k = ∂loss/∂s_j · σ'(z_j) · x_k               (p_k a weight of neuron j, x_k its input)
 * </pre>
 *
 * where each neuron's {@code delta} is ∂loss/∂(its output) and σ' is taken from the saved output
 * ({@code tanh' = 1 − out²}, {@code σ' = out·(1 − out)}, {@code relu' = 1(out &gt; 0)}).
 *
 * <p>Part 1 (回归问题) fits sin(x) with [1, 200, 1], tanh hidden units and a linear output under ½·MSE
 * ({@link #part1}); Part 2 (分类问题) classifies 28×28 images with [784, 40, K], ReLU hidden units and a
 * softmax output under cross-entropy, whose gradient at the output's sums the report derives as
 * {@code a_i − t_i} ({@link #part2}). The library computes the same networks as matrices ({@code Dense},
 * {@code Tanh} or {@code ReLU}, {@code Identity} with {@code MeanSquaredError}, or
 * {@code SoftmaxCrossEntropy}); with every {@link Defect} off the two agree to rounding.
 */
public final class Document001 {

    private Document001() {
    }

    /** The report's mistakes, each a switch; all off by default. */
    public enum Defect {
        /**
         * 踩坑:激活函数求导: the derivative applied to the saved output as if it were the input,
         * {@code sigmoid(out)·(1 − sigmoid(out))} (for tanh, {@code 1 − tanh(out)²}). Harmless for ReLU,
         * whose output is positive exactly where its input is.
         */
        DERIVATIVE_OF_ACTIVATED_OUTPUT,
        /** 结构初始化: one scalar bias per layer ({@code biases[layer_idx]}) shared by all its neurons. */
        SHARED_LAYER_BIAS,
        /**
         * {@code prop_backward}: the update for the biases of layer l + 1 is subtracted from
         * {@code biases[l]}, the slot of the layer below, so the hidden layer's bias never moves (the input
         * layer's slot, which nothing reads, takes the update). An index into the per-layer array: needs
         * {@link #SHARED_LAYER_BIAS}.
         */
        HIDDEN_BIAS_IN_WRONG_SLOT,
        /** Part 2 {@code prop_forward}: the output layer adds no bias, and none is ever updated. */
        NO_OUTPUT_BIAS,
        /**
         * 学习率: {@code if loss < 0.05 … elif loss < 0.030 …}; every loss below a later threshold is below
         * the first one too, so the chain never leaves the first threshold's rate.
         */
        ELIF_SCHEDULE,
        /**
         * 代码结构 step 3, "mini-batch": only the samples with {@code i % batch_size == 0} are backpropagated,
         * each on its own, and the others are never learned from.
         */
        EVERY_BATCH_SIZE_TH_SAMPLE,
        /** Part 2 {@code NeuralNetwork}, "3. test": the test loop backpropagates on the test data too. */
        BACKPROP_ON_TEST_DATA
    }

    /** The hidden units' activation, with its derivative taken from the saved output. */
    public enum Activation {
        /** tanh, Part 1's hidden units. */
        TANH,
        /** σ(z) = 1/(1 + e^{−z}), the activation of the report's pitfall. */
        SIGMOID,
        /** max(0, z), Part 2's hidden units. */
        RELU;

        /**
         * The activation of a neuron's sum.
         *
         * @param z the sum w·x + b
         * @return the neuron's output
         */
        public double of(double z) {
            return switch (this) {
                case TANH -> Math.tanh(z);
                case SIGMOID -> 1 / (1 + Math.exp(-z));
                case RELU -> Math.max(0, z);
            };
        }

        /**
         * The derivative at the sum, from the saved output: {@code 1 − out²}, {@code out·(1 − out)},
         * {@code 1(out > 0)}.
         *
         * @param out the neuron's output
         * @return the derivative of the activation at the neuron's sum
         */
        public double derivativeFromOutput(double out) {
            return switch (this) {
                case TANH -> 1 - out * out;
                case SIGMOID -> out * (1 - out);
                case RELU -> out > 0 ? 1 : 0;
            };
        }
    }

    /** The output layer: Part 1's linear output under ½·MSE, or Part 2's softmax under cross-entropy. */
    public enum Output {
        /** Part 1: the output is the sum itself; per-sample loss ½·mean((prediction − target)²). */
        LINEAR,
        /** Part 2: softmax of the sums; per-sample loss −Σ t·log a. */
        SOFTMAX
    }

    /**
     * One neuron, as the report's {@code Neuron} class: its weights, the layer it reads, its output and its
     * delta = ∂loss/∂output. It also keeps its own bias (used when the biases are not shared) and the
     * gradients summed over a batch.
     */
    public static final class Neuron {
        final double[] weight;
        final Neuron[] input;
        double output;
        double delta;
        double bias;
        final double[] weightGradient;
        double biasGradient;

        Neuron(double[] weight, Neuron[] input) {
            this.weight = weight;
            this.input = input;
            this.weightGradient = new double[weight.length];
        }

        /** @return the weights, one per neuron of the layer below (a copy) */
        public double[] weight() {
            return weight.clone();
        }

        /** @return the output of the latest forward pass */
        public double output() {
            return output;
        }

        /** @return ∂loss/∂output of the latest backward pass */
        public double delta() {
            return delta;
        }
    }

    /**
     * The learning-rate chain of the report: {@code initial} until the loss falls below the first
     * threshold, then each threshold's rate. Written right, the smallest threshold the loss is below wins;
     * with {@link Defect#ELIF_SCHEDULE} the first threshold passed wins, as the listing's {@code elif}
     * chain does.
     */
    public static final class Schedule {
        private final double initial;
        private final double[] thresholds;
        private final double[] rates;

        /**
         * A chain of thresholds and rates.
         *
         * @param initial    the rate above every threshold
         * @param thresholds the losses, decreasing
         * @param rates      the rate below each threshold
         */
        public Schedule(double initial, double[] thresholds, double[] rates) {
            if (thresholds.length != rates.length) {
                throw new IllegalArgumentException("document 001 schedule: " + thresholds.length + " thresholds but "
                        + rates.length + " rates; give one rate per threshold");
            }
            this.initial = initial;
            this.thresholds = thresholds.clone();
            this.rates = rates.clone();
        }

        /**
         * The rate for the next epoch.
         *
         * @param loss the latest epoch's loss
         * @param elif true for the listing's {@code if … elif …} chain
         * @return the learning rate
         */
        public double rate(double loss, boolean elif) {
            double rate = initial;
            for (int i = 0; i < thresholds.length; i++) {
                if (loss < thresholds[i]) {
                    rate = rates[i];
                    if (elif) {
                        break;                       // elif: the first branch taken ends the chain
                    }
                }
            }
            return rate;
        }

        /** @return the rate above every threshold */
        public double initial() {
            return initial;
        }

        /** @return the thresholds (a copy) */
        public double[] thresholds() {
            return thresholds.clone();
        }

        /** @return the rates below the thresholds (a copy) */
        public double[] rates() {
            return rates.clone();
        }
    }

    /** Part 1's chain: 0.0005, below 0.05 → 0.00005, 0.030 → 0.00001, 0.015 → 0.000002, 0.008 → 0.0000005. */
    public static final Schedule PART_1_SCHEDULE = new Schedule(0.0005, new double[] {0.05, 0.030, 0.015, 0.008},
            new double[] {0.00005, 0.00001, 0.000002, 0.0000005});

    /** Part 2's chain: 0.00005, below 1 → 0.00001, below 0.8 → 0.000002. */
    public static final Schedule PART_2_SCHEDULE = new Schedule(0.00005, new double[] {1, 0.8},
            new double[] {0.00001, 0.000002});

    /**
     * Part 1's network, {@code initialize_network([1, hidden, 1])}: weights {@code random(size)/size}
     * (uniform on [0, 1/size)), neuron by neuron, then {@code biases = −0.1·random(3)}.
     *
     * @param hidden     the hidden neurons (the report: 200)
     * @param activation the hidden activation (the report: tanh; sigmoid for its pitfall)
     * @param random     the generator
     * @param defects    the switches that are on
     * @return the network
     */
    public static Net part1(int hidden, Activation activation, SplitMix64 random, Set<Defect> defects) {
        return new Net(new int[] {1, hidden, 1}, activation, Output.LINEAR, random, defects);
    }

    /**
     * Part 2's network, {@code initialize_network([inputs, hidden, classes])}, initialised as Part 1 and
     * then {@code biases[-1] = 0}, {@code biases[0] = 0}.
     *
     * @param inputs  the pixels per image (784)
     * @param hidden  the hidden neurons (the report: 40)
     * @param classes the classes (the report: 12)
     * @param random  the generator
     * @param defects the switches that are on
     * @return the network
     */
    public static Net part2(int inputs, int hidden, int classes, SplitMix64 random, Set<Defect> defects) {
        return new Net(new int[] {inputs, hidden, classes}, Activation.RELU, Output.SOFTMAX, random, defects);
    }

    /** A network of neuron objects: {@code layers[0]} is the input layer, with no weights. */
    public static final class Net {
        final List<Neuron[]> layers = new ArrayList<>();
        /** The listing's {@code biases}: one scalar per layer, {@code biases[0]} for the input layer. */
        final double[] biases;
        final Activation activation;
        final Output outputKind;
        final Set<Defect> defects;
        /** How many samples {@link #addGradient} has taken, in all. */
        int backpropagated;

        Net(int[] layerDims, Activation activation, Output output, SplitMix64 random, Set<Defect> defects) {
            this.activation = activation;
            this.outputKind = output;
            this.defects = defects.isEmpty() ? EnumSet.noneOf(Defect.class) : EnumSet.copyOf(defects);
            if (this.defects.contains(Defect.HIDDEN_BIAS_IN_WRONG_SLOT) && !this.defects.contains(Defect.SHARED_LAYER_BIAS)) {
                throw new IllegalArgumentException("document 001: HIDDEN_BIAS_IN_WRONG_SLOT is an index into the "
                        + "per-layer bias array; turn on SHARED_LAYER_BIAS as well");
            }
            // input layer: with no weight
            Neuron[] inputLayer = new Neuron[layerDims[0]];
            for (int i = 0; i < inputLayer.length; i++) {
                inputLayer[i] = new Neuron(new double[0], null);
            }
            layers.add(inputLayer);
            // other layers: weight size equal to the neurons in the layer before, random(size)·1/size
            for (int l = 1; l < layerDims.length; l++) {
                Neuron[] layer = new Neuron[layerDims[l]];
                for (int j = 0; j < layer.length; j++) {
                    double[] w = new double[layerDims[l - 1]];
                    for (int p = 0; p < w.length; p++) {
                        w[p] = random.nextDouble() * 1 / w.length;
                    }
                    layer[j] = new Neuron(w, layers.get(l - 1));
                }
                layers.add(layer);
            }
            // biases: negative random numbers, one per layer
            biases = new double[layerDims.length];
            for (int l = 0; l < biases.length; l++) {
                biases[l] = -0.1 * random.nextDouble();
            }
            if (output == Output.SOFTMAX) {
                biases[biases.length - 1] = 0;      // Part 2: biases[-1] = 0, biases[0] = 0
                biases[0] = 0;
            }
            // one bias per neuron when the biases are not shared: each starts at its layer's value
            for (int l = 1; l < layers.size(); l++) {
                for (Neuron n : layers.get(l)) {
                    n.bias = biases[l];
                }
            }
        }

        private boolean shared() {
            return defects.contains(Defect.SHARED_LAYER_BIAS);
        }

        private double biasOf(int layer, Neuron n) {
            return shared() ? biases[layer] : n.bias;
        }

        private boolean outputHasBias() {
            return !(outputKind == Output.SOFTMAX && defects.contains(Defect.NO_OUTPUT_BIAS));
        }

        /** The activation's derivative from a saved output, or the pitfall's if that switch is on. */
        private double derivative(double out) {
            if (defects.contains(Defect.DERIVATIVE_OF_ACTIVATED_OUTPUT)) {
                return activation.derivativeFromOutput(activation.of(out));   // !! the activation applied again
            }
            return activation.derivativeFromOutput(out);
        }

        // -------------------------------------------------------------- 前向传播

        /**
         * 层层推进 ({@code prop_forward}): each hidden neuron's output is the activation of
         * {@code w·(outputs below) + bias}; the output layer's is the sum itself (Part 1) or the softmax of
         * the sums (Part 2).
         *
         * @param input one sample
         * @return the prediction, one value per output neuron
         */
        public double[] propForward(double[] input) {
            Neuron[] in = layers.get(0);
            if (input.length != in.length) {
                throw new IllegalArgumentException("document 001: a sample of " + input.length
                        + " values for an input layer of " + in.length + " neurons");
            }
            for (int i = 0; i < input.length; i++) {
                in[i].output = input[i];
            }
            int last = layers.size() - 1;
            for (int l = 1; l < last; l++) {
                for (Neuron n : layers.get(l)) {
                    n.output = activation.of(dot(n) + biasOf(l, n));     // s = σ(w·r + b)
                }
            }
            Neuron[] out = layers.get(last);
            double[] prediction = new double[out.length];
            for (int j = 0; j < out.length; j++) {
                // 输出层: the linear output, no activation
                prediction[j] = dot(out[j]) + (outputHasBias() ? biasOf(last, out[j]) : 0);
            }
            if (outputKind == Output.SOFTMAX) {
                prediction = softmax(prediction);              // Part 2: softmax(z_i) = e^{z_i} / Σ_c e^{z_c}
            }
            for (int j = 0; j < out.length; j++) {
                out[j].output = prediction[j];
            }
            return prediction.clone();
        }

        /** np.dot(values, weight): the neuron's weights times the outputs of the layer below, in order. */
        private static double dot(Neuron n) {
            double s = 0;
            for (int p = 0; p < n.weight.length; p++) {
                s += n.input[p].output * n.weight[p];
            }
            return s;
        }

        /** Part 2's softmax; shifted by the largest sum, which changes nothing but overflow. */
        private static double[] softmax(double[] z) {
            double max = z[0];
            for (double v : z) {
                max = Math.max(max, v);
            }
            double[] e = new double[z.length];
            double sum = 0;
            for (int j = 0; j < z.length; j++) {
                e[j] = Math.exp(z[j] - max);
                sum += e[j];
            }
            for (int j = 0; j < z.length; j++) {
                e[j] /= sum;
            }
            return e;
        }

        /**
         * 损失计算: Part 1's {@code mse_loss} = ½·mean((prediction − target)²), Part 2's {@code ce_loss} =
         * −Σ target·log(prediction).
         *
         * @param prediction the output of {@link #propForward}
         * @param target     the target
         * @return the loss of the sample
         */
        public double loss(double[] prediction, double[] target) {
            double sum = 0;
            for (int j = 0; j < prediction.length; j++) {
                if (outputKind == Output.LINEAR) {
                    double d = prediction[j] - target[j];
                    sum += d * d;
                } else if (target[j] != 0) {
                    sum -= target[j] * Math.log(prediction[j]);
                }
            }
            return outputKind == Output.LINEAR ? 0.5 * sum / prediction.length : sum;
        }

        // -------------------------------------------------------------- 后向传播

        /**
         * 后向传播 for the sample of the latest forward pass: every neuron's delta by the scalar chain rule,
         * and the weight and bias gradients added to those of the batch so far. Nothing moves until
         * {@link #step}.
         *
         * @param target the sample's target
         */
        void addGradient(double[] target) {
            backpropagated++;
            int last = layers.size() - 1;
            Neuron[] out = layers.get(last);
            Neuron[] below = layers.get(last - 1);
            // output layer: delta = output − target. Part 1: ∂(½(ŷ − y)²)/∂ŷ. Part 2: the report's
            // grad(z_i) = a_i − t_i, the softmax and the cross-entropy together.
            for (int j = 0; j < out.length; j++) {
                out[j].delta = out[j].output - target[j];
            }
            // the layer below the output: ∂loss/∂r_i = Σ_j ∂loss/∂s_j·w_ji (the output is linear in its sum)
            for (int i = 0; i < below.length; i++) {
                double sum = 0;
                for (Neuron n : out) {
                    sum += n.delta * n.weight[i];
                }
                below[i].delta = sum;
            }
            // ∂loss/∂p_k = delta·x_k for the output weights; ∂loss/∂b = delta for the output bias
            for (Neuron n : out) {
                for (int k = 0; k < n.weight.length; k++) {
                    n.weightGradient[k] += n.delta * below[k].output;
                }
                n.biasGradient += n.delta;
            }
            // hidden layers, from the top: layer l gets its deltas, layer l + 1 its gradients
            for (int l = last - 2; l >= 0; l--) {
                Neuron[] lower = layers.get(l);
                Neuron[] upper = layers.get(l + 1);
                // ∂loss/∂r_i = Σ_j ∂loss/∂s_j · σ'(z_j) · w_ji
                for (int i = 0; i < lower.length; i++) {
                    double sum = 0;
                    for (Neuron n : upper) {
                        sum += n.delta * n.weight[i] * derivative(n.output);
                    }
                    lower[i].delta = sum;
                }
                // ∂loss/∂p_k = ∂loss/∂s_j · σ'(z_j) · x_k, and ∂loss/∂b = ∂loss/∂s_j · σ'(z_j)
                for (Neuron n : upper) {
                    double local = n.delta * derivative(n.output);
                    for (int k = 0; k < n.weight.length; k++) {
                        n.weightGradient[k] += local * lower[k].output;
                    }
                    n.biasGradient += local;
                }
            }
        }

        /**
         * Every weight and bias moves by −learningRate·(gradient summed over {@code count} samples)/count,
         * and the sums start again from zero.
         *
         * @param learningRate the step
         * @param count        the samples whose gradients were added
         */
        void step(double learningRate, int count) {
            int last = layers.size() - 1;
            for (int l = 1; l <= last; l++) {
                double sharedGradient = 0;
                for (Neuron n : layers.get(l)) {
                    for (int k = 0; k < n.weight.length; k++) {
                        n.weight[k] -= learningRate * (n.weightGradient[k] / count);
                        n.weightGradient[k] = 0;
                    }
                    sharedGradient += n.biasGradient;
                    if (!shared() && (l < last || outputHasBias())) {
                        n.bias -= learningRate * (n.biasGradient / count);
                    }
                    n.biasGradient = 0;
                }
                if (shared() && (l < last || outputHasBias())) {
                    // one bias for the layer: its gradient is the sum over the layer's neurons
                    int slot = l < last && defects.contains(Defect.HIDDEN_BIAS_IN_WRONG_SLOT) ? l - 1 : l;
                    biases[slot] -= learningRate * (sharedGradient / count);
                }
            }
        }

        /**
         * The listing's {@code prop_backward}: the gradients of one sample and the step, at once.
         *
         * @param target       the sample's target
         * @param learningRate the step
         */
        public void propBackward(double[] target, double learningRate) {
            addGradient(target);
            step(learningRate, 1);
        }

        // -------------------------------------------------------------- 代码结构: the epoch

        /**
         * One epoch of {@code NeuralNetwork}, over the samples in the order given (the caller shuffles):
         * each sample forward and its loss; then, as mini-batch gradient descent, one step per
         * {@code batchSize} samples along their mean gradient. With
         * {@link Defect#EVERY_BATCH_SIZE_TH_SAMPLE} the listing's loop instead: sample i is backpropagated,
         * alone, only when {@code i % batch_size == 0}.
         *
         * @param x            the inputs, one sample per row
         * @param y            the targets, one per row
         * @param order        the order of the samples this epoch
         * @param batchSize    the batch size (the report: 200, later 20)
         * @param learningRate the step
         * @return the epoch's loss, the mean of the samples' losses
         */
        public double epoch(double[][] x, double[][] y, int[] order, int batchSize, double learningRate) {
            boolean sampled = defects.contains(Defect.EVERY_BATCH_SIZE_TH_SAMPLE);
            double lossSum = 0;
            int pending = 0;
            for (int i = 0; i < order.length; i++) {
                double[] prediction = propForward(x[order[i]]);
                lossSum += loss(prediction, y[order[i]]);
                if (sampled) {
                    if (i % batchSize == 0) {
                        propBackward(y[order[i]], learningRate);
                    }
                } else {
                    addGradient(y[order[i]]);
                    pending++;
                    if (pending == batchSize || i == order.length - 1) {
                        step(learningRate, pending);
                        pending = 0;
                    }
                }
            }
            return lossSum / order.length;
        }

        /**
         * {@code NeuralNetwork}'s training loop: before each epoch the rate from the schedule and the
         * latest loss (starting from {@code firstLoss}), the samples shuffled, then {@link #epoch}.
         *
         * @param x         the inputs, one sample per row
         * @param y         the targets, one per row
         * @param epochs    the epochs
         * @param batchSize the batch size
         * @param schedule  the learning-rate chain
         * @param firstLoss the loss the chain sees before the first epoch (Part 1: 1, Part 2: 100)
         * @param random    the generator for the shuffles
         * @return the loss of every epoch
         */
        public List<Double> train(double[][] x, double[][] y, int epochs, int batchSize, Schedule schedule,
                double firstLoss, SplitMix64 random) {
            int[] order = new int[x.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            List<Double> losses = new ArrayList<>();
            double loss = firstLoss;
            for (int e = 0; e < epochs; e++) {
                double learningRate = schedule.rate(loss, defects.contains(Defect.ELIF_SCHEDULE));
                random.shuffle(order);                              // np.random.shuffle(train_data)
                loss = epoch(x, y, order, batchSize, learningRate);
                losses.add(loss);
            }
            return losses;
        }

        /**
         * Part 2's "3. test": every test sample forward, its loss and whether it was classified right.
         * Nothing is learned, unless {@link Defect#BACKPROP_ON_TEST_DATA}: then, as in the listing, sample i
         * is backpropagated and stepped on when {@code i % batch_size == 0}.
         *
         * @param x            the test inputs
         * @param y            the test targets
         * @param batchSize    the listing's batch size
         * @param learningRate the listing's last rate
         * @return the mean loss and the accuracy, {loss, accuracy}
         */
        public double[] test(double[][] x, double[][] y, int batchSize, double learningRate) {
            double lossSum = 0;
            int hit = 0;
            for (int i = 0; i < x.length; i++) {
                double[] prediction = propForward(x[i]);
                if (argmax(prediction) == argmax(y[i])) {
                    hit++;
                }
                lossSum += loss(prediction, y[i]);
                if (defects.contains(Defect.BACKPROP_ON_TEST_DATA) && i % batchSize == 0) {
                    propBackward(y[i], learningRate);
                }
            }
            return new double[] {lossSum / x.length, (double) hit / x.length};
        }

        private static int argmax(double[] v) {
            int best = 0;
            for (int j = 1; j < v.length; j++) {
                if (v[j] > v[best]) {
                    best = j;
                }
            }
            return best;
        }

        // -------------------------------------------------------------- the numbers, for comparison

        /** @return the number of layers, the input layer included */
        public int layerCount() {
            return layers.size();
        }

        /**
         * The weights of layer {@code l} as a matrix, one row per neuron (the transpose of the library's W).
         *
         * @param l the layer, 1 … layerCount − 1
         * @return neurons×inputs, a copy
         */
        public double[][] weights(int l) {
            Neuron[] layer = layers.get(l);
            double[][] w = new double[layer.length][];
            for (int j = 0; j < layer.length; j++) {
                w[j] = layer[j].weight.clone();
            }
            return w;
        }

        /**
         * The bias each neuron of layer {@code l} adds: its own, or its layer's when they are shared; 0 for
         * Part 2's output layer when it has none.
         *
         * @param l the layer, 1 … layerCount − 1
         * @return one bias per neuron
         */
        public double[] biases(int l) {
            Neuron[] layer = layers.get(l);
            double[] b = new double[layer.length];
            for (int j = 0; j < layer.length; j++) {
                b[j] = l == layers.size() - 1 && !outputHasBias() ? 0 : biasOf(l, layer[j]);
            }
            return b;
        }

        /** @return how many samples have been backpropagated since the network was made */
        public int samplesBackpropagated() {
            return backpropagated;
        }

        /** @return the listing's per-layer bias array (a copy), {@code biases[0]} the input layer's */
        public double[] layerBiases() {
            return biases.clone();
        }

        /**
         * The gradients summed since the last step, one row per neuron of layer {@code l}.
         *
         * @param l the layer
         * @return neurons×inputs, a copy
         */
        double[][] weightGradients(int l) {
            Neuron[] layer = layers.get(l);
            double[][] g = new double[layer.length][];
            for (int j = 0; j < layer.length; j++) {
                g[j] = layer[j].weightGradient.clone();
            }
            return g;
        }

        /** @return the bias gradients summed since the last step, one per neuron of layer {@code l} */
        double[] biasGradients(int l) {
            Neuron[] layer = layers.get(l);
            double[] g = new double[layer.length];
            for (int j = 0; j < layer.length; j++) {
                g[j] = layer[j].biasGradient;
            }
            return g;
        }

        /** The neuron j of layer l, for a centred difference that nudges one weight. */
        Neuron neuron(int l, int j) {
            return layers.get(l)[j];
        }

        /** Clears the summed gradients without a step. */
        void clearGradients() {
            for (int l = 1; l < layers.size(); l++) {
                for (Neuron n : layers.get(l)) {
                    java.util.Arrays.fill(n.weightGradient, 0);
                    n.biasGradient = 0;
                }
            }
        }

        /**
         * The mean loss over the samples, with no backward pass.
         *
         * @param x the inputs
         * @param y the targets
         * @return the mean of the samples' losses
         */
        public double meanLoss(double[][] x, double[][] y) {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += loss(propForward(x[i]), y[i]);
            }
            return sum / x.length;
        }
    }
}
