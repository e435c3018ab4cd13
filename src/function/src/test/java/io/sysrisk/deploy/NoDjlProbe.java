package io.sysrisk.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sysrisk.data.LoadOptions;
import io.sysrisk.data.MarketData;
import io.sysrisk.data.MarketDataBuilder;
import io.sysrisk.scoring.DatedScore;
import io.sysrisk.scoring.MarketScorer;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.store.ModelStore;

/**
 * Started by {@link NoDjlScoringTest} in a JVM without DJL on the class path: loads a stored version the way the
 * lean function does (manifest, portable parameters, the Java forward pass) and scores the sample request's closes.
 * Prints the probability of the last date.
 */
public final class NoDjlProbe {

    public static void main(String[] args) throws Exception {
        ModelStore store = new ModelStore(Path.of(args[0]));
        ModelManifest m = store.manifest(args[1]);
        JsonNode request = new ObjectMapper().readTree(Files.readString(Path.of(args[2])));
        List<java.time.LocalDate> dates = new java.util.ArrayList<>();
        request.path("dates").forEach(d -> dates.add(java.time.LocalDate.parse(d.asText())));
        double[] close = new double[dates.size()];
        for (int i = 0; i < close.length; i++) {
            close[i] = request.path("series").path("close").get(i).asDouble();
        }
        MarketData data = MarketDataBuilder.build("request", new LoadOptions(m.input().kind(), m.input().indexColumn(),
                m.input().requiredDays(), LoadOptions.DEFAULT_MAX_FORWARD_FILL, LoadOptions.DEFAULT_MAX_DROPPED_SHARE,
                true), dates, m.input().columns(), new double[][] {close}, (row, column) -> column + "[" + row + "]");
        List<DatedScore> s = new MarketScorer(m).score(data, dates.get(dates.size() - 1), null, store.javaModel(args[1]));
        System.out.println("probability=" + s.get(0).probability());
        try {
            Class.forName("ai.djl.engine.Engine");
            System.out.println("djl=present");
        } catch (ClassNotFoundException e) {
            System.out.println("djl=absent");
        }
    }
}
