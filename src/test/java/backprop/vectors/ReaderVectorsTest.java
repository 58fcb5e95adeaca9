package backprop.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks {@code readers.json} is generated under: each refuses a wrong claim. */
class ReaderVectorsTest {

    @Test
    void aFieldTheGrammarRefusesButTheReaderTakesStopsTheGeneration(@TempDir Path folder) throws IOException {
        ReaderVectors.checkRefused(folder, List.of("0x1p3", "1f", "NaN"));
        assertThatThrownBy(() -> ReaderVectors.checkRefused(folder, List.of("1f", ".5")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("accepts '.5' as 0.5");
    }

    @Test
    void aGreyValueOtherThanTheRuleGivesStopsTheGeneration() {
        double[] grey = new double[28 * 28];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = (i / 28 + i % 28) & 255;
        }
        ReaderVectors.checkGrey("made", grey, (r, c) -> (r + c) & 255);
        assertThatThrownBy(() -> ReaderVectors.checkGrey("made", grey, (r, c) -> r == 3 && c == 5 ? r + c + 1 : r + c))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("made pixel (3, 5) reads as 8.0");
    }

    /** NOTES.md §12.8 writes the code's Math.round(0.299R + 0.587G + 0.114B) as floor(… + 0.5). */
    @Test
    void theGreyRuleAsWrittenIsTheCodesRoundingForEveryEightBitColour() {
        long differ = 0;
        for (int r = 0; r < 256; r++) {
            for (int g = 0; g < 256; g++) {
                for (int b = 0; b < 256; b++) {
                    double v = 0.299 * r + 0.587 * g + 0.114 * b;
                    if (Math.round(v) != Math.floor(v + 0.5)) {
                        differ++;
                    }
                }
            }
        }
        assertThat(differ).isZero();
        double v = 0.49999999999999994;                                 // where the two part ways, for contrast
        assertThat(Math.round(v)).isNotEqualTo((long) Math.floor(v + 0.5));
    }

    @Test
    void aStoredGzipInflatesToItsBytes() throws IOException {
        byte[] bytes = new byte[70_000];                                // two stored blocks
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 + i / 7);
        }
        byte[] gzip = ReaderVectors.gzipStored(bytes);
        assertThat(gzip).hasSize(bytes.length + 10 + 2 * 5 + 8);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            assertThat(Arrays.equals(in.readAllBytes(), bytes)).isTrue();
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(ReaderVectors.gzipStored(new byte[0])))) {
            assertThat(in.readAllBytes()).isEmpty();
        }
    }
}
