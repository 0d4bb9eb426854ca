package io.radnorm.bench;

import io.radnorm.raster.Raster;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.Window;
import io.radnorm.raster.tiff.CogOptions;
import io.radnorm.raster.tiff.CogSummary;
import io.radnorm.raster.tiff.CogWriter;
import io.radnorm.raster.tiff.GeoMetadata;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.raster.tiff.RasterSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Codec micro-benchmarks of radnorm's GeoTIFF reader and COG writer (a main, not a test; run by
 * {@code scripts/bench codec}). Prints one {@code RESULT ...} line per iteration.
 *
 * <pre>
 * CodecBench read  FILE [--mode tiles|rows] [--threads 2] [--iterations 3] [--window 512]
 * CodecBench write SRC OUT [--threads 2] [--iterations 2] [--spill DIR] [--level -1]
 * </pre>
 *
 * <p>{@code read --mode tiles}: the full-resolution image in {@code window}×{@code window} windows
 * (tile-aligned for 512-tiled COGs, so one tile per read), handed out to a pool of
 * {@code threads} threads. {@code --mode rows}: whole tile rows (full width × window) read one after
 * another by one thread; the reader decodes a row's tiles in parallel on the common fork-join pool
 * itself. Throughput = uncompressed full-resolution bytes / wall time.
 *
 * <p>{@code write}: {@link CogWriter} with the defaults (Deflate, predictor 2, 512 tiles, average
 * overviews) and {@code threads} encoding threads, from {@code SRC} read by {@link GeoTiffReader};
 * {@code --level} sets the Deflate level (-1: radnorm's default).
 */
public final class CodecBench {

    private CodecBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: CodecBench read FILE [options] | write SRC OUT [options]");
            System.exit(2);
        }
        BenchScenes.Args a = new BenchScenes.Args(args);
        try (HeapMonitor heap = new HeapMonitor()) {
            switch (args[0]) {
                case "read" -> read(args[1], a, heap);
                case "write" -> write(args[1], args[2], a, heap);
                default -> throw new IllegalArgumentException("unknown mode " + args[0]);
            }
        }
    }

    private static void read(String file, BenchScenes.Args a, HeapMonitor heap) throws Exception {
        String mode = a.get("--mode", "tiles");
        int threads = a.getInt("--threads", 2), iterations = a.getInt("--iterations", 3);
        int win = a.getInt("--window", 512);
        for (int it = 1; it <= iterations; it++) {
            heap.reset();
            GeoTiffReader.clearHeaderCache();
            long t0 = System.nanoTime();
            long checksum;
            long bytes;
            try (GeoTiffReader r = GeoTiffReader.open(file)) {
                RasterInfo info = r.info();
                bytes = (long) info.width() * info.height() * info.bandCount() * info.dataType().bytesPerSample();
                if (mode.equals("rows")) {
                    checksum = 0;
                    for (Window w : Window.grid(info.width(), info.height(), info.width(), win)) {
                        checksum += touch(r.read(w));
                    }
                } else {
                    ExecutorService pool = Executors.newFixedThreadPool(threads);
                    try {
                        List<Future<Long>> fs = new ArrayList<>();
                        for (Window w : Window.grid(info.width(), info.height(), win, win)) {
                            fs.add(pool.submit(() -> touch(r.read(w))));
                        }
                        checksum = 0;
                        for (Future<Long> f : fs) {
                            checksum += f.get();
                        }
                    } finally {
                        pool.shutdownNow();
                    }
                }
            }
            double sec = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "RESULT op=read mode=%s threads=%d iter=%d wall_s=%.3f mb_s=%.1f "
                            + "bytes=%d checksum=%d %s%n", mode, threads, it, sec, bytes / 1e6 / sec, bytes, checksum,
                    heap.report());
        }
    }

    /** A cheap function of every 64th sample, so the JIT cannot drop the decode. */
    private static long touch(Raster r) {
        short[] d = (short[]) r.data();
        long s = 0;
        for (int i = 0; i < d.length; i += 64) {
            s += d[i] & 0xFFFF;
        }
        return s;
    }

    private static void write(String src, String out, BenchScenes.Args a, HeapMonitor heap) throws Exception {
        int threads = a.getInt("--threads", 2), iterations = a.getInt("--iterations", 2);
        CogOptions options = CogOptions.defaults().withThreads(threads).withLevel(a.getInt("--level", -1));
        String spill = a.get("--spill", Path.of(out).toAbsolutePath().getParent().toString());
        for (int it = 1; it <= iterations; it++) {
            Files.deleteIfExists(Path.of(out));
            heap.reset();
            GeoTiffReader.clearHeaderCache();
            long t0 = System.nanoTime();
            CogSummary s;
            long bytes;
            try (GeoTiffReader r = GeoTiffReader.open(src)) {
                RasterInfo info = r.info();
                bytes = (long) info.width() * info.height() * info.bandCount() * info.dataType().bytesPerSample();
                s = CogWriter.write(RasterSource.of(r), GeoMetadata.of(info), out, null,
                        options.withSpillDir(spill));
            }
            double sec = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "RESULT op=write threads=%d deflate_level=%d iter=%d wall_s=%.3f mb_s=%.1f "
                            + "bytes=%d out_bytes=%d levels=%d %s%n", threads, options.effectiveLevel(), it, sec, bytes / 1e6 / sec, bytes,
                    s.length(), s.levels().size(), heap.report());
        }
    }
}
