package io.radnorm.raster.tiff.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/**
 * Decode throughput of every codec on 64 MiB of realistic uint16 imagery, for comparing changes
 * over time; not a test. Run with the test classpath:
 * <pre>
 * java -Xmx2g -cp raster-io/target/classes:raster-io/target/test-classes:$(cat /tmp/cp.txt) \
 *     io.radnorm.raster.tiff.codec.CodecBenchmark
 * </pre>
 * The image is a smooth gradient plus Gaussian noise (sigma 8 DN), like a calibrated satellite
 * band, cut into 512 x 512 tiles (GDAL's COG default) and written with predictor 2, as
 * {@code gdal_translate -co COMPRESS=... -co PREDICTOR=2 -co TILED=YES -co BLOCKXSIZE=512} would.
 * Decoding a tile means decompressing it and undoing the predictor, which is what the reader does;
 * the predictor's own cost is also shown separately. Single-threaded, best of several passes
 * after warm-up, in MB/s (10^6 bytes) of decoded pixels.
 */
public final class CodecBenchmark {

    private static final int WIDTH = 8192;
    private static final int HEIGHT = 4096;
    private static final int TILE = 512;
    private static final int TILE_BYTES = TILE * TILE * 2;
    private static final int PASSES = 5;

    private CodecBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        byte[][] tiles = tiles(image());
        long total = (long) tiles.length * TILE_BYTES;
        System.out.printf("%d tiles of %dx%d uint16, %.1f MiB, predictor 2, little-endian, 1 thread%n",
                tiles.length, TILE, TILE, total / 1048576.0);

        byte[] work = new byte[TILE_BYTES];
        double predictor = best(() -> {
            for (byte[] tile : tiles) {
                System.arraycopy(tile, 0, work, 0, TILE_BYTES);
                Predictors.decodeHorizontal(work, 0, TILE, TILE, 1, 2, ByteOrder.LITTLE_ENDIAN);
            }
        }, total);
        System.out.printf("%-9s %8s %14s %18s%n", "codec", "ratio", "decode MB/s", "+predictor MB/s");
        System.out.printf("%-9s %8s %14s %18.0f%n", "predictor", "", "", predictor);

        for (Compression c : Compression.values()) {
            TiffCodec codec = c.codec(-1);
            byte[][] encoded = new byte[tiles.length][];
            long compressed = 0;
            for (int t = 0; t < tiles.length; t++) {
                byte[] predicted = tiles[t].clone();
                Predictors.encodeHorizontal(predicted, 0, TILE, TILE, 1, 2, ByteOrder.LITTLE_ENDIAN);
                encoded[t] = codec.encode(predicted, 0, predicted.length);
                compressed += encoded[t].length;
            }
            double decodeOnly = best(() -> {
                for (byte[] e : encoded) {
                    codec.decode(e, 0, e.length, work, 0, TILE_BYTES);
                }
            }, total);
            double withPredictor = best(() -> {
                for (byte[] e : encoded) {
                    codec.decode(e, 0, e.length, work, 0, TILE_BYTES);
                    Predictors.decodeHorizontal(work, 0, TILE, TILE, 1, 2, ByteOrder.LITTLE_ENDIAN);
                }
            }, total);
            System.out.printf("%-9s %8.2f %14.0f %18.0f%n", c, (double) total / compressed, decodeOnly, withPredictor);
        }
    }

    private interface Pass {
        void run() throws IOException;
    }

    /** Best throughput over {@link #PASSES} timed passes after two warm-up passes. */
    private static double best(Pass pass, long bytes) throws IOException {
        pass.run();
        pass.run();
        long bestNanos = Long.MAX_VALUE;
        for (int i = 0; i < PASSES; i++) {
            long t0 = System.nanoTime();
            pass.run();
            bestNanos = Math.min(bestNanos, System.nanoTime() - t0);
        }
        return bytes / (bestNanos / 1e9) / 1e6;
    }

    /** A smooth radiance field with sensor noise, as little-endian uint16. */
    private static byte[] image() {
        Random rnd = new Random(42);
        ByteBuffer b = ByteBuffer.allocate(WIDTH * HEIGHT * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double v = 12000 + 6000 * Math.sin(x / 900.0) * Math.cos(y / 700.0) + 0.4 * x + 0.2 * y
                        + 8 * rnd.nextGaussian();
                b.putShort((short) Math.max(0, Math.min(65535, Math.round(v))));
            }
        }
        return b.array();
    }

    /** Cuts the image into row-major tiles of TILE x TILE pixels. */
    private static byte[][] tiles(byte[] image) {
        int across = WIDTH / TILE;
        byte[][] tiles = new byte[across * (HEIGHT / TILE)][TILE_BYTES];
        for (int t = 0; t < tiles.length; t++) {
            int x0 = (t % across) * TILE;
            int y0 = (t / across) * TILE;
            for (int row = 0; row < TILE; row++) {
                System.arraycopy(image, ((y0 + row) * WIDTH + x0) * 2, tiles[t], row * TILE * 2, TILE * 2);
            }
        }
        return tiles;
    }
}
