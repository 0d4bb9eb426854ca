package io.radnorm.spark.cog;

import io.radnorm.raster.Raster;
import io.radnorm.raster.Window;
import java.io.IOException;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;

/**
 * Computes any window of an output image on an executor (a resampled input, a mosaic): the pixel
 * side of {@link DistributedCogWriter}. Serializable: it is broadcast once per job, so it should
 * carry plans and headers, never pixels.
 */
@FunctionalInterface
public interface WindowRenderer extends Serializable {

    /** All bands of window {@code w} of the output, in the output's data type. */
    Raster render(Window w, Configuration conf) throws IOException;
}
