package io.radnorm.raster.tiff;

import io.radnorm.raster.DataType;
import io.radnorm.raster.GridSize;
import io.radnorm.raster.Raster;
import io.radnorm.raster.Window;
import io.radnorm.raster.fs.AtomicOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link RasterSource} as a Cloud-Optimized GeoTIFF, streaming, to any Hadoop FileSystem
 * URI (local path, {@code hdfs://}, {@code s3a://}).
 *
 * <pre>{@code
 * CogWriter.write(source, GeoMetadata.of(info), "s3a://bucket/out.tif", conf, CogOptions.defaults());
 * // or, to set options one by one:
 * new CogWriter(source, meta).setOptions(opts).setOverwrite(false).write(uri);
 * }</pre>
 *
 * <h2>The file</h2>
 * The output is laid out exactly as GDAL 3.6's COG driver lays it out, so that GDAL's
 * {@code validate_cloud_optimized_geotiff.py --full-check=yes} accepts it and {@code gdalinfo}
 * reports {@code LAYOUT=COG}: the TIFF header (little-endian; classic TIFF, or BigTIFF per
 * {@link CogOptions#bigTiff()}); GDAL's ghost header declaring {@code LAYOUT=IFDS_BEFORE_DATA},
 * {@code BLOCK_ORDER=ROW_MAJOR}, {@code BLOCK_LEADER=SIZE_AS_UINT4} and
 * {@code BLOCK_TRAILER=LAST_4_BYTES_REPEATED}; every IFD with its tag values, full resolution first
 * and then the overviews from largest to smallest; then the tiles, smallest overview first and
 * full resolution last, row-major within a level, each preceded by its size as a 4-byte integer
 * and followed by a copy of its last 4 bytes. A reader that fetches the first 16 KB therefore has
 * every IFD, and a reader of one level reads a contiguous run of the file.
 *
 * <p>Tiles are square ({@link CogOptions#tileSize()}), pixel-interleaved (PlanarConfiguration 1),
 * zero-padded at the right and bottom edges, optionally predicted ({@link Predictor}) and
 * compressed. Photometric is MinIsBlack with bands after the first as unspecified extra samples.
 * The full-resolution IFD carries the georeferencing of the {@link GeoMetadata}:
 * ModelPixelScale + ModelTiepoint for north-up grids, ModelTransformation otherwise, and the CRS's
 * GeoKeys verbatim; every IFD carries {@code GDAL_NODATA}. Pixels read back bit-identical
 * (NaN payloads included).
 *
 * <h2>Overviews</h2>
 * Each overview halves the previous level, rounding sizes up, until both sides are at most
 * {@link CogOptions#minOverviewSize()}. Each is computed from the level above it (as GDAL does)
 * by {@link OverviewResampling}: by default the mean of the valid pixels of each 2×2 cell, nodata
 * and NaN excluded.
 *
 * <h2>Streaming and memory</h2>
 * The image is never held whole. The source is read in strips of the full width and one tile row,
 * top to bottom, each pixel once. Each strip's tiles are compressed in parallel on
 * {@link CogOptions#threads()} threads while the next strip is read, and appended to a spill file
 * of the level in a local directory ({@link CogOptions#spillDir()}, by default
 * {@code java.io.tmpdir}); the strip is then reduced into the next overview level, which collects
 * its own strips the same way. A COG needs every tile's offset before the first tile, so only at
 * the end, when all sizes are known, is the output written: header and IFDs, then a copy of each
 * spill file, smallest level first. Each level holds at most two strips and one strip's compressed
 * tiles; with {@code strip = width × tileSize × bands × bytesPerSample}, memory is about
 * {@code 3 × strip} at full resolution and as much again for all overviews together (each level's
 * strips are half as wide as the previous level's), whatever the image height: about 200 MB for an
 * 8192-pixel-wide 4-band UInt16 image in 512-pixel tiles. Local disk needs about the output's size.
 *
 * <h2>Failure</h2>
 * The output goes through {@link AtomicOutput}: it appears under its name only when complete. If
 * the source, a codec or the file system fails, the exception propagates, nothing appears at the
 * target (an existing file there is left untouched) and the spill files are deleted.
 *
 * <p>A writer instance is not thread-safe and writes one file per {@link #write(String)} call.
 */
public final class CogWriter {

    private static final Logger LOG = LoggerFactory.getLogger(CogWriter.class);

    private final RasterSource source;
    private final GeoMetadata metadata;
    private CogOptions options = CogOptions.defaults();
    private Configuration conf;
    private boolean overwrite = true;

    /**
     * @param metadata georeferencing and nodata to write; {@link GeoMetadata#none()} for none
     */
    public CogWriter(RasterSource source, GeoMetadata metadata) {
        this.source = Objects.requireNonNull(source, "source");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
    }

    /**
     * Writes {@code source} to {@code uri} as a COG, replacing an existing file.
     *
     * @param conf Hadoop configuration for remote URIs ({@code null}: a default one)
     */
    public static CogSummary write(RasterSource source, GeoMetadata metadata, String uri, Configuration conf,
                                   CogOptions options) throws IOException {
        return new CogWriter(source, metadata).setConfiguration(conf).setOptions(options).write(uri);
    }

    public CogWriter setOptions(CogOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        return this;
    }

    public CogWriter setConfiguration(Configuration conf) {
        this.conf = conf;
        return this;
    }

    /** Whether an existing file at the target may be replaced (default {@code true}). */
    public CogWriter setOverwrite(boolean overwrite) {
        this.overwrite = overwrite;
        return this;
    }

    /**
     * The level sizes of a COG of {@code width × height}: full resolution, then each overview
     * {@code ceil(previous / 2)} on both sides, until both sides are at most {@code minOverviewSize}.
     */
    public static List<GridSize> levelSizes(int width, int height, int minOverviewSize) {
        List<GridSize> sizes = new ArrayList<>();
        int w = width, h = height;
        sizes.add(new GridSize(w, h));
        while (w > minOverviewSize || h > minOverviewSize) {
            w = (w + 1) / 2;
            h = (h + 1) / 2;
            sizes.add(new GridSize(w, h));
        }
        return sizes;
    }

    /**
     * Writes the COG to {@code uri}.
     *
     * @throws IllegalArgumentException if the options do not suit the data (e.g. the floating-point
     *         predictor on integers) — checked before anything is read or created
     * @throws java.nio.file.FileAlreadyExistsException if the target exists and overwrite is off
     * @throws IOException if reading the source or writing fails; nothing is left behind
     */
    public CogSummary write(String uri) throws IOException {
        int width = source.width(), height = source.height(), bands = source.bandCount();
        DataType type = Objects.requireNonNull(source.dataType(), "source data type");
        if (width < 1 || height < 1 || bands < 1 || bands > 0xFFFF) {
            throw new IllegalArgumentException("cannot write a COG of " + width + "x" + height + " pixels and "
                    + bands + " bands");
        }
        int predictor = options.predictor().tagValue(type, options.compression());
        int tileSize = options.tileSize();
        if ((long) width * Math.min(tileSize, height) * bands > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a strip of " + width + " x " + tileSize + " pixels x " + bands
                    + " bands does not fit one raster; use smaller tiles");
        }
        TileEncoder encoder = new TileEncoder(type, bands, tileSize, options.compression(), options.effectiveLevel(), predictor);
        List<GridSize> sizes = levelSizes(width, height, options.minOverviewSize());
        // Tags first: metadata that cannot be written (a GeoKey beyond a SHORT) fails before any reading.
        List<IfdEntries> tags = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            tags.add(CogTags.forLevel(i, sizes.get(i), tileSize, type, bands, options.compression(), predictor, metadata));
        }
        Path spillRoot = Path.of(options.spillDir() != null ? options.spillDir() : System.getProperty("java.io.tmpdir"));
        Configuration c = conf != null ? conf : new Configuration();

        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), threadFactory());
        List<TileSpill> spills = new ArrayList<>();
        Path spillDir = null;
        Throwable failure = null;
        try (AtomicOutput out = AtomicOutput.create(uri, c, overwrite)) {
            Files.createDirectories(spillRoot);
            spillDir = Files.createTempDirectory(spillRoot, "radnorm-cog-");
            PyramidLevel[] levels = pyramid(sizes, encoder, pool, spillDir, spills);
            encodeAll(levels[0], width, height, bands, type, tileSize);

            List<CogHeader.Level> layout = new ArrayList<>();
            for (PyramidLevel level : levels) {
                layout.add(new CogHeader.Level(tags.get(level.index()), level.spill().byteCounts(),
                        level.spill().length()));
            }
            CogHeader.Result header = CogHeader.build(layout, options.bigTiff(), uri);
            OutputStream os = out.stream();
            os.write(header.bytes());
            for (int i = levels.length - 1; i >= 0; i--) {
                levels[i].spill().copyTo(out); // smallest overview first, full resolution last
            }
            out.commit();
            return new CogSummary(uri, header.fileLength(), header.bigTiff(), sizes, predictor);
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            pool.shutdownNow();
            cleanUp(spills, spillDir, failure);
        }
    }

    /** The chain of levels, full resolution first, each feeding the next; spill files added to {@code spills}. */
    private PyramidLevel[] pyramid(List<GridSize> sizes, TileEncoder encoder, ExecutorService pool, Path spillDir,
                                   List<TileSpill> spills) throws IOException {
        int tileSize = options.tileSize();
        PyramidLevel.RasterFormat format = new PyramidLevel.RasterFormat(source.dataType(), source.bandCount(),
                metadata.nodata(), options.resampling());
        PyramidLevel[] levels = new PyramidLevel[sizes.size()];
        for (int i = sizes.size() - 1; i >= 0; i--) {
            GridSize s = sizes.get(i);
            int tiles = ((s.width() + tileSize - 1) / tileSize) * ((s.height() + tileSize - 1) / tileSize);
            TileSpill spill = new TileSpill(spillDir.resolve("level-" + i + ".tiles"), tiles);
            spills.add(spill);
            levels[i] = new PyramidLevel(i, s, tileSize, format, encoder, spill, pool,
                    i + 1 < sizes.size() ? levels[i + 1] : null);
        }
        return levels;
    }

    /** Pulls every strip of the source through the pyramid. */
    private void encodeAll(PyramidLevel top, int width, int height, int bands, DataType type, int tileSize)
            throws IOException {
        try {
            for (int y = 0; y < height; y += tileSize) {
                Window w = new Window(0, y, width, Math.min(tileSize, height - y));
                Raster strip = source.read(w);
                if (strip == null || strip.width() != w.width() || strip.height() != w.height()
                        || strip.bandCount() != bands || strip.dataType() != type) {
                    throw new IllegalStateException("the source returned " + strip + " for " + w + "; expected "
                            + w.width() + "x" + w.height() + "x" + bands + " " + type.gdalName());
                }
                top.accept(strip);
            }
            top.finish();
        } catch (IOException | RuntimeException | Error e) {
            top.cancel();
            throw e;
        }
    }

    /**
     * Deletes the spill files. After a failure, clean-up errors are attached to it; after a
     * successful write they are only logged: the output is complete and committed, and failing
     * the write would make a caller redo it for a temporary file it cannot use.
     */
    private static void cleanUp(List<TileSpill> spills, Path spillDir, Throwable failure) {
        List<IOException> errors = new ArrayList<>();
        for (TileSpill s : spills) {
            try {
                s.close();
            } catch (IOException e) {
                errors.add(e);
            }
        }
        if (spillDir != null) {
            try {
                Files.deleteIfExists(spillDir);
            } catch (IOException e) {
                errors.add(e);
            }
        }
        for (IOException e : errors) {
            if (failure != null) {
                failure.addSuppressed(e);
            } else {
                LOG.warn("could not delete COG spill data in {}: {}", spillDir, e.toString());
            }
        }
    }

    private static ThreadFactory threadFactory() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "radnorm-cog-encoder-" + n.incrementAndGet());
            t.setDaemon(true); // a caller that never returns must not keep the JVM alive
            return t;
        };
    }
}
