package backprop.network;

import backprop.layers.Kinked;
import java.util.Arrays;
import java.util.List;

/**
 * Which side of its kink every input of every piecewise-linear layer lay on at θ, to tell whether an
 * evaluation of f at a moved point has crossed one: a difference across a kink measures neither slope.
 */
final class KinkWatch {

    private final List<Kinked> layers;
    private boolean[][] atTheta;

    KinkWatch(List<Kinked> layers) {
        this.layers = List.copyOf(layers);
    }

    /** Records the sides of the latest forward pass, which must have been at θ. */
    void markTheta() {
        atTheta = sides();
    }

    /** @return whether the latest forward pass left every kinked input on the side it had at θ */
    boolean sameSidesAsTheta() {
        if (layers.isEmpty()) {
            return true;
        }
        if (atTheta == null) {
            throw new IllegalStateException("gradient check: the sides at θ were not recorded before the probes");
        }
        return Arrays.deepEquals(atTheta, sides());
    }

    private boolean[][] sides() {
        boolean[][] s = new boolean[layers.size()][];
        for (int k = 0; k < layers.size(); k++) {
            s[k] = layers.get(k).sidesOfKink();
        }
        return s;
    }
}
