package io.radnorm.cli;

import io.radnorm.algorithms.mask.MaskMode;
import io.radnorm.algorithms.mask.VectorMask;
import io.radnorm.raster.vector.VectorLayers;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Option;

/** {@code --mask include|exclude VECTOR [FIELD]}: a vector mask for the statistics. */
public final class MaskOptions {

    @Option(names = "--mask", arity = "2..3", paramLabel = "include|exclude VECTOR [FIELD]",
            description = "Compute statistics only inside (include) or outside (exclude) the polygons of a GeoPackage "
                    + "(file.gpkg or file.gpkg#layer) or GeoJSON; with FIELD, a feature applies to the images whose "
                    + "name its FIELD value contains. Pixels are still all corrected.")
    List<String> mask;

    /** The mask, read on the driver, or {@code null} when none was given. */
    VectorMask read(Configuration conf) throws IOException {
        if (mask == null) {
            return null;
        }
        MaskMode mode = MaskMode.parse(mask.get(0));
        return VectorMask.of(mode, VectorLayers.read(mask.get(1), conf), mask.size() > 2 ? mask.get(2) : null);
    }
}
