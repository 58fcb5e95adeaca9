package backprop.layers;

/**
 * A piecewise-linear layer (ReLU, leaky ReLU) whose derivative jumps at z = 0. A centred difference
 * whose two points fall on different sides of the jump measures neither slope, so the gradient check asks
 * these layers which side of the kink every input of the last forward pass lay on, and reports an entry
 * whose ±h evaluations disagree as "at a kink" instead of as a failure.
 */
public interface Kinked {

    /**
     * For every entry of the last forward input, row by row: true where z &gt; 0.
     *
     * @return one flag per input entry, row-major: true where z &gt; 0, false where z ≤ 0
     */
    boolean[] sidesOfKink();
}
