package io.radnorm.cli;

import io.radnorm.raster.DataType;
import io.radnorm.raster.tiff.CogOptions;
import io.radnorm.raster.tiff.codec.Compression;
import picocli.CommandLine.Option;

/** Options of every command that writes Cloud-Optimized GeoTIFFs. */
public final class CogOutputOptions {

    @Option(names = "--output-dtype", paramLabel = "TYPE",
            description = "Output data type (uint8, int8, uint16, int16, uint32, int32, float32, float64); "
                    + "default: each input's. Integers are rounded to nearest and clipped to the range.")
    String outputDtype;

    @Option(names = "--compress", paramLabel = "NAME", defaultValue = "deflate",
            description = "COG compression: deflate, zstd, lzw, packbits or none.")
    String compress;

    @Option(names = "--compress-level", defaultValue = "-1", paramLabel = "N",
            description = "Compression level (-1: radnorm's default, Deflate 1 / ZSTD 9; Deflate 0-9, ZSTD 1-22).")
    int compressLevel;

    @Option(names = "--tile-size", paramLabel = "PIXELS", defaultValue = "512", description = "COG tile size.")
    int tileSize;

    DataType dataType() {
        return outputDtype == null ? null : DataType.parse(outputDtype);
    }

    CogOptions cogOptions() {
        return CogOptions.defaults().withCompression(Compression.parse(compress)).withLevel(compressLevel)
                .withTileSize(tileSize);
    }
}
