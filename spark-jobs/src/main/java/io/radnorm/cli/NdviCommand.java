package io.radnorm.cli;

import io.radnorm.spark.bandmath.BandMath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code radnorm ndvi}: the normalized difference vegetation index of each input, as band math. */
@Command(name = "ndvi", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"NDVI = (nir - red) / (nir + red) of each input as a float32 Cloud-Optimized GeoTIFF "
                + "($_NDVI.tif); nodata (NaN) where either band is nodata or nir + red is 0.",
            "The same as band-math -e 'where(bN + bR == 0, nan, (bN - bR) / (bN + bR))'."})
final class NdviCommand extends BandMathCommandBase {

    @Option(names = "--nir", required = true, paramLabel = "N", description = "Near-infrared band (1-based).")
    int nir;

    @Option(names = "--red", required = true, paramLabel = "R", description = "Red band (1-based).")
    int red;

    @Override
    BandMath.Builder builder() {
        return BandMath.ndvi(nir, red);
    }
}
