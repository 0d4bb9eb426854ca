package io.radnorm.bench;

import io.radnorm.raster.Raster;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.Window;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.raster.tiff.SampleBytes;
import io.radnorm.raster.tiff.codec.Compression;
import io.radnorm.raster.tiff.codec.Predictors;
import io.radnorm.raster.tiff.codec.TiffCodec;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Single-thread speed and ratio of the tile codecs radnorm can write, on real tiles of a
 * benchmark scene (a main, not a test; {@code scripts/bench profile-codecs}): the tiles are
 * prepared exactly as the COG writer prepares them (pixel-interleaved little-endian UInt16,
 * predictor 2), then compressed with each codec and level, and decompressed again.
 *
 * <pre>CompressionLevels FILE [--tiles 16]</pre>
 */
public final class CompressionLevels {

    private CompressionLevels() {
    }

    public static void main(String[] args) throws Exception {
        BenchScenes.Args a = new BenchScenes.Args(args);
        int count = a.getInt("--tiles", 16);
        List<byte[]> tiles = new ArrayList<>();
        try (GeoTiffReader r = GeoTiffReader.open(args[0])) {
            RasterInfo info = r.info();
            int ts = 512, bands = info.bandCount(), bps = info.dataType().bytesPerSample();
            int across = info.width() / ts, down = info.height() / ts;
            for (int k = 0; k < count; k++) { // spread over the image, away from the nodata frame
                int tx = 1 + (k * 7) % Math.max(1, across - 2), ty = 1 + (k * 5) % Math.max(1, down - 2);
                Raster t = r.read(new Window(tx * ts, ty * ts, ts, ts));
                byte[] buf = new byte[ts * ts * bands * bps];
                for (int y = 0; y < ts; y++) {
                    for (int b = 0; b < bands; b++) {
                        SampleBytes.write(t.data(), t.index(b, 0, y), ts, info.dataType(), buf, y * ts * bands + b,
                                bands, ByteOrder.LITTLE_ENDIAN);
                    }
                }
                Predictors.encodeHorizontal(buf, 0, ts, ts, bands, bps, ByteOrder.LITTLE_ENDIAN);
                tiles.add(buf);
            }
        }
        long raw = tiles.stream().mapToLong(t -> t.length).sum();
        System.out.printf(Locale.ROOT, "%d tiles of %d bytes (predictor 2 applied), one thread%n", tiles.size(),
                tiles.get(0).length);
        System.out.printf(Locale.ROOT, "%-12s %10s %12s %12s%n", "codec", "ratio", "encode MB/s", "decode MB/s");
        run("deflate-1", Compression.DEFLATE, 1, tiles, raw);
        run("deflate-3", Compression.DEFLATE, 3, tiles, raw);
        run("deflate-6", Compression.DEFLATE, 6, tiles, raw);
        run("deflate-9", Compression.DEFLATE, 9, tiles, raw);
        run("zstd-1", Compression.ZSTD, 1, tiles, raw);
        run("zstd-3", Compression.ZSTD, 3, tiles, raw);
        run("zstd-9", Compression.ZSTD, 9, tiles, raw);
        run("lzw", Compression.LZW, -1, tiles, raw);
    }

    private static void run(String name, Compression c, int level, List<byte[]> tiles, long raw) throws Exception {
        TiffCodec codec = c.codec(level);
        double bestEnc = Double.MAX_VALUE, bestDec = Double.MAX_VALUE;
        long packed = 0;
        List<byte[]> out = new ArrayList<>();
        for (int rep = 0; rep < 4; rep++) { // the first repetition warms up the JIT
            out.clear();
            packed = 0;
            long t0 = System.nanoTime();
            for (byte[] t : tiles) {
                byte[] e = codec.encode(t, 0, t.length);
                packed += e.length;
                out.add(e);
            }
            double enc = (System.nanoTime() - t0) / 1e9;
            byte[] dst = new byte[tiles.get(0).length];
            t0 = System.nanoTime();
            for (byte[] e : out) {
                codec.decode(e, 0, e.length, dst, 0, dst.length);
            }
            double dec = (System.nanoTime() - t0) / 1e9;
            if (rep > 0) {
                bestEnc = Math.min(bestEnc, enc);
                bestDec = Math.min(bestDec, dec);
            }
        }
        System.out.printf(Locale.ROOT, "%-12s %10.3f %12.1f %12.1f%n", name, (double) packed / raw, raw / 1e6 / bestEnc,
                raw / 1e6 / bestDec);
    }
}
