package io.sysrisk.store;

import java.util.ArrayList;
import java.util.List;

/** What a manifest must hold together before a version is written or served. */
final class ManifestConsistency {

    private ManifestConsistency() {
    }

    /**
     * The manifest's parts must fit together before anything is served from it: features, normalization and input
     * sizes, a threshold that is a probability, an ensemble whose seeds match its members.
     */
    static void check(ModelManifest m) {
        List<String> problems = new ArrayList<>();
        ModelManifest.InputSpec in = m.input();
        if (in.features() == null || in.features().isEmpty()) {
            problems.add("no features");
        } else {
            if (!in.channels().equals(m.normalization().features())) {
                problems.add("normalization is for features " + m.normalization().features() + ", the input reads "
                        + in.channels());
            }
            for (int j = 0; j < m.normalization().std().length; j++) {
                double sd = m.normalization().std()[j];
                double mean = m.normalization().mean()[j];
                if (!(sd > 0) || !Double.isFinite(sd) || !Double.isFinite(mean)) {
                    problems.add("normalization of " + m.normalization().features().get(j) + " is not usable (mean "
                            + mean
                            + ", sd " + sd + ")");
                }
            }
        }
        if (in.systemic() && in.systemicState() == null) {
            problems.add("reads the systemic inputs " + in.systemicInputs() + " but carries no systemic state file");
        }
        if (in.window() < 1 || in.requiredDays() != in.window() + in.lookbackDays()) {
            problems.add("input window " + in.window() + " + look-back " + in.lookbackDays() + " != required days "
                    + in.requiredDays());
        }
        if (in.columns() == null || in.columns().isEmpty()) {
            problems.add("no input columns");
        }
        if (!(m.threshold() >= 0 && m.threshold() <= 1)) {
            problems.add("threshold " + m.threshold() + " is not a probability");
        }
        if (m.ensemble() != null && m.ensemble().members() != null
                && m.ensemble().members().size() != m.ensemble().config().members()) {
            problems.add(m.ensemble().config().members() + " ensemble seeds but " + m.ensemble().members().size()
                    + " member runs recorded");
        }
        if (!problems.isEmpty()) {
            throw new ModelStoreException("model version '" + m.version() + "' has an inconsistent manifest: "
                    + String.join("; ", problems));
        }
    }
}
