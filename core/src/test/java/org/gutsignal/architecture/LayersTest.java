package org.gutsignal.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The package arrows follow the pipeline sentence (DESIGN.md, docs/architecture.md): each layer
 * imports only the layers before it in {@code cohort, io, profile, transform, model, eval,
 * report}; {@code stats} and {@code synth} are side paths that may import {@code cohort} …
 * {@code eval}; nothing imports {@code report} or {@code synth}, and only {@code report} may import
 * {@code stats}. No package cycle.
 */
class LayersTest {

    /** The layering rule for the packages under {@code root}. */
    static ArchRule layers(String root) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cohort").definedBy(root + ".cohort..")
                .layer("io").definedBy(root + ".io..")
                .layer("profile").definedBy(root + ".profile..")
                .layer("transform").definedBy(root + ".transform..")
                .layer("model").definedBy(root + ".model..")
                .layer("eval").definedBy(root + ".eval..")
                .layer("report").definedBy(root + ".report..")
                .layer("stats").definedBy(root + ".stats..")
                .layer("synth").definedBy(root + ".synth..")
                .whereLayer("io").mayOnlyBeAccessedByLayers("profile", "transform", "model", "eval", "report",
                        "stats", "synth")
                .whereLayer("profile").mayOnlyBeAccessedByLayers("transform", "model", "eval", "report", "stats",
                        "synth")
                .whereLayer("transform").mayOnlyBeAccessedByLayers("model", "eval", "report", "stats", "synth")
                .whereLayer("model").mayOnlyBeAccessedByLayers("eval", "report", "stats", "synth")
                .whereLayer("eval").mayOnlyBeAccessedByLayers("report", "stats", "synth")
                .whereLayer("stats").mayOnlyBeAccessedByLayers("report")
                .whereLayer("synth").mayNotBeAccessedByAnyLayer()
                .whereLayer("report").mayNotBeAccessedByAnyLayer();
    }

    static ArchRule noCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    @Test
    void theLibraryFollowsTheLayers() {
        JavaClasses core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.gutsignal");
        layers("org.gutsignal").check(core);
        noCycles("org.gutsignal").check(core);
    }

    /** The rule is not toothless: a reversed import (cohort → report) in a fixture package breaks it. */
    @Test
    void aReversedImportFailsTheRule() {
        JavaClasses fixture = new ClassFileImporter()
                .importPackages("org.gutsignal.architecture.fixture");
        EvaluationResult result = layers("org.gutsignal.architecture.fixture").evaluate(fixture);
        assertTrue(result.hasViolation());
        String report = result.getFailureReport().toString();
        assertTrue(report.contains("ReversedImport") && report.contains("fixture.report.Picture"), report);
        assertTrue(noCycles("org.gutsignal.architecture.fixture").evaluate(fixture).hasViolation());
        // report → cohort (Picture.back) is the allowed direction: only cohort's access is reported
        assertFalse(report.contains("Method <org.gutsignal.architecture.fixture.report.Picture.back()> calls"), report);
    }
}
