package io.radnorm.raster.tiff;

import io.radnorm.raster.tiff.codec.Compression;
import java.io.Serializable;
import java.util.Objects;

/**
 * How {@link CogWriter} lays out and encodes a Cloud-Optimized GeoTIFF. Immutable; start from
 * {@link #defaults()} and change what differs with the {@code withX} methods:
 *
 * <pre>{@code
 * CogOptions o = CogOptions.defaults().withCompression(Compression.ZSTD).withThreads(2);
 * }</pre>
 *
 * <p>The defaults are those of GDAL's COG driver with {@code COMPRESS=DEFLATE PREDICTOR=YES}:
 * 512×512 tiles, Deflate at its default level, the predictor that suits the data type, average
 * overviews down to one tile, BigTIFF only when needed, and one encoding thread per processor.
 *
 * @param tileSize        tile width and height in pixels: a multiple of 16 (TIFF's rule) in 16..16384
 * @param compression     tile compression
 * @param level           compression level, or -1 for radnorm's default ({@link #effectiveLevel()}:
 *                        Deflate 1, ZSTD 9); ignored by schemes without levels
 * @param predictor       predictor; {@link Predictor#AUTO} picks by data type and compression
 * @param resampling      how overview pixels are computed from the level above
 * @param minOverviewSize overviews are added (each half the size of the previous level, rounded up)
 *                        until both sides are at most this; {@code tileSize} by default, so the
 *                        smallest overview is one tile, as in GDAL
 * @param bigTiff         classic TIFF or BigTIFF
 * @param threads         threads that compress tiles; at least 1
 * @param spillDir        local directory for the compressed-tile spill files, or {@code null} for
 *                        {@code java.io.tmpdir}; it needs about the size of the output free
 */
public record CogOptions(int tileSize, Compression compression, int level, Predictor predictor,
                         OverviewResampling resampling, int minOverviewSize, BigTiffMode bigTiff,
                         int threads, String spillDir) implements Serializable {

    /** Largest accepted tile side: larger tiles only cost memory and defeat range reads. */
    public static final int MAX_TILE_SIZE = 16384;

    public CogOptions {
        if (tileSize < 16 || tileSize > MAX_TILE_SIZE || tileSize % 16 != 0) {
            throw new IllegalArgumentException("tile size " + tileSize
                    + " must be a multiple of 16 between 16 and " + MAX_TILE_SIZE + " (TIFF requires multiples of 16)");
        }
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(predictor, "predictor");
        Objects.requireNonNull(resampling, "resampling");
        Objects.requireNonNull(bigTiff, "bigTiff");
        if (level < -1) {
            throw new IllegalArgumentException("compression level " + level + " must be -1 (default) or >= 0");
        }
        compression.codec(level); // rejects a level the scheme does not accept, before any pixel is read
        if (minOverviewSize < 1) {
            throw new IllegalArgumentException("minOverviewSize " + minOverviewSize + " must be at least 1");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads + " must be at least 1");
        }
    }

    /** The options without a spill directory ({@code java.io.tmpdir} is used). */
    public CogOptions(int tileSize, Compression compression, int level, Predictor predictor,
                      OverviewResampling resampling, int minOverviewSize, BigTiffMode bigTiff, int threads) {
        this(tileSize, compression, level, predictor, resampling, minOverviewSize, bigTiff, threads, null);
    }

    /**
     * The level the tiles are compressed with. By default Deflate uses level 1, not GDAL's 6: GDAL
     * deflates with libdeflate, the JDK with zlib, whose level 6 is 4–5× slower than libdeflate's
     * on imagery, while its level 1 with the horizontal predictor is within about 1.5% of
     * GDAL's file size at GDAL's speed. {@code --compress-level 6} restores the smaller, slower files.
     */
    public int effectiveLevel() {
        return level == -1 && compression == Compression.DEFLATE ? 1 : level;
    }

    /** 512, DEFLATE, level -1, AUTO predictor, AVERAGE, overviews down to 512, BigTIFF AUTO, one thread per processor. */
    public static CogOptions defaults() {
        return new CogOptions(512, Compression.DEFLATE, -1, Predictor.AUTO, OverviewResampling.AVERAGE, 512,
                BigTiffMode.AUTO, Runtime.getRuntime().availableProcessors(), null);
    }

    /**
     * A copy with another tile size. If {@link #minOverviewSize} still equals the current tile
     * size (its default) it follows the new tile size, so the smallest overview stays one tile.
     */
    public CogOptions withTileSize(int size) {
        int min = minOverviewSize == tileSize ? size : minOverviewSize;
        return new CogOptions(size, compression, level, predictor, resampling, min, bigTiff, threads, spillDir);
    }

    public CogOptions withCompression(Compression c) {
        return new CogOptions(tileSize, c, level, predictor, resampling, minOverviewSize, bigTiff, threads, spillDir);
    }

    public CogOptions withLevel(int l) {
        return new CogOptions(tileSize, compression, l, predictor, resampling, minOverviewSize, bigTiff, threads, spillDir);
    }

    public CogOptions withPredictor(Predictor p) {
        return new CogOptions(tileSize, compression, level, p, resampling, minOverviewSize, bigTiff, threads, spillDir);
    }

    public CogOptions withResampling(OverviewResampling r) {
        return new CogOptions(tileSize, compression, level, predictor, r, minOverviewSize, bigTiff, threads, spillDir);
    }

    public CogOptions withMinOverviewSize(int m) {
        return new CogOptions(tileSize, compression, level, predictor, resampling, m, bigTiff, threads, spillDir);
    }

    public CogOptions withBigTiff(BigTiffMode b) {
        return new CogOptions(tileSize, compression, level, predictor, resampling, minOverviewSize, b, threads, spillDir);
    }

    public CogOptions withThreads(int t) {
        return new CogOptions(tileSize, compression, level, predictor, resampling, minOverviewSize, bigTiff, t, spillDir);
    }

    /** A copy that spills to {@code dir} ({@code null}: {@code java.io.tmpdir}). */
    public CogOptions withSpillDir(String dir) {
        return new CogOptions(tileSize, compression, level, predictor, resampling, minOverviewSize, bigTiff, threads, dir);
    }
}
