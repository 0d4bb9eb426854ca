package io.radnorm.bench;

import io.radnorm.raster.DataType;
import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.Raster;
import io.radnorm.raster.Window;
import io.radnorm.raster.crs.Crs;
import io.radnorm.raster.crs.GeoKeyDirectory;
import io.radnorm.raster.tiff.CogOptions;
import io.radnorm.raster.tiff.CogSummary;
import io.radnorm.raster.tiff.CogWriter;
import io.radnorm.raster.tiff.GeoMetadata;
import io.radnorm.raster.tiff.RasterSource;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Benchmark data generator (not a test): N overlapping synthetic scenes of one ground truth, each
 * with its own gain and offset per band, written as COGs with radnorm's {@link CogWriter}
 * (Deflate, predictor 2, 512-pixel tiles), pixels computed strip by strip (never a whole image in
 * memory).
 *
 * <pre>
 * BenchScenes --out DIR [--count 4] [--size 8192] [--bands 4] [--overlap 0.2] [--layout grid|row]
 *             [--border 64] [--seed 42] [--threads 2] [--level 6]
 * </pre>
 *
 * <p>The scenes are compressed at Deflate level 6 (GDAL's default ZLEVEL), pinned rather than
 * radnorm's default, so that the inputs look like GDAL-produced imagery and do not change when
 * that default does.
 *
 * <p>Layout {@code grid}: scenes on a ceil(sqrt(N))-wide grid (2×2 for 4), neighbours shifted by
 * {@code size × (1 − overlap)} pixels, so each neighbour pair overlaps by {@code overlap} of the
 * scene side (diagonal pairs by overlap²). Layout {@code row}: all in one row.
 *
 * <p>Content (UInt16, 12-bit-like DN range): ground reflectance = a smooth regional gradient + a
 * bilinear "landscape" field (64-px lattice) + a medium texture (8-px lattice) + fine per-pixel
 * ground detail, all in canvas coordinates so the overlaps agree; each scene then gets
 * {@code DN = gain·reflectance·10000 + offset} with its own gain (0.8..1.25) and offset (−100..250)
 * per band, plus per-scene sensor noise (σ ≈ 10 DN). A {@code border}-pixel frame is 0 = nodata.
 * Deterministic for a given seed.
 */
public final class BenchScenes {

    /** UTM zone 33N (no EPSG database lookup needed). */
    static final Crs CRS = new Crs(32633, GeoKeyDirectory.forEpsg(32633, true));
    static final double PIXEL = 10, ORIGIN_X = 300_000, ORIGIN_Y = 5_000_000;

    private BenchScenes() {
    }

    public static void main(String[] args) throws Exception {
        Args a = new Args(args);
        Path out = Path.of(a.get("--out", null));
        int count = a.getInt("--count", 4), size = a.getInt("--size", 8192), bands = a.getInt("--bands", 4);
        double overlap = Double.parseDouble(a.get("--overlap", "0.2"));
        String layout = a.get("--layout", "grid");
        int border = a.getInt("--border", 64);
        long seed = Long.parseLong(a.get("--seed", "42"));
        int threads = a.getInt("--threads", Runtime.getRuntime().availableProcessors());
        int level = a.getInt("--level", 6);

        int stride = (int) Math.round(size * (1 - overlap));
        int cols = layout.equals("row") ? count : (int) Math.ceil(Math.sqrt(count));
        int rows = (count + cols - 1) / cols;
        int canvasW = stride * (cols - 1) + size, canvasH = stride * (rows - 1) + size;
        Ground ground = new Ground(canvasW, canvasH, bands, seed);
        Files.createDirectories(out);

        SplittableRandom rnd = new SplittableRandom(seed * 31 + 7);
        StringBuilder manifest = new StringBuilder();
        manifest.append(String.format(Locale.ROOT,
                "# radnorm benchmark scenes%ncount=%d%nsize=%d%nbands=%d%noverlap=%s%nlayout=%s%nborder=%d%nseed=%d%n"
                        + "canvas=%dx%d%nstride=%d%ndeflate_level=%d%n", count, size, bands, overlap, layout, border, seed,
                canvasW, canvasH, stride, level));
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int x0 = (i % cols) * stride, y0 = (i / cols) * stride;
            double[] gain = new double[bands], offset = new double[bands];
            for (int b = 0; b < bands; b++) {
                gain[b] = 0.8 + 0.45 * rnd.nextDouble();
                offset[b] = -100 + 350 * rnd.nextDouble();
            }
            SceneSource src = new SceneSource(ground, i, x0, y0, size, bands, border, gain, offset, seed);
            GeoTransform gt = GeoTransform.northUp(ORIGIN_X + x0 * PIXEL, ORIGIN_Y - y0 * PIXEL, PIXEL, PIXEL);
            String file = out.resolve(String.format(Locale.ROOT, "scene_%02d.tif", i)).toString();
            long s = System.nanoTime();
            CogSummary sum = CogWriter.write(src, new GeoMetadata(gt, CRS, 0.0), file, null,
                    CogOptions.defaults().withLevel(level).withThreads(threads)
                            .withSpillDir(out.resolve(".spill").toString()));
            double sec = (System.nanoTime() - s) / 1e9;
            System.out.printf(Locale.ROOT, "generated %s: %dx%d x%d UInt16 at canvas (%d,%d), %.1f MB, %.1f s%n",
                    file, size, size, bands, x0, y0, sum.length() / 1e6, sec);
            for (int b = 0; b < bands; b++) {
                manifest.append(String.format(Locale.ROOT, "scene_%02d.band%d=gain %.4f offset %.1f%n", i, b + 1,
                        gain[b], offset[b]));
            }
        }
        manifest.append(String.format(Locale.ROOT, "generation_seconds=%.1f%n", (System.nanoTime() - t0) / 1e9));
        Files.deleteIfExists(out.resolve(".spill"));
        try (Writer w = Files.newBufferedWriter(out.resolve("scenes.properties"))) {
            w.write(manifest.toString());
        }
    }

    /** The shared ground reflectance (×10000) of the canvas, per band, computed on demand. */
    static final class Ground {
        static final int COARSE = 64, MEDIUM = 8;
        final int bands;
        final float[] coarse, medium; // lattices, bilinearly interpolated
        final int coarseW, mediumW;
        final double[] bandBase, bandCoarse, bandMedium, bandFine;
        final int canvasW, canvasH;

        Ground(int canvasW, int canvasH, int bands, long seed) {
            this.canvasW = canvasW;
            this.canvasH = canvasH;
            this.bands = bands;
            SplittableRandom r = new SplittableRandom(seed);
            coarseW = canvasW / COARSE + 2;
            int coarseH = canvasH / COARSE + 2;
            coarse = smoothed(r, coarseW, coarseH);
            mediumW = canvasW / MEDIUM + 2;
            int mediumH = canvasH / MEDIUM + 2;
            medium = new float[mediumW * mediumH];
            for (int i = 0; i < medium.length; i++) {
                medium[i] = (float) (r.nextDouble() * 2 - 1);
            }
            bandBase = new double[bands];
            bandCoarse = new double[bands];
            bandMedium = new double[bands];
            bandFine = new double[bands];
            for (int b = 0; b < bands; b++) { // blue..NIR-like: rising base, differing contrast
                bandBase[b] = 1000 + 300 * b;
                bandCoarse[b] = 0.35 * bandBase[b];
                bandMedium[b] = 120 + 40 * ((b * 7) % 3);
                bandFine[b] = 40 + 10 * b;
            }
        }

        /** A random lattice smoothed with a 3×3 box twice: gentle hills in [-1, 1]. */
        private static float[] smoothed(SplittableRandom r, int w, int h) {
            float[] a = new float[w * h];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) (r.nextDouble() * 2 - 1);
            }
            for (int pass = 0; pass < 2; pass++) {
                float[] o = new float[a.length];
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        float s = 0;
                        int n = 0;
                        for (int dy = -1; dy <= 1; dy++) {
                            for (int dx = -1; dx <= 1; dx++) {
                                int xx = x + dx, yy = y + dy;
                                if (xx >= 0 && yy >= 0 && xx < w && yy < h) {
                                    s += a[yy * w + xx];
                                    n++;
                                }
                            }
                        }
                        o[y * w + x] = s / n * 2.2f;
                    }
                }
                a = o;
            }
            return a;
        }
    }

    /** One scene's pixels: computed per requested window, rows in parallel. */
    static final class SceneSource implements RasterSource {
        private final Ground g;
        private final int scene, x0, y0, size, bands, border;
        private final double[] gain, offset;
        private final long seed;

        SceneSource(Ground g, int scene, int x0, int y0, int size, int bands, int border, double[] gain,
                    double[] offset, long seed) {
            this.g = g;
            this.scene = scene;
            this.x0 = x0;
            this.y0 = y0;
            this.size = size;
            this.bands = bands;
            this.border = border;
            this.gain = gain;
            this.offset = offset;
            this.seed = seed;
        }

        @Override
        public int width() {
            return size;
        }

        @Override
        public int height() {
            return size;
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
            IntStream.range(0, w.height()).parallel().forEach(row -> fillRow(d, r, w, row));
            return r;
        }

        private void fillRow(short[] d, Raster r, Window w, int row) {
            int sy = w.y() + row; // scene row
            int cy = y0 + sy; // canvas row
            boolean rowOut = sy < border || sy >= size - border;
            double fyC = (double) cy / Ground.COARSE, fyM = (double) cy / Ground.MEDIUM;
            int iyC = (int) fyC, iyM = (int) fyM;
            double wyC = fyC - iyC, wyM = fyM - iyM;
            double gradY = (double) cy / g.canvasH;
            for (int b = 0; b < bands; b++) {
                int base = r.index(b, 0, row);
                double gb = gain[b], ob = offset[b];
                for (int col = 0; col < w.width(); col++) {
                    int sx = w.x() + col;
                    if (rowOut || sx < border || sx >= size - border) {
                        d[base + col] = 0;
                        continue;
                    }
                    int cx = x0 + sx;
                    double fxC = (double) cx / Ground.COARSE;
                    int ixC = (int) fxC;
                    double wxC = fxC - ixC;
                    int k = iyC * g.coarseW + ixC;
                    double c = (1 - wyC) * ((1 - wxC) * g.coarse[k] + wxC * g.coarse[k + 1])
                            + wyC * ((1 - wxC) * g.coarse[k + g.coarseW] + wxC * g.coarse[k + g.coarseW + 1]);
                    double fxM = (double) cx / Ground.MEDIUM;
                    int ixM = (int) fxM;
                    double wxM = fxM - ixM;
                    int m = iyM * g.mediumW + ixM;
                    double md = (1 - wyM) * ((1 - wxM) * g.medium[m] + wxM * g.medium[m + 1])
                            + wyM * ((1 - wxM) * g.medium[m + g.mediumW] + wxM * g.medium[m + g.mediumW + 1]);
                    long hGround = mix(seed ^ (cx * 0x9E3779B97F4A7C15L) ^ (cy * 0xC2B2AE3D27D4EB4FL) ^ b);
                    double fine = ((hGround & 0xFFFF) + ((hGround >>> 16) & 0xFFFF)) / 65536.0 - 1; // triangular
                    double truth = g.bandBase[b] * (1 + 0.2 * (cx / (double) g.canvasW - 0.5) - 0.1 * (gradY - 0.5))
                            + g.bandCoarse[b] * c + g.bandMedium[b] * md + g.bandFine[b] * fine;
                    long hNoise = mix((seed + 1000L * (scene + 1)) ^ (sx * 0xD6E8FEB86659FD93L)
                            ^ (sy * 0xA0761D6478BD642FL) ^ ((long) b << 56));
                    double noise = (((hNoise & 0xFFFF) + ((hNoise >>> 16) & 0xFFFF) + ((hNoise >>> 32) & 0xFFFF))
                            / 65536.0 - 1.5) * 20; // σ ≈ 10
                    long v = Math.round(gb * truth + ob + noise);
                    d[base + col] = (short) Math.max(1, Math.min(65535, v));
                }
            }
        }

        private static long mix(long z) { // SplitMix64 finaliser
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }

    /** Minimal "--name value" argument parsing. */
    static final class Args {
        private final String[] args;

        Args(String[] args) {
            this.args = args;
        }

        String get(String name, String def) {
            for (int i = 0; i + 1 < args.length; i++) {
                if (args[i].equals(name)) {
                    return args[i + 1];
                }
            }
            if (def == null) {
                throw new IllegalArgumentException("missing " + name);
            }
            return def;
        }

        int getInt(String name, int def) {
            return Integer.parseInt(get(name, Integer.toString(def)));
        }
    }
}
