package backprop.cli;

import backprop.layers.Dense;
import backprop.layers.Layer;
import backprop.matrix.Matrix;
import backprop.network.Network;
import backprop.training.EpochListener;
import backprop.training.EpochRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a copy of the parameters after every epoch, for {@code train … --save-last}: a run that restores
 * its best epoch at the end can then also save where training stopped. Passes every event on to the
 * listener it wraps.
 */
final class LastEpoch implements EpochListener {

    private final EpochListener inner;
    private Network network;
    private List<double[][]> last;

    LastEpoch(EpochListener inner) {
        this.inner = inner;
    }

    @Override
    public void trainingStarted(Network trained) {
        this.network = trained;
        inner.trainingStarted(trained);
    }

    @Override
    public void batchEnded(BatchProgress progress) {
        inner.batchEnded(progress);
    }

    @Override
    public boolean stopRequested() {
        return inner.stopRequested();
    }

    @Override
    public Decision epochEnded(EpochRecord record) {
        List<double[][]> copies = new ArrayList<>();
        for (Layer layer : network.layers()) {
            if (layer instanceof Dense d) {
                copies.add(Matrix.copy(d.weights().value()));
                copies.add(Matrix.copy(d.bias().value()));
            }
        }
        last = copies;
        return inner.epochEnded(record);
    }

    /**
     * The network with the parameters of the last epoch run (its initial ones if none was run); its dense
     * layers are new, the other layers are shared with the trained network.
     */
    Network network() {
        if (network == null) {
            throw new IllegalStateException("no training was started, so there is no last epoch to save");
        }
        if (last == null) {
            return network;
        }
        List<Layer> layers = new ArrayList<>();
        int k = 0;
        for (Layer layer : network.layers()) {
            if (layer instanceof Dense d) {
                layers.add(new Dense(d.name(), last.get(k), last.get(k + 1)));
                k += 2;
            } else {
                layers.add(layer);
            }
        }
        return new Network(network.inputSize(), layers, network.lossFunction(), network.penalty());
    }
}
