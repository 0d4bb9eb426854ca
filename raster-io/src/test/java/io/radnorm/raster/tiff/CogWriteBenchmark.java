package io.radnorm.raster.tiff;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import io.radnorm.raster.DataType;
import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.Raster;
import io.radnorm.raster.Window;
import io.radnorm.raster.crs.Crs;
import io.radnorm.raster.crs.GeoKeyDirectory;
import io.radnorm.raster.tiff.codec.Compression;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Throughput and memory of {@link CogWriter} on a large synthetic image, against GDAL. Not a test:
 * run by hand, e.g. with a small heap to show that memory does not grow with the image:
 *
 * <pre>
 * mvn -q -o -pl raster-io test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx384m -cp raster-io/target/test-classes:raster-io/target/classes:$(cat /tmp/cp.txt) \
 *     io.radnorm.raster.tiff.CogWriteBenchmark /tmp/cog-bench [width] [height] [bands] [threads]
 * </pre>
 *
 * <p>Writes an 8192×8192×4 UInt16 image (a smooth gradient plus noise, generated window by window,
 * never held whole): first uncompressed (the input for GDAL), then Deflate + horizontal predictor
 * from the generator and from the uncompressed file, and then times
 * {@code gdal_translate -of COG -co COMPRESS=DEFLATE -co PREDICTOR=2 -co NUM_THREADS=2} on the same
 * uncompressed file. Prints seconds, MB/s of uncompressed pixels, output size and the peak heap.
 */
public final class CogWriteBenchmark {

    private CogWriteBenchmark() {
    }

    /** The synthetic image: deterministic per pixel, so any window gives the same values. */
    static RasterSource synthetic(int width, int height, int bands) {
        return new RasterSource() {
            @Override
            public int width() {
                return width;
            }

            @Override
            public int height() {
                return height;
            }

            @Override
            public int bandCount() {
                return bands;
            }

            @Override
            public DataType dataType() {
                return DataType.UINT16;
            }

            @Override
            public Raster read(Window w) {
                Raster r = Raster.allocate(DataType.UINT16, w.width(), w.height(), bands);
                short[] d = (short[]) r.data();
                int i = 0;
                for (int b = 0; b < bands; b++) {
                    for (int y = w.y(); y < w.maxY(); y++) {
                        for (int x = w.x(); x < w.maxX(); x++) {
                            // Reflectance-like: a gradient across the scene, a band offset, a little sensor noise.
                            int gradient = 4000 + (int) (20000L * (x + y) / ((long) width + height)) + 1500 * b;
                            int noise = (mix(x, y, b) & 0x3F) - 32;
                            d[i++] = (short) (gradient + noise);
                        }
                    }
                }
                return r;
            }
        };
    }

    private static int mix(int x, int y, int b) {
        int h = x * 0x9E3779B1 ^ y * 0x85EBCA77 ^ b * 0xC2B2AE3D;
        h ^= h >>> 15;
        h *= 0x2C1B3C6D;
        return h ^ (h >>> 13);
    }

    /**
     * Heap while something runs: the peak of used heap (sampled; includes garbage not yet
     * collected, so it mostly shows the -Xmx the GC was allowed to fill) and the peak of the heap
     * left after each collection (from GC notifications: the live set, what the writer holds).
     */
    private static final class HeapWatch implements AutoCloseable {
        private final Thread sampler;
        private final List<Runnable> unregister = new ArrayList<>();
        private volatile boolean running = true;
        private volatile long peakUsed;
        private final AtomicLong peakLive = new AtomicLong();
        private final long gcCount0 = gcCount();
        private final long gcMillis0 = gcMillis();

        HeapWatch() {
            System.gc();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    NotificationListener l = (n, handback) -> {
                        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                            GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
                            long live = 0;
                            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                                MemoryUsage u = info.getMemoryUsageAfterGc().get(p.getName());
                                if (p.getType() == MemoryType.HEAP && u != null) {
                                    live += u.getUsed();
                                }
                            }
                            long l2 = live;
                            peakLive.accumulateAndGet(l2, Math::max);
                        }
                    };
                    emitter.addNotificationListener(l, null, null);
                    unregister.add(() -> {
                        try {
                            emitter.removeNotificationListener(l);
                        } catch (ListenerNotFoundException e) {
                            // already gone
                        }
                    });
                }
            }
            sampler = new Thread(() -> {
                while (running) {
                    peakUsed = Math.max(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
        }

        static long gcCount() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
        }

        static long gcMillis() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        }

        String report() {
            return String.format(Locale.ROOT, "heap peak used %3d MiB, peak live after GC %3d MiB, %3d GCs %4d ms",
                    peakUsed >> 20, peakLive.get() >> 20, gcCount() - gcCount0, gcMillis() - gcMillis0);
        }

        @Override
        public void close() {
            running = false;
            sampler.interrupt();
            unregister.forEach(Runnable::run);
        }
    }

    private static void run(String name, long pixelBytes, Path out, IoAction action) throws Exception {
        run(name, pixelBytes, out, true, action);
    }

    /** Times {@code action}; the heap is reported only for work done in this JVM ({@code inJvm}). */
    private static void run(String name, long pixelBytes, Path out, boolean inJvm, IoAction action) throws Exception {
        long t0 = System.nanoTime();
        String heap;
        try (HeapWatch w = new HeapWatch()) {
            action.run();
            heap = inJvm ? w.report() : "(separate process)";
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%-36s %7.2f s %7.1f MB/s %8.1f MB  %s%n", name, s, pixelBytes / 1e6 / s,
                Files.size(out) / 1e6, heap);
    }

    private interface IoAction {
        void run() throws Exception;
    }

    private static String exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + text);
        }
        return text;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "/tmp/radnorm-cog-bench"));
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 8192;
        int height = args.length > 2 ? Integer.parseInt(args[2]) : 8192;
        int bands = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        long pixelBytes = (long) width * height * bands * 2;
        RasterSource src = synthetic(width, height, bands);
        GeoMetadata meta = new GeoMetadata(GeoTransform.northUp(500000, 4100000, 10, 10),
                new Crs(32605, GeoKeyDirectory.forEpsg(32605, true)), 0.0);
        CogOptions deflate = CogOptions.defaults().withThreads(threads).withSpillDir(dir.resolve("spill").toString());
        System.out.printf(Locale.ROOT, "%dx%dx%d UInt16 (%.0f MB of pixels), %d threads, -Xmx %d MiB, %d processors,"
                + " load average %.2f%n", width, height, bands, pixelBytes / 1e6, threads,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        Path none = dir.resolve("input-none.tif");
        run("radnorm synthetic -> NONE", pixelBytes, none, () -> CogWriter.write(src, meta, none.toString(), null,
                deflate.withCompression(Compression.NONE)));
        Path ours = dir.resolve("radnorm-deflate.tif");
        run("radnorm synthetic -> DEFLATE+pred", pixelBytes, ours, () -> CogWriter.write(src, meta, ours.toString(), null,
                deflate));
        Path fromFile = dir.resolve("radnorm-deflate-from-file.tif");
        run("radnorm input file -> DEFLATE+pred", pixelBytes, fromFile, () -> {
            try (GeoTiffReader r = GeoTiffReader.open(none.toString())) {
                CogWriter.write(RasterSource.of(r), GeoMetadata.of(r.info()), fromFile.toString(), null, deflate);
            }
        });
        // Deflate level 1: java.util.zip is zlib, several times slower than the libdeflate GDAL uses at level 6.
        Path fast = dir.resolve("radnorm-deflate1.tif");
        run("radnorm synthetic -> DEFLATE 1+pred", pixelBytes, fast, () -> CogWriter.write(src, meta, fast.toString(),
                null, deflate.withLevel(1)));
        Path zstd = dir.resolve("radnorm-zstd.tif");
        run("radnorm synthetic -> ZSTD+pred", pixelBytes, zstd, () -> CogWriter.write(src, meta, zstd.toString(), null,
                deflate.withCompression(Compression.ZSTD)));
        if (Files.isExecutable(Path.of("/usr/bin/gdal_translate"))) {
            Path gdalZstd = dir.resolve("gdal-zstd.tif");
            Files.deleteIfExists(gdalZstd);
            List<String> zcmd = new ArrayList<>(List.of("gdal_translate", "-q", "-of", "COG", "-co", "COMPRESS=ZSTD",
                    "-co", "PREDICTOR=2", "-co", "NUM_THREADS=" + threads, none.toString(), gdalZstd.toString()));
            run("gdal_translate -of COG ZSTD+pred", pixelBytes, gdalZstd, false, () -> exec(zcmd));
            Path gdal = dir.resolve("gdal-deflate.tif");
            Files.deleteIfExists(gdal);
            List<String> cmd = new ArrayList<>(List.of("gdal_translate", "-q", "-of", "COG", "-co", "COMPRESS=DEFLATE",
                    "-co", "PREDICTOR=2", "-co", "NUM_THREADS=" + threads, none.toString(), gdal.toString()));
            run("gdal_translate -of COG DEFLATE+pred", pixelBytes, gdal, false, () -> exec(cmd));
            for (Path p : List.of(ours, gdal)) {
                String v = exec(List.of("/usr/bin/python3", "-m", "osgeo_utils.samples.validate_cloud_optimized_geotiff",
                        "--full-check=yes", p.toString()));
                System.out.println(v.lines().findFirst().orElse(""));
            }
        }
    }
}
