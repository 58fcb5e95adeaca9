/**
 * The five derivation documents, executable: each document's own forward pass, backward pass and update
 * loop, in its own notation and names, beside the library that does the same thing.
 *
 * <p>This is the readable tier. Every class here uses plain loops and the routines of
 * {@link backprop.matrix.Matrix} only, never the fast products, and marks every step with the section of
 * its document (§). Documents 000, 002 and 003 put samples in columns ({@code X ∈ R^{p×n}},
 * {@code Z_i = W_i·A_{i−1} + b_i}); document 004 puts them in rows ({@code z = a·W + b}); document 001
 * builds its network from neuron objects that each hold their weights, output and delta.
 *
 * <p>Each document's mistakes are named switches ({@code Document000.Defect} and so on), all off by
 * default. With every switch off a transcription computes what the library computes, on the same weights
 * and batch, to rounding (the tests hold them to 1e-12, transposed where the notation is); with a switch on
 * it does what the document's listing does. {@link backprop.documents.Errata} measures what each switch
 * changes, and the {@code errata} command prints those measurements.
 */
package backprop.documents;
