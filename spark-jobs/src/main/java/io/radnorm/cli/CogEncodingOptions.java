package io.radnorm.cli;

import io.radnorm.raster.tiff.CogOptions;
import io.radnorm.raster.tiff.codec.Compression;
import picocli.CommandLine.Option;

/**
 * The COG encoding options ({@code --compress}, {@code --compress-level}, {@code --tile-size}):
 * part of {@link CogOutputOptions}, and alone in commands whose output type has its own default
 * (band math), which cannot take {@link CogOutputOptions}' {@code --output-dtype} (default: the
 * input's).
 */
public final class CogEncodingOptions {

    @Option(names = "--compress", paramLabel = "NAME", defaultValue = "deflate",
            description = "COG compression: deflate, zstd, lzw, packbits or none.")
    String compress;

    @Option(names = "--compress-level", defaultValue = "-1", paramLabel = "N",
            description = "Compression level (-1: radnorm's default, Deflate 1 / ZSTD 9; Deflate 0-9, ZSTD 1-22).")
    int compressLevel;

    @Option(names = "--tile-size", paramLabel = "PIXELS", defaultValue = "512", description = "COG tile size.")
    int tileSize;

    CogOptions cogOptions() {
        return CogOptions.defaults().withCompression(Compression.parse(compress)).withLevel(compressLevel)
                .withTileSize(tileSize);
    }
}
