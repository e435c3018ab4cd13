package io.sysrisk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.Device;
import io.sysrisk.comparison.Comparison;
import io.sysrisk.comparison.ComparisonConfig;
import io.sysrisk.comparison.ComparisonResult;
import io.sysrisk.model.DjlModels;
import io.sysrisk.model.StoredModel;
import io.sysrisk.research.experiment.ExperimentConfig;
import io.sysrisk.research.experiment.ManifestExperiments;
import io.sysrisk.research.experiment.PreparedExperiment;
import io.sysrisk.store.ModelStore;

/**
 * The report command's old-job pipeline in quick mode (comparison, tables, charts, JSON), on the retired
 * single-market job's sp500 fixture: a user's store may still hold versions that job wrote.
 */
class QuickReportTest {

    @Test
    void quickComparisonWritesACompleteReport(@TempDir Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        try (StoredModel model = DjlModels.load(new ModelStore(Path.of("src", "fixtures", "model-store")), "sp500", Device.cpu())) {
            ExperimentConfig exp = ManifestExperiments.of(model.manifest());
            ComparisonResult r = new Comparison(ComparisonConfig.quick(), s -> { }).run(exp);
            assertEquals(2, r.models().size());
            assertEquals(r.testWindows(), r.models().get(0).metrics().n());
            assertTrue(r.indicators().stream().anyMatch(x -> x.name().startsWith("persistence")));
            assertEquals(3, r.crossMarket().size());
            ReportWriter.write(model, PreparedExperiment.prepare(exp), r, dir, "test");
        }
        String md = Files.readString(dir.resolve("README.md"));
        assertTrue(md.contains("| cnn-bilstm-attention |") && md.contains("Walk-forward") && md.contains("Cross-market"));
        for (String png : new String[] {"risk.png", "roc.png", "pr.png", "attention.png", "training.png"}) {
            BufferedImage img = ImageIO.read(dir.resolve(png).toFile());
            assertTrue(img.getWidth() >= 800 && img.getHeight() >= 400, png);
            assertTrue(md.contains("(" + png + ")"), png + " is linked");
        }
        assertTrue(Files.size(dir.resolve("comparison.json")) > 1000);
    }
}
