package io.radnorm.raster.tiff;

import io.radnorm.raster.GridSize;
import io.radnorm.raster.Raster;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.RasterLayout;
import io.radnorm.raster.Window;
import io.radnorm.raster.crs.GeoKeyDirectory;
import io.radnorm.raster.fs.FileIdentity;
import io.radnorm.raster.fs.RangeReader;
import io.radnorm.raster.fs.RangeReaders;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * Reads windows of a GeoTIFF or Cloud-Optimized GeoTIFF from any Hadoop FileSystem path.
 *
 * <p>Supports classic TIFF and BigTIFF, strips and tiles, PlanarConfiguration 1 and 2, 8/16/32-bit
 * integers and 32/64-bit floats, compression none, LZW, Deflate, PackBits and ZSTD, predictors 1–3,
 * GeoTIFF georeferencing, {@code GDAL_NODATA} and internal overviews. A read touches only the
 * blocks under its window, with positioned reads: a file is never read whole.
 *
 * <p>The header of each file is parsed once per JVM: {@link #open(String, Configuration)} keeps
 * the parsed structure in a small LRU cache keyed by path, length and modification time, so the
 * many tasks that read windows of one image on an executor do not re-read its IFDs, and a file
 * rewritten in place is noticed. Instances are thread-safe.
 */
public final class GeoTiffReader implements Closeable {

    private static final int CACHE_SIZE = 1024;
    private static final Map<FileIdentity, Parsed> HEADERS = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<FileIdentity, Parsed> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    /** A parsed file: its structure, full-resolution image, overviews (largest first) and info. */
    private record Parsed(TiffStructure structure, TiffImage main, List<TiffImage> overviews, RasterInfo info) {
    }

    private final RangeReader in;
    private final Parsed parsed;

    private GeoTiffReader(RangeReader in, Parsed parsed) {
        this.in = in;
        this.parsed = parsed;
    }

    /** Opens a local path or URI with a default Hadoop configuration. */
    public static GeoTiffReader open(String uri) throws IOException {
        return open(uri, new Configuration());
    }

    /** Opens any Hadoop FileSystem URI ({@code s3a://}, {@code hdfs://}, {@code file:}, local path). */
    public static GeoTiffReader open(String uri, Configuration conf) throws IOException {
        FileIdentity id = RangeReaders.identify(uri, conf);
        RangeReader in = RangeReaders.open(uri, conf);
        try {
            Parsed p = HEADERS.get(id);
            if (p == null) {
                p = parse(in);
                HEADERS.put(id, p);
            }
            return new GeoTiffReader(in, p);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Opens an already-open range reader (not cached; the reader is closed with this one). */
    public static GeoTiffReader open(RangeReader in) throws IOException {
        return new GeoTiffReader(in, parse(in));
    }

    /** The header of a file without keeping it open. */
    public static RasterInfo info(String uri, Configuration conf) throws IOException {
        try (GeoTiffReader r = open(uri, conf)) {
            return r.info();
        }
    }

    private static Parsed parse(RangeReader in) throws IOException {
        String location = in.location();
        TiffStructure s = TiffStructureReader.read(in);
        TiffImage main = null;
        List<TiffImage> overviews = new ArrayList<>();
        for (TiffDirectory d : s.directories()) {
            TiffImage img = TiffImage.of(location, d);
            if (img.isMask()) {
                continue; // internal nodata masks are not used: radnorm masks by nodata value
            }
            if (main == null && !img.isReducedResolution()) {
                main = img;
            } else if (main != null && img.isReducedResolution() && img.samplesPerPixel() == main.samplesPerPixel()
                    && img.dataType() == main.dataType()) {
                overviews.add(img);
            }
        }
        if (main == null) {
            throw new TiffFormatException(location, "no full-resolution image in the file");
        }
        overviews.sort((a, b) -> Integer.compare(b.width(), a.width()));
        GeoKeyDirectory keys = GeoTiffTags.geoKeys(main.directory());
        List<GridSize> sizes = overviews.stream().map(o -> new GridSize(o.width(), o.height())).toList();
        RasterLayout layout = new RasterLayout(main.tiled(), main.blockWidth(), main.blockHeight(), main.compression(),
                main.predictor(), main.planarSeparate(), s.bigTiff(), sizes, s.declaresCog());
        RasterInfo info = new RasterInfo(location, main.width(), main.height(), main.samplesPerPixel(), main.dataType(),
                GeoTiffTags.geoTransform(main.directory(), keys), GeoTiffTags.crs(keys),
                GeoTiffTags.nodata(main.directory()), layout);
        return new Parsed(s, main, List.copyOf(overviews), info);
    }

    public RasterInfo info() {
        return parsed.info();
    }

    /** The parsed TIFF structure (IFD offsets and tags), for validators and tests. */
    public TiffStructure structure() {
        return parsed.structure();
    }

    public int overviewCount() {
        return parsed.overviews().size();
    }

    /** Reads all bands of a window of the full-resolution image. */
    public Raster read(Window w) throws IOException {
        return read(w, allBands());
    }

    /** Reads the given bands (0-based, in the order given) of a window of the full-resolution image. */
    public Raster read(Window w, int... bands) throws IOException {
        return readLevel(0, w, bands);
    }

    /**
     * Reads a window of overview level {@code level} (0 = full resolution, 1 = the largest overview).
     * Pixels outside the stored data of sparse blocks read as nodata (or 0 if none is set).
     */
    public Raster readLevel(int level, Window w, int... bands) throws IOException {
        if (level < 0 || level > overviewCount()) {
            throw new IllegalArgumentException(in.location() + " has no overview level " + level
                    + " (it has " + overviewCount() + ")");
        }
        TiffImage img = level == 0 ? parsed.main() : parsed.overviews().get(level - 1);
        Double nodata = parsed.info().nodata();
        double fill = nodata == null ? 0 : nodata;
        return new TiffWindowReader(in, parsed.structure().byteOrder(), img, fill).read(w, bands);
    }

    /** Size of overview level {@code level} (0 = full resolution). */
    public GridSize levelSize(int level) {
        TiffImage img = level == 0 ? parsed.main() : parsed.overviews().get(level - 1);
        return new GridSize(img.width(), img.height());
    }

    private int[] allBands() {
        int[] b = new int[parsed.info().bandCount()];
        for (int i = 0; i < b.length; i++) {
            b[i] = i;
        }
        return b;
    }

    /** Forgets every cached header (tests, or a long-lived JVM after inputs were replaced). */
    public static void clearHeaderCache() {
        HEADERS.clear();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
