package backprop.network;

/**
 * A line through θ along which the gradient check differentiates f: {@code moveTo(t)} sets the checked
 * values to θ + t·v, {@code restore()} puts θ back exactly. For one entry v is a unit vector; for a
 * directional check v is a random direction over whole matrices.
 */
interface Probe {

    /**
     * Sets the checked values to θ + t·v.
     *
     * @param t the signed distance along v
     */
    void moveTo(double t);

    /** Sets the checked values back to θ, bit for bit. */
    void restore();
}
