package backprop.network;

import backprop.layers.Dense;
import backprop.layers.Layer;
import backprop.layers.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * A dense layer whose backward pass is deliberately wrong in a few entries: the real {@link Dense}, then a
 * {@link Damage} applied to its parameter gradients. For showing what each gradient check catches.
 */
final class BrokenDense implements Layer {

    /** What goes wrong, applied after the real backward pass. */
    @FunctionalInterface
    interface Damage {
        /**
         * @param x    the layer's input X of the last forward pass
         * @param dOut the upstream gradient dZ
         * @param dW   the weight gradient, to damage in place
         * @param db   the bias gradient, to damage in place
         */
        void apply(double[][] x, double[][] dOut, double[][] dW, double[][] db);
    }

    private final Dense dense;
    private final Damage damage;
    private double[][] input;

    BrokenDense(Dense dense, Damage damage) {
        this.dense = dense;
        this.damage = damage;
    }

    /** The same network with the dense layer called {@code name} broken by {@code damage}. */
    static Network replacing(Network net, String name, Damage damage) {
        List<Layer> layers = new ArrayList<>();
        for (Layer layer : net.layers()) {
            layers.add(layer.name().equals(name) ? new BrokenDense((Dense) layer, damage) : layer);
        }
        return new Network(net.inputSize(), layers, net.lossFunction(), net.penalty());
    }

    /**
     * A loop over the samples that stops one short in a few rows of dW: there dW = Xᵀ·dZ leaves out the
     * last sample's term x[N−1][r]·dZ[N−1][j].
     */
    static Damage lastSampleLeftOutOfRows(int... rows) {
        return (x, dOut, dW, db) -> {
            int last = x.length - 1;
            for (int r : rows) {
                for (int j = 0; j < dW[r].length; j++) {
                    dW[r][j] -= x[last][r] * dOut[last][j];
                }
            }
        };
    }

    /** A blocked product that writes one size×size tile of dW transposed, the tile starting at (at, at). */
    static Damage transposedBlock(int at, int size) {
        return (x, dOut, dW, db) -> {
            for (int i = 0; i < size; i++) {
                for (int j = i + 1; j < size; j++) {
                    double t = dW[at + i][at + j];
                    dW[at + i][at + j] = dW[at + j][at + i];
                    dW[at + j][at + i] = t;
                }
            }
        };
    }

    /** db = 1ᵀ·dZ without the loss's 1/N, as document 000 computes db1: the bias gradient N times too large. */
    static Damage biasNotDividedByN() {
        return (x, dOut, dW, db) -> {
            for (int j = 0; j < db[0].length; j++) {
                db[0][j] *= x.length;
            }
        };
    }

    @Override
    public String name() {
        return dense.name();
    }

    @Override
    public double[][] forward(double[][] x) {
        input = x;
        return dense.forward(x);
    }

    @Override
    public double[][] backward(double[][] dOut) {
        double[][] dx = dense.backward(dOut);
        damage.apply(input, dOut, dense.weights().gradient(), dense.bias().gradient());
        return dx;
    }

    @Override
    public void backwardParametersOnly(double[][] dOut) {
        dense.backwardParametersOnly(dOut);
        damage.apply(input, dOut, dense.weights().gradient(), dense.bias().gradient());
    }

    @Override
    public List<Parameter> parameters() {
        return dense.parameters();
    }
}
