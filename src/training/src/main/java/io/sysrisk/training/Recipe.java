package io.sysrisk.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.sysrisk.data.Market;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.experiment.TrainConfig;
import io.sysrisk.features.Feature;
import io.sysrisk.features.SystemicInput;
import io.sysrisk.inference.ModelConfig;
import io.sysrisk.research.data.Markets;
import io.sysrisk.research.experiment.PlantedInput;

/**
 * One way to make the any-index model: which network (plain, or anchored on the volatility reference), how large,
 * on which inputs, trained on which series. The nested leave-one-market-out selection compares {@link #CANDIDATES}
 * without reading a day of any outer test period; the served model is trained with {@link #SERVED}, the candidate
 * the same selection picks over every embedded market (the report's last selection; {@code ServedRecipeTest}).
 *
 * <p>The candidates are the questions the evidence raised, one change each from the anchored network: does a larger
 * network find more (the paper's size), do inputs on the shape of volatility (a burst, its regime, the share of
 * down days) add anything beyond its level, do more series of the same kind (the 9 SPI sectors, training only) help,
 * does early stopping that judges the calibrated output (not the raw weighted loss) let the correction leave zero.
 *
 * @param name        the name {@code --recipe} takes and the report prints
 * @param anchored    the network as a learned correction of a logistic reference on the last day's vol_20d
 * @param size        "small" (16 filters and units) or "reference" (64)
 * @param featureIds  the inputs, in order
 * @param spiSectors  train also on the 9 SPI sector indices (never validation, calibration or test)
 * @param selection   what its members' early stopping goes by ({@link TrainConfig#selection()}); null: the
 *                    training config's
 * @param planted     the positive control's planted input as one more channel (null in every recipe but the
 *                    control's: it reads the label, see {@link PlantedInput})
 * @param systemicInputs the systemic state's inputs it reads after its features ({@link SystemicInput} ids, from
 *                    the embedded panel); empty: the market's own closes only
 */
public record Recipe(String name, boolean anchored, String size, List<String> featureIds, boolean spiSectors,
                     String selection, PlantedInput planted, List<String> systemicInputs)
        implements java.io.Serializable {

    private static final List<String> CLOSE_ONLY = Feature.CLOSE_ONLY.stream().map(Feature::id).toList();
    private static final List<String> SHAPE = List.of(Feature.VOL_RATIO_20_250.id(), Feature.VOL_RATIO_5_20.id(),
            Feature.DOWNSIDE_SHARE_20.id());

    public static final Recipe PLAIN = new Recipe("plain", false, "small", CLOSE_ONLY, false, null, null);
    public static final Recipe ANCHORED = new Recipe("anchored", true, "small", CLOSE_ONLY, false, null, null);
    public static final Recipe ANCHORED_REFERENCE_SIZE = new Recipe("anchored-reference-size", true, "reference",
            CLOSE_ONLY, false, null, null);
    public static final Recipe ANCHORED_SHAPE_INPUTS = new Recipe("anchored-shape-inputs", true, "small",
            Stream.concat(CLOSE_ONLY.stream(), SHAPE.stream()).toList(), false, null, null);
    public static final Recipe ANCHORED_SPI_SECTORS = new Recipe("anchored-spi-sectors", true, "small", CLOSE_ONLY,
            true, null, null);
    /**
     * The anchored network whose members stop early by the validation log loss after Platt is refitted on
     * validation: the raw class-weighted loss punishes a change of logit scale or shift that calibration then
     * undoes, so it may keep the reference when an epoch ranks better.
     */
    public static final Recipe ANCHORED_CALIBRATED_STOP = new Recipe("anchored-calibrated-stop", true, "small",
            CLOSE_ONLY, false, TrainConfig.SELECT_CALIBRATED_LOSS, null);

    /**
     * The systemic inputs a systemic recipe reads: every one but the currencies', which start in 2000 and would cut
     * the panel's history (from 1990, the VIX's start) by a decade and its 1990s crises with it.
     */
    public static final List<String> SYSTEMIC_INPUTS = java.util.Arrays.stream(SystemicInput.values())
            .filter(i -> i != SystemicInput.CURRENCY_VOLATILITY).map(SystemicInput::id).toList();

    /** What the nested selection compares, simplest first: a tie keeps the earlier. */
    public static final List<Recipe> CANDIDATES = List.of(PLAIN, ANCHORED, ANCHORED_REFERENCE_SIZE,
            ANCHORED_SHAPE_INPUTS, ANCHORED_SPI_SECTORS, ANCHORED_CALIBRATED_STOP);

    /** The served recipe's name: what the selection over every embedded market picked (see the report). */
    public static final String SERVED_NAME = "anchored";
    public static final Recipe SERVED = byName(SERVED_NAME);

    /** A recipe reading the market's own closes only. */
    public Recipe(String name, boolean anchored, String size, List<String> featureIds, boolean spiSectors,
                  String selection, PlantedInput planted) {
        this(name, anchored, size, featureIds, spiSectors, selection, planted, List.of());
    }

    public Recipe {
        featureIds = List.copyOf(featureIds);
        systemicInputs = systemicInputs == null ? List.of() : List.copyOf(systemicInputs);
        systemicInputs.forEach(SystemicInput::fromId);
        if (!size.equals("small") && !size.equals("reference")) {
            throw new IllegalArgumentException("size must be small or reference, got '" + size + "'");
        }
        if (anchored && !featureIds.contains(Feature.VOL_20D.id())) {
            throw new IllegalArgumentException("recipe " + name + " is anchored on vol_20d, which is not among its "
                    + "inputs " + featureIds + "; add it, or give --recipe plain");
        }
    }

    public static Recipe byName(String name) {
        return byName(name, CANDIDATES);
    }

    /** The recipe called {@code name} among {@code recipes}. */
    public static Recipe byName(String name, List<Recipe> recipes) {
        return recipes.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown recipe '" + name + "'; known: "
                        + recipes.stream().map(Recipe::name).toList()));
    }

    /** The ensemble member this recipe trains. */
    public ModelConfig member() {
        ModelConfig m = size.equals("small") ? ModelConfig.small() : ModelConfig.reference();
        return anchored ? m.anchoredOn(featureIds.indexOf(Feature.VOL_20D.id())) : m;
    }

    /** {@code cfg} with this recipe's early-stopping criterion, when it has one. */
    public TrainConfig training(TrainConfig cfg) {
        return selection == null ? cfg : cfg.withSelection(selection);
    }

    /** The positive control's recipe: this one reading {@code input} as one more channel. */
    public Recipe withPlanted(PlantedInput input) {
        return new Recipe(name + "+" + input.name(), anchored, size, featureIds, spiSectors, selection, input,
                systemicInputs);
    }

    /** {@code base} with this recipe's inputs. */
    public PooledConfig experiment(PooledConfig base) {
        return base.withFeatures(featureIds).withSystemicInputs(systemicInputs);
    }

    /** The series it trains on: {@code main} and, for {@link #spiSectors}, the sectors after them. */
    public List<Market> markets(List<Market> main) {
        if (!spiSectors) {
            return main;
        }
        List<Market> out = new ArrayList<>(main);
        out.addAll(Markets.spiSectors());
        return List.copyOf(out);
    }

    /** The names, among {@code markets}, of series that only train (the SPI sectors). */
    public static Set<String> trainingOnly(List<Market> markets) {
        return Set.copyOf(markets.stream().map(Market::name).filter(n -> n.startsWith(Markets.SPI_SECTOR_PREFIX))
                .toList());
    }

    public Recipe withSize(String s) {
        return new Recipe(name + "+" + s, anchored, s, featureIds, spiSectors, selection, planted, systemicInputs);
    }

    /** This recipe reading the systemic inputs {@code ids} too (its name marked {@code +systemic}). */
    public Recipe withSystemicInputs(List<String> ids) {
        return new Recipe(name + "+systemic", anchored, size, featureIds, spiSectors, selection, planted, ids);
    }

    public Recipe withFeatures(List<String> ids) {
        return new Recipe(name + "+features", anchored, size, ids, spiSectors, selection, planted, systemicInputs);
    }

    /** The recipe a study's evidence records. */
    public static Recipe of(io.sysrisk.research.evidence.Evidence.Candidate c) {
        return new Recipe(c.name(), c.anchored(), c.size(), c.featureIds(), c.spiSectors(), c.selection(),
                c.planted(), c.systemicInputs());
    }

    /** This recipe as the study's evidence records it. */
    public io.sysrisk.research.evidence.Evidence.Candidate candidate() {
        return new io.sysrisk.research.evidence.Evidence.Candidate(name, anchored, size, featureIds, spiSectors,
                selection, planted, systemicInputs);
    }

    /** One line for reports and logs. */
    public String describe() {
        return String.format("%s: %s network, %s size (%s filters and units), inputs %s%s%s%s", name,
                anchored ? "anchored" : "plain", size, member().convFilters(),
                String.join(", ", featureIds) + (systemicInputs.isEmpty() ? "" : "; systemic inputs "
                        + String.join(", ", systemicInputs)), planted == null ? "" : ", " + planted.name()
                        + " (the positive control's planted input)",
                spiSectors ? ", + 9 SPI sectors as training-only series" : "",
                selection == null ? "" : ", early stopping by " + selection);
    }
}
