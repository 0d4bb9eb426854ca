package io.radnorm.cli;

import io.radnorm.spark.bandmath.BandMath;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radnorm ndvi}: the normalized difference vegetation index of each input, as band math. */
@Command(name = "ndvi", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"NDVI = (nir - red) / (nir + red) of each input as a float32 Cloud-Optimized GeoTIFF "
                + "($_NDVI.tif); nodata (NaN) where either band is nodata or nir + red is 0.",
            "The same as band-math -e 'where(bN + bR == 0, nan, (bN - bR) / (bN + bR))'."})
final class NdviCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Mixin
    BandMathCommand.Io files;

    @Option(names = "--nir", required = true, paramLabel = "N", description = "Near-infrared band (1-based).")
    int nir;

    @Option(names = "--red", required = true, paramLabel = "R", description = "Red band (1-based).")
    int red;

    @Mixin
    CogEncodingOptions cog;

    @Override
    public Integer call() throws Exception {
        logging.apply();
        BandMath.Builder b;
        try {
            b = BandMath.ndvi(nir, red);
        } catch (IllegalArgumentException e) {
            return BandMathCommand.usageError(spec, e);
        }
        return BandMathCommand.run(spec, files, b, cog, "radnorm ndvi");
    }
}
