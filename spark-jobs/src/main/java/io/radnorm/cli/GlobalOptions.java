package io.radnorm.cli;

import io.radnorm.algorithms.global.GlobalRegressionSettings;
import io.radnorm.algorithms.global.LeastSquaresMethod;
import io.radnorm.algorithms.global.ModelImageSelection;
import io.radnorm.algorithms.global.UnanchoredPolicy;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The global regression's options, shared by {@code global} and {@code pipeline}. */
public final class GlobalOptions {

    @Option(names = "--mean-factor", defaultValue = "1", description = "Weight of the overlap mean rows.")
    double meanFactor;

    @Option(names = "--std-factor", defaultValue = "1", description = "Weight of the overlap std rows.")
    double stdFactor;

    @Option(names = "--model-images", arity = "2", paramLabel = "include|exclude NAMES",
            description = "Only the listed images (include) or all but them (exclude) anchor the solution; "
                    + "NAMES is a comma list of image names without extension. Default: all images.")
    List<String> modelImages;

    @Option(names = "--unanchored", defaultValue = "anchor", paramLabel = "anchor|refuse",
            description = "Images whose overlaps never reach a model image: anchor each group to its own "
                    + "statistics, or refuse to run.")
    String unanchored;

    @Option(names = "--solver", defaultValue = "auto", paramLabel = "auto|dense|sparse",
            description = "Least-squares solver of the global model (same solution): dense (profile Cholesky), "
                    + "sparse (preconditioned conjugate gradients, for 10^5 images), or auto: sparse from "
                    + "1000 images on.")
    String solver;

    GlobalRegressionSettings settings(CommandLine.Model.CommandSpec spec) {
        GlobalRegressionSettings s = GlobalRegressionSettings.DEFAULT.withMeanFactor(meanFactor)
                .withStdFactor(stdFactor).withUnanchoredPolicy(switch (unanchored.toLowerCase(Locale.ROOT)) {
                    case "anchor" -> UnanchoredPolicy.ANCHOR_TO_OWN_STATS;
                    case "refuse" -> UnanchoredPolicy.REFUSE;
                    default -> throw new CommandLine.ParameterException(spec.commandLine(),
                            "--unanchored must be 'anchor' or 'refuse', not '" + unanchored + "'");
                }).withSolver(switch (solver.toLowerCase(Locale.ROOT)) {
                    case "auto" -> LeastSquaresMethod.AUTO;
                    case "dense" -> LeastSquaresMethod.DENSE;
                    case "sparse" -> LeastSquaresMethod.SPARSE;
                    default -> throw new CommandLine.ParameterException(spec.commandLine(),
                            "--solver must be 'auto', 'dense' or 'sparse', not '" + solver + "'");
                });
        if (modelImages != null) {
            List<String> names = Arrays.stream(modelImages.get(1).split(",")).map(String::trim)
                    .filter(n -> !n.isEmpty()).toList();
            s = s.withModelImages(switch (modelImages.get(0).toLowerCase(Locale.ROOT)) {
                case "include" -> ModelImageSelection.include(names);
                case "exclude" -> ModelImageSelection.exclude(names);
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "--model-images takes 'include' or 'exclude' and a comma list of names");
            });
        }
        return s;
    }

    /** {@code --nodata} text: a number or nan; {@code null} when not given. */
    static Double nodata(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        return t.equals("nan") ? Double.NaN : Double.valueOf(t);
    }
}
