package backprop.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backprop.data.InputTransform;
import backprop.layers.Initializer;
import backprop.losses.SoftmaxCrossEntropy;
import backprop.network.Network;
import backprop.random.SplitMix64;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files that were once accepted with impossible values, allocated before they were checked, or
 * ended in a JDK exception: each now ends in a {@link ModelFile.ModelFormatException} naming the file and
 * the field, before any network is built.
 */
class BadModelTest {

    @TempDir
    Path dir;

    private Path file;
    private String good;

    @BeforeEach
    void saveAModel() throws Exception {
        Network net = Network.builder(3, new SplitMix64(5)).weights(Initializer.normal(0.5)).dense(4).leakyRelu(0.2)
                .dense(2).loss(new SoftmaxCrossEntropy()).build();
        InputTransform t = new InputTransform(0.5, 2.0, new double[] {1, 2, 3}, new double[] {1, 2, 3});
        file = dir.resolve("m.json");
        ModelFile.save(new ModelFile.Model(net, List.of("no", "yes"), t, null), file, ModelFile.Exports.JSON);
        good = Files.readString(file);
        assertThat(ModelFile.load(file).network().inputSize()).isEqualTo(3);
    }

    private void rejects(String text, String message) throws Exception {
        Files.writeString(file, text);
        assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(ModelFile.ModelFormatException.class)
                .hasMessage(file + ": " + message);
    }

    private String with(String from, String to) {
        assertThat(good).contains(from);
        return good.replace(from, to);
    }

    @Test
    void aTransformWithANonPositiveOrInfiniteStdIsRejected() throws Exception {
        rejects(with("\"std\":[1.0,2.0,3.0]", "\"std\":[1.0,-1.0,3.0]"),
                "model.transform.std[1] is -1.0; expected a standard deviation > 0");
        rejects(with("\"std\":[1.0,2.0,3.0]", "\"std\":[0.0,2.0,3.0]"),
                "model.transform.std[0] is 0.0; expected a standard deviation > 0");
        rejects(with("\"std\":[1.0,2.0,3.0]", "\"std\":[1.0,2.0]"),
                "model.transform.std has 2 entries but the network takes 3 inputs");
        rejects(with("\"std\":[1.0,2.0,3.0]", "\"std\":null"),
                "model.transform has mean but no std; expected both or neither");
    }

    @Test
    void aTransformWithAnInfiniteOrZeroScaleIsRejected() throws Exception {
        rejects(with("\"scale\":2.0", "\"scale\":1e999"),
                "not valid JSON: line 1, column " + (good.indexOf("\"scale\":2.0") + 9) + ": the number 1e999 is too"
                        + " large for a double");
        rejects(with("\"scale\":2.0", "\"scale\":0"),
                "model.transform.scale is 0, which maps every input to one value; expected a finite number ≠ 0");
        rejects(with("\"offset\":0.5", "\"offset\":null"), "model.transform.offset is null, expected a finite number");
    }

    @Test
    void declaredSizesAreCheckedAgainstWhatTheFileHoldsBeforeAllocating() throws Exception {
        // 5e8 outputs: the first row is checked before any row is allocated
        String huge = with("\"outputs\":4", "\"outputs\":500000000");
        rejects(huge, "model.layers[0].W row 0 is not a list of 500000000 numbers");
        rejects(with("\"input\":3", "\"input\":500000000").replace("\"inputs\":3", "\"inputs\":500000000"),
                "model.transform.mean has 3 entries but the network takes 500000000 inputs");
        rejects(with("\"input\":3", "\"input\":0"), "model.input is 0, expected a whole number ≥ 1");
        rejects(with("\"outputs\":4", "\"outputs\":0"), "model.layers[0].outputs is 0, expected a whole number ≥ 1");
    }

    @Test
    void deepNestingEndsInAMessageNotAStackOverflow() throws Exception {
        // the model's own object is the first level, so the 256th bracket of l2 is one too many
        String deep = "[".repeat(3000) + "]".repeat(3000);
        rejects(with("\"l2\":0.0", "\"l2\":" + deep),
                "not valid JSON: line 1, column " + (good.indexOf("\"l2\":0.0") + 5 + 256) + ": arrays and objects"
                        + " nested more than 256 deep");
        assertThatThrownBy(() -> Json.parse("{\"a\":".repeat(100_000))).isInstanceOf(Json.ParseException.class)
                .hasMessageContaining("nested more than 256 deep");
        assertThat(Json.parse("[".repeat(256) + "]".repeat(256))).isInstanceOf(List.class);
    }

    @Test
    void aBadUnicodeEscapeIsAParseErrorWithLineAndColumn() {
        assertThatThrownBy(() -> Json.parse("{\"a\":\n \"x\\u12G4\"}")).isInstanceOf(Json.ParseException.class)
                .hasMessage("line 2, column 4: a \\u escape needs four hex digits (0-9, a-f), found '\\u12G4'");
        assertThatThrownBy(() -> Json.parse("\"\\u12")).isInstanceOf(Json.ParseException.class)
                .hasMessage("line 1, column 2: a \\u escape needs four hex digits (0-9, a-f), found '\\u12'");
        assertThat(Json.parse("\"\\u00e9\\u00C9\"")).isEqualTo("éÉ");
    }

    @Test
    void jsonOutsideTheGrammarIsRejected() {
        for (String bad : List.of("01", "1.", ".5", "-", "+1", "1e", "0x10", "NaN", "Infinity", "1e400", "[1,]",
                "{\"a\":1,\"a\":2}", "\"tab\there\"", "[1 2]", "")) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(Json.ParseException.class)
                    .hasMessageStartingWith("line 1, column ");
        }
        assertThat(Json.parse("[-0.5e-3, 0, 1E+2, 12.25]")).isEqualTo(List.of(-0.5e-3, 0.0, 100.0, 12.25));
    }

    @Test
    void everyFieldIsCheckedBeforeANetworkIsBuilt() throws Exception {
        rejects(with("\"slope\":0.2", "\"slope\":5"), "model.layers[1]: leaky-relu1: slope 5.0, expected 0 ≤ k ≤ 1");
        rejects(with("\"l2\":0.0", "\"l2\":-1"), "model.l2 is -1.0, expected a number ≥ 0");
        rejects(with("\"loss\":\"softmax-cross-entropy\"", "\"loss\":7"), "model.loss is 7.0, expected a string");
        rejects(with("\"loss\":\"softmax-cross-entropy\"", "\"loss\":\"hinge\""), "model.loss is the string \"hinge\","
                + " expected one of [softmax-cross-entropy, cross-entropy, sigmoid-binary-cross-entropy,"
                + " binary-cross-entropy, mean-squared-error]");
        rejects(with("\"classes\":[\"no\",\"yes\"]", "\"classes\":[\"no\",\"no\"]"),
                "model.classes[1] is the string \"no\" as is model.classes[0]; expected every class once");
        rejects(with("\"classes\":[\"no\",\"yes\"]", "\"classes\":[\"no\",1]"),
                "model.classes[1] is 1.0, expected a string");
        rejects(with("\"classes\":[\"no\",\"yes\"]", "\"classes\":[\"a\",\"b\",\"c\"]"),
                "model.classes has 3 class names but the network has 2 outputs");
        rejects(with("\"name\":\"dense2\"", "\"name\":\"dense1\""),
                "model.layers[2].name is the string \"dense1\" as is model.layers[0].name; expected every name once");
        rejects(with("\"name\":\"dense2\"", "\"name\":\"../../x\""), "model.layers[2].name is the string \"../../x\","
                + " not a plain name; expected letters, digits and dashes such as 'dense1'");
        rejects(with("\"version\":1,", "\"version\":1,\"npy\":3,"),
                "model.npy is neither null nor a folder name");
    }

    @Test
    void aModelFileThatIsNotUtf8IsNamedWithLineAndByte() throws Exception {
        byte[] bytes = good.getBytes(StandardCharsets.UTF_8);
        bytes[20] = (byte) 0xFF;
        Files.write(file, bytes);
        assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(ModelFile.ModelFormatException.class)
                .hasMessage(file + ":1: column 21 (byte 20) holds the byte 0xFF, which is not UTF-8 here; expected UTF-8"
                        + " text: save the file as UTF-8");
        Files.write(file, new byte[0]);
        assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(ModelFile.ModelFormatException.class)
                .hasMessage(file + ": not valid JSON: line 1, column 1: the text ends where a value was expected");
    }
}
