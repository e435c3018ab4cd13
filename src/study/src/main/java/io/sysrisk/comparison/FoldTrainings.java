package io.sysrisk.comparison;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import io.sysrisk.research.evidence.Evidence;

/**
 * What one outer fold of a study trains, and nothing it judges: the nested selection's pick, every trained score's
 * probabilities on each scored market's test windows and on the fold's calibration windows, the members' restored
 * epochs, and the logistic reference's. All the libtorch work of a fold is here, so it is the unit a
 * {@link StudyEngine} may compute in another JVM; the fold is judged from it ({@link LeaveOneMarketOut}) where the
 * study runs. Serializable as Spark ships it: plain maps of arrays, copied as they are (bit for bit).
 */
public record FoldTrainings(Evidence.Selection selection, Map<String, Map<String, double[]>> test,
                            Map<String, double[]> calibration, Map<String, List<Integer>> bestEpochs,
                            Map<String, double[]> logisticTest, double[] logisticCalibration) implements Serializable {
}
