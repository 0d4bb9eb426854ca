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
 *     io.radnorm.raster.tiff.codec.CodecBenchmark [lzw deflate ...]
 * </pre>
 * The image is a smooth gradient plus Gaussian noise (sigma 8 DN), like a calibrated satellite
 * band, cut into 512 x 512 tiles (GDAL's COG default) and written with predictor 2, as
 * {@code gdal_translate -co COMPRESS=... -co PREDICTOR=2 -co TILED=YES -co BLOCKXSIZE=512} would.
 * Decoding a tile means decompressing it and undoing the predictor, which is what the reader does;
 * the predictor's own cost is also shown separately, and encoding (without the predictor) for
 * reference. Single-threaded, in MB/s (10^6 bytes) of uncompressed pixels, after warm-up; see
 * {@link #throughput} for how the machine's other load is kept out of the figures.
 */
public final class CodecBenchmark {

    private static final int WIDTH = 8192;
    private static final int HEIGHT = 4096;
    private static final int TILE = 512;
    private static final int TILE_BYTES = TILE * TILE * 2;
    /** Tiles timed together: 4 MiB, a few milliseconds of work. */
    private static final int GROUP = 8;
    private static final int DECODE_PASSES = 5;
    private static final int ENCODE_PASSES = 2;

    private CodecBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        byte[][] tiles = tiles(image());
        long total = (long) tiles.length * TILE_BYTES;
        System.out.printf("%d tiles of %dx%d uint16, %.1f MiB, predictor 2, little-endian, 1 thread%n",
                tiles.length, TILE, TILE, total / 1048576.0);
        System.out.printf("%-9s %7s %13s %13s %17s%n", "codec", "ratio", "encode MB/s", "decode MB/s",
                "+predictor MB/s");

        byte[] work = new byte[TILE_BYTES];
        TileOp undoPredictor = t -> {
            System.arraycopy(tiles[t], 0, work, 0, TILE_BYTES);
            Predictors.decodeHorizontal(work, 0, TILE, TILE, 1, 2, ByteOrder.LITTLE_ENDIAN);
        };
        warmUp(tiles.length, undoPredictor);
        System.out.printf("%-9s %7s %13s %13s %17.0f%n", "predictor", "", "", "",
                throughput(tiles.length, DECODE_PASSES, undoPredictor));

        for (Compression c : Compression.values()) {
            if (!selected(c, args)) {
                continue;
            }
            TiffCodec codec = c.codec(-1);
            byte[][] predicted = new byte[tiles.length][];
            byte[][] encoded = new byte[tiles.length][];
            long compressed = 0;
            for (int t = 0; t < tiles.length; t++) {
                predicted[t] = tiles[t].clone();
                Predictors.encodeHorizontal(predicted[t], 0, TILE, TILE, 1, 2, ByteOrder.LITTLE_ENDIAN);
                encoded[t] = codec.encode(predicted[t], 0, TILE_BYTES);
                compressed += encoded[t].length;
            }
            // The pass above warmed the encoder up; encoding is slow, so fewer timed passes.
            double encode = throughput(tiles.length, ENCODE_PASSES,
                    t -> codec.encode(predicted[t], 0, TILE_BYTES));
            TileOp decode = t -> codec.decode(encoded[t], 0, encoded[t].length, work, 0, TILE_BYTES);
            warmUp(tiles.length, decode);
            double decodeOnly = throughput(tiles.length, DECODE_PASSES, decode);
            TileOp decodeAll = t -> {
                codec.decode(encoded[t], 0, encoded[t].length, work, 0, TILE_BYTES);
                Predictors.decodeHorizontal(work, 0, TILE, TILE, 1, 2, ByteOrder.LITTLE_ENDIAN);
            };
            warmUp(tiles.length, decodeAll);
            double withPredictor = throughput(tiles.length, DECODE_PASSES, decodeAll);
            System.out.printf("%-9s %7.2f %13.0f %13.0f %17.0f%n", c, (double) total / compressed, encode,
                    decodeOnly, withPredictor);
        }
    }

    /** With arguments (compression names), only those codecs are measured. */
    private static boolean selected(Compression c, String[] args) {
        for (String a : args) {
            if (Compression.parse(a) == c) {
                return true;
            }
        }
        return args.length == 0;
    }

    private interface TileOp {
        void run(int tile) throws IOException;
    }

    private static void warmUp(int tiles, TileOp op) throws IOException {
        for (int pass = 0; pass < 2; pass++) {
            for (int t = 0; t < tiles; t++) {
                op.run(t);
            }
        }
    }

    /**
     * MB/s over all tiles. Each group of {@link #GROUP} tiles is timed {@code passes} times and
     * only its best time counts: on a shared machine another process often takes the CPU for a
     * few milliseconds, which would otherwise decide the result.
     */
    private static double throughput(int tiles, int passes, TileOp op) throws IOException {
        long nanos = 0;
        for (int first = 0; first < tiles; first += GROUP) {
            long best = Long.MAX_VALUE;
            for (int pass = 0; pass < passes; pass++) {
                long t0 = System.nanoTime();
                for (int t = first; t < Math.min(tiles, first + GROUP); t++) {
                    op.run(t);
                }
                best = Math.min(best, System.nanoTime() - t0);
            }
            nanos += best;
        }
        return (double) tiles * TILE_BYTES / (nanos / 1e9) / 1e6;
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
