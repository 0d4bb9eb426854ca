package io.radnorm.cli;

import io.radnorm.raster.DataType;
import io.radnorm.raster.tiff.CogOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options of every command that writes Cloud-Optimized GeoTIFFs. */
public final class CogOutputOptions {

    @Option(names = "--output-dtype", paramLabel = "TYPE",
            description = "Output data type (uint8, int8, uint16, int16, uint32, int32, float32, float64); "
                    + "default: each input's. Integers are rounded to nearest and clipped to the range.")
    String outputDtype;

    @Mixin
    CogEncodingOptions encoding;

    DataType dataType() {
        return outputDtype == null ? null : DataType.parse(outputDtype);
    }

    CogOptions cogOptions() {
        return encoding.cogOptions();
    }
}
