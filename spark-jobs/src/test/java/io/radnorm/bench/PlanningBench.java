package io.radnorm.bench;

import io.radnorm.algorithms.OverlapComponents;
import io.radnorm.algorithms.OverlapFinder;
import io.radnorm.algorithms.stats.CanvasCells;
import io.radnorm.spark.CanvasCellPass;
import io.radnorm.spark.RasterCollection;
import io.radnorm.spark.global.GlobalRegression;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * Benchmark of job planning at scale (scripts/bench planning): header reading, checks, overlap
 * pair discovery and the canvas cells of the statistics pass, for 10⁴–10⁵ footprints, with no
 * pixel anywhere.
 *
 * <pre>
 * PlanningBench generate TEMPLATE.tif DIR COUNT [OVERLAP]
 * PlanningBench plan DIR [--cell-pixels 2048]
 * </pre>
 *
 * <p>{@code generate} writes COUNT copies of a header-only GeoTIFF (made by
 * {@code gdal_create -co SPARSE_OK=TRUE}: every TileOffsets/TileByteCounts entry 0, a few hundred
 * bytes a file) laid out in a square grid, each shifted so that it overlaps its 8 neighbours by
 * OVERLAP (default 0.1) of its side: only the ModelTiepointTag's X and Y change. {@code plan}
 * runs, on Spark local[2] with radnorm's session settings, the planning steps of every job —
 * {@code RasterPaths.resolve} and {@code RasterHeaders.read} (headers on the executors) and
 * {@code RasterCollection.of} (checks), {@code OverlapFinder.find} (JTS STRtree),
 * {@code OverlapComponents}, {@code CanvasCells.cells} — and prints one {@code RESULT} line with
 * the time of each and the serialized size of the header collection that every pass broadcasts.
 */
public final class PlanningBench {

    private static final int MODEL_TIEPOINT = 33922;
    private static final int MODEL_PIXEL_SCALE = 33550;
    private static final int IMAGE_WIDTH = 256;

    private PlanningBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 4 && args[0].equals("generate")) {
            generate(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]),
                    args.length > 4 ? Double.parseDouble(args[4]) : 0.1);
        } else if (args.length >= 2 && args[0].equals("plan")) {
            int cellPixels = args.length > 3 && args[2].equals("--cell-pixels") ? Integer.parseInt(args[3])
                    : CanvasCellPass.DEFAULT_CELL_PIXELS;
            plan(args[1], cellPixels);
        } else {
            System.err.println("usage: PlanningBench generate TEMPLATE DIR COUNT [OVERLAP] | plan DIR [--cell-pixels N]");
            System.exit(2);
        }
    }

    static void generate(Path template, Path dir, int count, double overlap) throws IOException {
        byte[] bytes = Files.readAllBytes(template);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(bytes[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        if (b.getShort(2) != 42) {
            throw new IOException(template + ": not a classic TIFF");
        }
        int ifd = b.getInt(4);
        int entries = Short.toUnsignedInt(b.getShort(ifd));
        int tiepoint = -1;
        int scale = -1;
        int width = -1;
        for (int e = 0; e < entries; e++) {
            int at = ifd + 2 + 12 * e;
            int tag = Short.toUnsignedInt(b.getShort(at));
            if (tag == MODEL_TIEPOINT) {
                tiepoint = b.getInt(at + 8);
            } else if (tag == MODEL_PIXEL_SCALE) {
                scale = b.getInt(at + 8);
            } else if (tag == IMAGE_WIDTH) {
                width = b.getShort(at + 2) == 3 ? Short.toUnsignedInt(b.getShort(at + 8)) : b.getInt(at + 8);
            }
        }
        if (tiepoint < 0 || scale < 0 || width < 0) {
            throw new IOException(template + ": needs ImageWidth, ModelPixelScale and ModelTiepoint tags");
        }
        double x0 = b.getDouble(tiepoint + 24);
        double y0 = b.getDouble(tiepoint + 32);
        double step = width * b.getDouble(scale) * (1 - overlap);
        int side = (int) Math.ceil(Math.sqrt(count));
        Files.createDirectories(dir);
        for (int k = 0; k < count; k++) {
            b.putDouble(tiepoint + 24, x0 + (k % side) * step);
            b.putDouble(tiepoint + 32, y0 - (k / side) * step);
            Files.write(dir.resolve(String.format(Locale.ROOT, "fp_%06d.tif", k)), bytes);
        }
        System.out.printf(Locale.ROOT, "generated %d header-only GeoTIFFs of %d bytes in %s (%d per row, overlap %.2f)%n",
                count, bytes.length, dir, side, overlap);
    }

    static void plan(String dir, int cellPixels) throws Exception {
        SparkSession spark = io.radnorm.spark.SparkSessions.getOrCreate("radnorm planning bench");
        try {
            long t0 = System.nanoTime();
            RasterCollection images = GlobalRegression.readCollection(spark, List.of(dir), null);
            long t1 = System.nanoTime();
            List<OverlapFinder.Overlap> pairs = OverlapFinder.find(images.footprints());
            long t2 = System.nanoTime();
            int components = OverlapComponents.of(images.size(), pairs).components().size();
            long t3 = System.nanoTime();
            List<CanvasCells.Cell> cells = CanvasCells.cells(images.footprints(), cellPixels * images.finestPixelSize());
            long t4 = System.nanoTime();
            long kryoBytes = spark.sparkContext().env().serializer().newInstance()
                    .serialize(images, scala.reflect.ClassTag$.MODULE$.AnyRef()).remaining();
            long cellBytes = javaSerializedSize(new ArrayList<>(cells));
            System.out.printf(Locale.ROOT, "RESULT images=%d pairs=%d components=%d cells=%d headers_s=%.2f"
                            + " pairs_s=%.3f components_s=%.3f cells_s=%.3f headers_broadcast_bytes=%d cells_task_bytes=%d%n",
                    images.size(), pairs.size(), components, cells.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                    (t3 - t2) / 1e9, (t4 - t3) / 1e9, kryoBytes, cellBytes);
        } finally {
            spark.stop();
        }
    }

    private static long javaSerializedSize(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.size();
    }
}
