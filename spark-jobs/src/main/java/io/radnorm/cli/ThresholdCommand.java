package io.radnorm.cli;

import io.radnorm.raster.DataType;
import io.radnorm.spark.bandmath.BandMath;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code radnorm threshold}: masks from conditions, with per-image percentiles ({@code b1 > 95%b1}). */
@Command(name = "threshold", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Masks from conditions on each input's bands, as uint8 Cloud-Optimized GeoTIFFs "
                + "($_Threshold.tif): 1 where true, 0 where false, 255 (nodata) where a band the condition reads "
                + "is nodata.",
            "P%%bN is the P-th percentile of band N of that image over its valid pixels (numpy.percentile's "
                + "default, linear interpolation), found exactly by histogram passes before the mask is written: "
                + "-e 'b1 > 95%%b1', -e 'b1 >= 2%%b1 & b1 <= 98%%b1'. Otherwise the language of band-math."})
final class ThresholdCommand extends BandMathCommandBase {

    @Option(names = {"-e", "--expression"}, required = true, paramLabel = "EXPR",
            description = "Condition of one output band; repeat for several bands.")
    List<String> conditions;

    @Option(names = "--output-dtype", paramLabel = "TYPE", defaultValue = "uint8",
            description = "Output data type (the expression's value is stored: 1/0 for conditions).")
    String outputDtype;

    @Option(names = "--output-nodata", paramLabel = "VALUE",
            description = "Output nodata (default: 255 for uint8; band-math's default for other types).")
    String nodata;

    @Override
    BandMath.Builder builder() {
        return BandMath.threshold().expressions(conditions).outputType(DataType.parse(outputDtype))
                .outputNodata(GlobalOptions.nodata(nodata));
    }
}
