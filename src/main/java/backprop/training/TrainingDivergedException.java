package backprop.training;

/** Thrown when the loss stops being a finite number: training has diverged. */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with the given message.
     *
     * @param message what diverged, where, and what to try instead
     */
    public TrainingDivergedException(String message) {
        super(message);
    }
}
