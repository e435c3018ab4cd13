package io.sysrisk.research.evidence;

import java.time.LocalDate;
import java.util.List;

/**
 * One fold's or the pooled onsets-out-of-calm stratum: onsets and those out of calm, the stratum's windows and
 * positives, each score's ranking (pooled: within each fold, ROC-AUC weighted by pairs and PR-AUC by positives, the
 * interval of that stratified ROC-AUC).
 */
public record CalmFigures(int calmDays, int onsets, int calmOnsets, List<LocalDate> calmOnsetDates, int windows,
                          int positives, List<CalmRanking> ranking) {
}
