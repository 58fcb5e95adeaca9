package backprop.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import backprop.documents.Errata.Document000Figures;
import backprop.documents.Errata.Document001Figures;
import backprop.documents.Errata.Document002Figures;
import backprop.documents.Errata.Document003Figures;
import backprop.documents.Errata.Document004Figures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each switch turned on, and its effect as a number: the figures the {@code errata} command prints. The
 * assertions hold for any reasonable random draw: they compare a defect with the right computation on the
 * same weights, or assert an effect's size or sign, never a figure that depends on the exact draw.
 */
class ErrataTest {

    private static Errata errata;

    @BeforeAll
    static void measure() throws IOException {
        errata = Errata.measure(Path.of("testdata"));
    }

    @Test
    void document000Db1IsOffByTheBatchSizeAndTheGradientCheckSaysSo() {
        Document000Figures f = errata.document000();
        assertThat(f.db1Ratio()).isCloseTo(f.batch(), within(1e-9 * f.batch()));
        assertThat(f.db1RelativeError()).isGreaterThan(0.9);             // 1 − 1/128
        assertThat(f.db1RelativeErrorFixed()).isLessThan(1e-6);         // the same check passes when divided
    }

    @Test
    void document000UpdatingW3FirstChangesTheLowerGradients() {
        Document000Figures f = errata.document000();
        assertThat(f.stepDifferenceW2()).isGreaterThan(1e-2);
        assertThat(f.stepDifferenceW1()).isGreaterThan(1e-2);
    }

    @Test
    void document000LossOfAProductIsInfiniteWhereTheLogitsGiveAFiniteLoss() {
        Document000Figures f = errata.document000();
        assertThat(f.lossOfProduct()).isInfinite();
        assertThat(f.lossFromLogits()).isCloseTo(f.gapLogit(), within(1e-9));
        assertThat(f.unshiftedProbability()).isNaN();
        assertThat(f.unshiftedGradient()).isNaN();
    }

    @Test
    void document000RawPixelsMoveTheLogitsThousandsOfTimesFurtherPerStep() {
        Document000Figures f = errata.document000();
        assertThat(f.logitChangeRaw()).isGreaterThan(1000 * f.logitChangeScaled());
    }

    @Test
    void document001TheSigmoidPitfallFailsTheGradientCheck() {
        Document001Figures f = errata.document001();
        assertThat(f.derivativeRelativeError()).isGreaterThan(1e-2);
        assertThat(f.derivativeRelativeErrorFixed()).isLessThan(1e-6);
    }

    @Test
    void document001BiasesShareWrongAndMissTheirSlot() {
        Document001Figures f = errata.document001();
        // all 200 units push the one shared bias the same way: it moves far more than any unit's own bias
        assertThat(f.sharedBiasStepRatio()).isGreaterThan(10);
        assertThat(f.wrongSlotHiddenBiasChange()).isZero();
        assertThat(f.wrongSlotInputSlotChange()).isPositive();
        assertThat(f.rightSlotHiddenBiasChange()).isPositive();
        assertThat(f.noOutputBiasChange()).isZero();
        assertThat(f.outputBiasChange()).isPositive();
    }

    @Test
    void document001ElifScheduleIsStuckAtItsFirstThreshold() {
        Document001Figures f = errata.document001();
        assertThat(f.elifRateAtLowLoss()).isEqualTo(5e-5);
        assertThat(f.fixedRateAtLowLoss()).isEqualTo(5e-7);
        assertThat(f.elifDistinctRates()).isEqualTo(2);
        assertThat(f.fixedDistinctRates()).isEqualTo(5);
    }

    @Test
    void document001MiniBatchLearnsFromOneSampleInTwenty() {
        Document001Figures f = errata.document001();
        assertThat(f.sampledPerEpoch()).isEqualTo(10);
        assertThat(f.batchedPerEpoch()).isEqualTo(200);
        assertThat(f.sampledGradientDifference()).isGreaterThan(0.1);
    }

    @Test
    void document001TestLoopMovesTheWeights() {
        Document001Figures f = errata.document001();
        assertThat(f.testSamplesTrainedOn()).isEqualTo((f.testSamples() + 499) / 500);
        assertThat(f.testLoopWeightChange()).isPositive();
    }

    @Test
    void document002UnscaledRandnSaturatesAndItsFirstCostCannotBe449165() {
        Document002Figures f = errata.document002();
        assertThat(f.saturatedRandn()).isGreaterThan(f.saturatedXavier() + 0.3);
        assertThat(f.firstCostRandn()).isGreaterThan(f.firstCostXavier());
        assertThat(f.firstCostRandn()).isLessThanOrEqualTo(f.firstCostBound());
        assertThat(f.firstCostBound()).isLessThan(f.documentFirstCost() / 1000);
        assertThat(f.largestLogit()).isLessThan(709.78);
    }

    @Test
    void document002SoftmaxAndLogGiveNaNAndInfinity() {
        Document002Figures f = errata.document002();
        assertThat(f.unshiftedCost()).isNaN();
        assertThat(f.logOfZeroCost()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(f.logOfZeroOtherCost()).isNaN();
        assertThat(f.clampedCost()).isCloseTo(-Math.log(Document002.EPSILON), within(1e-9));
    }

    @Test
    void document003StatedLossFailsTheGradientCheck() {
        Document003Figures f = errata.document003();
        assertThat(f.statedLossRelativeError()).isGreaterThan(1e-2);
        assertThat(f.fixedLossRelativeError()).isLessThan(1e-6);
    }

    @Test
    void document003RawPixelsMoveTheLogitsFurtherPerStep() {
        Document003Figures f = errata.document003();
        assertThat(f.logitChangeRaw()).isGreaterThan(100 * f.logitChangeScaled());
    }

    @Test
    void document004PenaltyGradientFailsExceptWithOneWeight() {
        Document004Figures f = errata.document004();
        assertThat(f.penaltyRelativeError()).isGreaterThan(1e-3);
        assertThat(f.penaltyRelativeErrorFixed()).isLessThan(1e-6);
        assertThat(f.penaltyRelativeErrorNot()).isLessThan(1e-6);      // NOT has one weight: sum(w) = w
    }

    @Test
    void document004BroadcastBiasDoublesTheModel() {
        Document004Figures f = errata.document004();
        assertThat(f.parameters()).isEqualTo(3);
        assertThat(f.broadcastParameters()).isEqualTo(6);
        assertThat(f.broadcastColumnGap()).isPositive();
    }

    @Test
    void document004OutputBiasesOnlyEverShrinkTowardsZero() {
        Document004Figures f = errata.document004();
        assertThat(f.decayedB2NeverGrew()).isTrue();
        assertThat(f.decayedB2Start()).isPositive();
        assertThat(f.decayedB2End()).isLessThan(1e-300);
        assertThat(f.learnedB2End()).isGreaterThan(f.decayedB2Start());
    }

    @Test
    void document004BackwardOverwritesTheProbabilities() {
        Document004Figures f = errata.document004();
        assertThat(f.overwrittenRowSum()).isLessThan(1e-12);
        assertThat(f.storedRowSum()).isCloseTo(1.0, within(1e-12));
        assertThat(f.overwrittenLoss()).isNaN();
        assertThat(f.unshiftedProbability()).isNaN();
    }

    @Test
    void document004OneBatchBestOverstatesAndNeverBeatsTheWholeSetChoice() {
        Document004Figures f = errata.document004();
        assertThat(f.oneBatchReported()).isGreaterThan(f.oneBatchChosenTrainAccuracy());
        assertThat(f.oneBatchChosenTrainAccuracy()).isLessThanOrEqualTo(f.bestTrainAccuracy());
        // the defect's consequence: in at least one run the snapshot it keeps is worse on the whole set
        assertThat(f.runsKeptWorse()).isBetween(1, Errata.LOOP_RUNS);
    }

    @Test
    void theTableHasEverySwitchOnceWithItsMeasuredEffect() {
        List<Errata.Row> rows = errata.rows();
        List<String> expected = new ArrayList<>();
        for (Enum<?> d : List.of(Document000.Defect.values())) {
            expected.add("Document000.Defect." + d.name());
        }
        for (Enum<?> d : List.of(Document001.Defect.values())) {
            expected.add("Document001.Defect." + d.name());
        }
        for (Enum<?> d : List.of(Document002.Defect.values())) {
            expected.add("Document002.Defect." + d.name());
        }
        for (Enum<?> d : List.of(Document003.Defect.values())) {
            expected.add("Document003.Defect." + d.name());
        }
        for (Enum<?> d : EnumSet.allOf(Document004.Defect.class)) {
            expected.add("Document004.Defect." + d.name());
        }
        assertThat(rows.stream().map(Errata.Row::toggle).toList()).containsExactlyInAnyOrderElementsOf(expected);
        String table = Errata.table(rows);
        assertThat(table.lines().count()).isEqualTo(rows.size() + 2);
        for (Errata.Row r : rows) {
            assertThat(r.effect()).as(r.toggle()).matches(".*\\d.*");
            assertThat(table).contains(r.effect());
        }
        // the measured figures are in the text
        assertThat(table).contains(String.format(java.util.Locale.ROOT, "relative error %.3f",
                errata.document000().db1RelativeError()));
    }

    @Test
    void chineseCharactersTakeTwoColumns() {
        assertThat(Errata.displayWidth("学习率")).isEqualTo(6);
        assertThat(Errata.displayWidth("§八 loss")).isEqualTo(8);
        assertThat(Errata.displayWidth("abc")).isEqualTo(3);
    }
}
