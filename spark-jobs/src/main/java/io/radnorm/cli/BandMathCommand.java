package io.radnorm.cli;

import io.radnorm.raster.DataType;
import io.radnorm.spark.bandmath.BandMath;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code radnorm band-math}: per-pixel expressions of each input's bands, one output COG per input. */
@Command(name = "band-math", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Evaluates expressions of each input's bands pixel by pixel and writes one Cloud-Optimized "
                + "GeoTIFF per input ($_BandMath.tif), one band per --expression.",
            "Expressions: bands b1, b2, ...; numbers, nan, inf; + - * / %% (remainder); < <= > >= == !=; "
                + "& | ~ (and, or, not); min(a, b, ...), max(a, b, ...), where(cond, a, b); P%%bN is the P-th "
                + "percentile of band N of the image (numpy's default, over valid pixels).",
            "A pixel is nodata in an output band when a band its expression reads is nodata, or the result is NaN."})
final class BandMathCommand extends BandMathCommandBase {

    @Option(names = {"-e", "--expression"}, required = true, paramLabel = "EXPR",
            description = "Expression of one output band; repeat for several bands, e.g. -e 'b4 - b3' -e 'b4 / b3'.")
    List<String> expressions;

    @Option(names = "--output-dtype", paramLabel = "TYPE", defaultValue = "float32",
            description = "Output data type: uint8, int8, uint16, int16, uint32, int32, float32, float64. Integers "
                    + "are rounded to nearest and clipped to the range.")
    String outputDtype;

    @Option(names = "--output-nodata", paramLabel = "VALUE",
            description = "Output nodata (default: nan for float types; for integers gdal_calc.py's: uint8 255, "
                    + "uint16 65535, int16 -32768, uint32 4294967293, int32 -2147483647, int8 -128).")
    String nodata;

    @Override
    BandMath.Builder builder() {
        return BandMath.builder().expressions(expressions).outputType(DataType.parse(outputDtype))
                .outputNodata(GlobalOptions.nodata(nodata));
    }
}
