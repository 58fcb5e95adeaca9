package backprop.experiments;

import backprop.layers.Initializer;
import backprop.training.Adam;
import backprop.training.Momentum;
import backprop.training.Optimizer;
import backprop.training.Sgd;
import java.util.List;
import java.util.Locale;

/**
 * Training choices beyond a document's settings, each left at "the experiment's own" unless given: the
 * optimiser, the weights' initialiser, what is done to the inputs, a validation set, early stopping and
 * random shifts of training images. {@link #DOCUMENT} changes nothing.
 *
 * @param optimizer   {@code sgd}, {@code momentum} (μ = 0.9) or {@code adam} (β₁ 0.9, β₂ 0.999); null for the
 *                    experiment's own
 * @param weights     the weights' initialiser, as {@link #initializer(String)} reads it ({@code he},
 *                    {@code xavier}, {@code normal:0.01}, …), biases then start at zero; null for the
 *                    experiment's own
 * @param scale       raw inputs are multiplied by this before anything else; null for the experiment's own
 *                    treatment of its inputs
 * @param standardize each feature standardised with the training part's mean and deviation (after
 *                    {@code scale}), replacing the experiment's own treatment of its inputs
 * @param validation  the share of the training part held out, stratified, as a validation set scored after
 *                    every epoch, whose best epoch is kept; 0 for the experiment's own (usually none)
 * @param patience    stop after this many epochs without improvement, keeping the best; 0 never stops early
 * @param shift       shift every training image by up to this many pixels each way, drawn afresh for every
 *                    image in every epoch; 0 for none
 * @param l2          λ of the L2 penalty on the weights; null for the experiment's own
 * @param halveEvery  halve the learning rate after every this many epochs; 0 keeps it constant
 */
public record TrainingChoices(String optimizer, String weights, Double scale, boolean standardize,
        double validation, int patience, int shift, Double l2, int halveEvery) {

    /** The experiment's own choices everywhere. */
    public static final TrainingChoices DOCUMENT = new TrainingChoices(null, null, null, false, 0, 0, 0, null, 0);

    /** The optimisers {@link #optimizer} may name. */
    public static final List<String> OPTIMIZERS = List.of("sgd", "momentum", "adam");

    /** The largest shift, in pixels: more moves a 28×28 digit out of its frame. */
    public static final int MAX_SHIFT = 6;

    /**
     * Checks every choice that is given.
     *
     * @param optimizer   {@code sgd}, {@code momentum} or {@code adam}; null for the experiment's own
     * @param weights     the weights' initialiser; null for the experiment's own
     * @param scale       multiplies raw inputs, finite and not 0; null for the experiment's own
     * @param standardize standardise every feature on the training part
     * @param validation  the share held out for validation, 0 (none) or 0 &lt; v &lt; 1
     * @param patience    epochs without improvement before stopping, ≥ 0
     * @param shift       the largest shift of a training image in pixels, 0 … {@link #MAX_SHIFT}
     * @param l2          λ of the L2 penalty, finite and ≥ 0; null for the experiment's own
     * @param halveEvery  epochs between halvings of the learning rate, ≥ 0; 0 for a constant rate
     */
    public TrainingChoices {
        if (halveEvery < 0) {
            throw new IllegalArgumentException("halve-every " + halveEvery + ": expected 0 (never) or more epochs");
        }
        if (optimizer != null && !OPTIMIZERS.contains(optimizer)) {
            throw new IllegalArgumentException("optimizer '" + optimizer + "': expected one of "
                    + String.join(", ", OPTIMIZERS));
        }
        if (weights != null) {
            initializer(weights);
        }
        if (scale != null && (!Double.isFinite(scale) || scale == 0)) {
            throw new IllegalArgumentException("scale " + scale + ": expected a finite number other than 0");
        }
        if (!(validation == 0 || (validation > 0 && validation < 1))) {
            throw new IllegalArgumentException("validation " + validation + ": expected a fraction between 0 and 1,"
                    + " such as 0.1");
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience " + patience + ": expected 0 (never stop early) or more");
        }
        if (shift < 0 || shift > MAX_SHIFT) {
            throw new IllegalArgumentException("shift " + shift + ": expected 0 to " + MAX_SHIFT + " pixels");
        }
        if (l2 != null && !(l2 >= 0 && Double.isFinite(l2))) {
            throw new IllegalArgumentException("l2 " + l2 + ": expected a finite λ ≥ 0");
        }
    }

    /**
     * Reads an initialiser's name: {@code he}, {@code xavier}, {@code zeros}, {@code normal:σ} (σ·N(0,1)),
     * {@code uniform:a} (a·U(0,1)).
     *
     * @param name the name, e.g. {@code he} or {@code normal:0.01}
     * @return the initialiser
     */
    public static Initializer initializer(String name) {
        String[] parts = name.split(":", 2);
        String kind = parts[0].strip().toLowerCase(Locale.ROOT);
        boolean hasValue = parts.length == 2;
        switch (kind) {
            case "he":
            case "xavier":
            case "zeros":
                if (hasValue) {
                    break;
                }
                return kind.equals("he") ? Initializer.he() : kind.equals("xavier") ? Initializer.xavier()
                        : Initializer.zeros();
            case "normal":
            case "uniform":
                if (!hasValue) {
                    break;
                }
                double v;
                try {
                    v = Double.parseDouble(parts[1].strip());
                } catch (NumberFormatException e) {
                    break;
                }
                if (!(v > 0) || !Double.isFinite(v)) {
                    break;
                }
                return kind.equals("normal") ? Initializer.normal(v) : Initializer.uniform(v);
            default:
                break;
        }
        throw new IllegalArgumentException("initialiser '" + name + "': expected he, xavier, zeros, normal:SIGMA "
                + "or uniform:A (SIGMA, A > 0)");
    }

    /**
     * @param own the experiment's own optimiser
     * @return a new optimiser of the chosen kind, or {@code own} when none was chosen
     */
    public Optimizer optimizer(Optimizer own) {
        if (optimizer == null) {
            return own;
        }
        return switch (optimizer) {
            case "momentum" -> new Momentum(0.9);
            case "adam" -> new Adam();
            default -> new Sgd();
        };
    }

    /** @return whether the inputs' treatment was chosen ({@code scale} or {@code standardize}) */
    public boolean choosesInputs() {
        return scale != null || standardize;
    }

    /**
     * A copy with another optimiser.
     *
     * @param o {@code sgd}, {@code momentum} or {@code adam}; null for the experiment's own
     * @return the copy
     */
    public TrainingChoices withOptimizer(String o) {
        return new TrainingChoices(o, weights, scale, standardize, validation, patience, shift, l2, halveEvery);
    }

    /**
     * A copy with another weights' initialiser.
     *
     * @param w the initialiser's name; null for the experiment's own
     * @return the copy
     */
    public TrainingChoices withWeights(String w) {
        return new TrainingChoices(optimizer, w, scale, standardize, validation, patience, shift, l2, halveEvery);
    }

    /**
     * A copy with another treatment of the inputs.
     *
     * @param s  multiplies raw inputs; null for none
     * @param st whether to standardise every feature
     * @return the copy
     */
    public TrainingChoices withInputs(Double s, boolean st) {
        return new TrainingChoices(optimizer, weights, s, st, validation, patience, shift, l2, halveEvery);
    }

    /**
     * A copy with another validation share.
     *
     * @param v the share of the training part held out; 0 for the experiment's own
     * @return the copy
     */
    public TrainingChoices withValidation(double v) {
        return new TrainingChoices(optimizer, weights, scale, standardize, v, patience, shift, l2, halveEvery);
    }

    /**
     * A copy with another patience.
     *
     * @param p epochs without improvement before stopping; 0 never stops early
     * @return the copy
     */
    public TrainingChoices withPatience(int p) {
        return new TrainingChoices(optimizer, weights, scale, standardize, validation, p, shift, l2, halveEvery);
    }

    /**
     * A copy with another largest shift.
     *
     * @param s pixels each way; 0 for none
     * @return the copy
     */
    public TrainingChoices withShift(int s) {
        return new TrainingChoices(optimizer, weights, scale, standardize, validation, patience, s, l2, halveEvery);
    }

    /**
     * A copy with another L2 penalty.
     *
     * @param lambda λ; null for the experiment's own
     * @return the copy
     */
    public TrainingChoices withL2(Double lambda) {
        return new TrainingChoices(optimizer, weights, scale, standardize, validation, patience, shift, lambda, halveEvery);
    }

    /**
     * A copy that halves the learning rate every {@code e} epochs.
     *
     * @param e epochs between halvings; 0 for a constant rate
     * @return the copy
     */
    public TrainingChoices withHalveEvery(int e) {
        return new TrainingChoices(optimizer, weights, scale, standardize, validation, patience, shift, l2, e);
    }
}
