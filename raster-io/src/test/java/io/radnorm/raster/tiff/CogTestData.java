package io.radnorm.raster.tiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.radnorm.raster.DataType;
import io.radnorm.raster.GridSize;
import io.radnorm.raster.Raster;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Rasters, reference overviews and file checks shared by the COG writer tests. */
final class CogTestData {

    private CogTestData() {
    }

    /**
     * A raster of random samples. Integers: random bits over the whole range. Floats: mostly
     * ordinary values, plus NaNs with payloads, infinities, -0.0 and (1 in 50) random bit patterns,
     * so a round trip must be bit-exact to pass.
     */
    static Raster random(DataType type, int width, int height, int bands, long seed) {
        Random rnd = new Random(seed);
        Raster r = Raster.allocate(type, width, height, bands);
        int n = width * height * bands;
        switch (type) {
            case UINT8, INT8 -> rnd.nextBytes((byte[]) r.data());
            case UINT16, INT16 -> {
                short[] s = (short[]) r.data();
                for (int i = 0; i < n; i++) {
                    s[i] = (short) rnd.nextInt();
                }
            }
            case UINT32, INT32 -> {
                int[] s = (int[]) r.data();
                for (int i = 0; i < n; i++) {
                    s[i] = rnd.nextInt();
                }
            }
            case FLOAT32 -> {
                float[] s = (float[]) r.data();
                for (int i = 0; i < n; i++) {
                    s[i] = switch (rnd.nextInt(50)) {
                        case 0 -> Float.intBitsToFloat(0x7fc00000 | rnd.nextInt(0x3fffff) + 1); // NaN payload
                        case 1 -> rnd.nextBoolean() ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
                        case 2 -> -0.0f;
                        case 3 -> Float.intBitsToFloat(rnd.nextInt());
                        default -> (float) (rnd.nextGaussian() * 1000);
                    };
                }
            }
            case FLOAT64 -> {
                double[] s = (double[]) r.data();
                for (int i = 0; i < n; i++) {
                    s[i] = switch (rnd.nextInt(50)) {
                        case 0 -> Double.longBitsToDouble(0x7ff8000000000000L | (rnd.nextLong() & 0x7ffffffffffffL) | 1);
                        case 1 -> rnd.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                        case 2 -> -0.0;
                        case 3 -> Double.longBitsToDouble(rnd.nextLong());
                        default -> rnd.nextGaussian() * 1e6;
                    };
                }
            }
        }
        return r;
    }

    /** Same shape and the same bits in every sample, NaN payloads included (stricter than contentEquals). */
    static void assertBitIdentical(Raster expected, Raster actual) {
        if (!expected.contentEquals(actual)) {
            fail("content differs: expected " + expected + ", got " + actual + firstDifference(expected, actual));
        }
        int n = expected.pixelsPerBand() * expected.bandCount();
        if (expected.dataType() == DataType.FLOAT32) {
            float[] a = (float[]) expected.data(), b = (float[]) actual.data();
            for (int i = 0; i < n; i++) {
                if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i])) {
                    fail("sample " + i + ": bits " + Integer.toHexString(Float.floatToRawIntBits(a[i])) + " became "
                            + Integer.toHexString(Float.floatToRawIntBits(b[i])));
                }
            }
        } else if (expected.dataType() == DataType.FLOAT64) {
            double[] a = (double[]) expected.data(), b = (double[]) actual.data();
            for (int i = 0; i < n; i++) {
                if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(b[i])) {
                    fail("sample " + i + ": bits " + Long.toHexString(Double.doubleToRawLongBits(a[i])) + " became "
                            + Long.toHexString(Double.doubleToRawLongBits(b[i])));
                }
            }
        }
    }

    private static String firstDifference(Raster a, Raster b) {
        if (a.width() != b.width() || a.height() != b.height() || a.bandCount() != b.bandCount()) {
            return "";
        }
        for (int band = 0; band < a.bandCount(); band++) {
            for (int y = 0; y < a.height(); y++) {
                for (int x = 0; x < a.width(); x++) {
                    if (Double.compare(a.get(band, x, y), b.get(band, x, y)) != 0) {
                        return "; first at band " + band + " (" + x + "," + y + "): " + a.get(band, x, y) + " vs "
                                + b.get(band, x, y);
                    }
                }
            }
        }
        return "";
    }

    /**
     * Asserts that {@code actual} is the next overview level of {@code src} by the documented rule,
     * checked independently of the writer: 2×2 cells (fewer at odd edges), the mean of the valid
     * samples computed exactly (BigDecimal) and stored as the type stores it; nodata (or NaN)
     * where a cell has no valid sample. Integers must match exactly; floats within a few ulps of
     * the cell's largest sample (the writer sums in double, with the rounding that implies).
     */
    static void assertAverageOf(Raster src, Double nodata, Raster actual, String what) {
        int w = (src.width() + 1) / 2, h = (src.height() + 1) / 2;
        assertEquals(w, actual.width(), what + " width");
        assertEquals(h, actual.height(), what + " height");
        Raster expected = Raster.allocate(src.dataType(), 1, 1, 1);
        boolean floating = src.dataType().isFloatingPoint();
        double ulps = src.dataType() == DataType.FLOAT32 ? 0x1p-21 : 0x1p-50;
        for (int b = 0; b < src.bandCount(); b++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    BigDecimal sum = BigDecimal.ZERO;
                    int n = 0, posInf = 0, negInf = 0;
                    double maxTerm = 0;
                    for (int dy = 0; dy < 2; dy++) {
                        for (int dx = 0; dx < 2; dx++) {
                            int sx = 2 * x + dx, sy = 2 * y + dy;
                            if (sx >= src.width() || sy >= src.height()) {
                                continue;
                            }
                            double v = src.get(b, sx, sy);
                            if (Double.isNaN(v) || (nodata != null && v == nodata)) {
                                continue;
                            }
                            n++;
                            if (v == Double.POSITIVE_INFINITY) {
                                posInf++;
                            } else if (v == Double.NEGATIVE_INFINITY) {
                                negInf++;
                            } else {
                                sum = sum.add(new BigDecimal(v));
                                maxTerm = Math.max(maxTerm, Math.abs(v));
                            }
                        }
                    }
                    double mean;
                    if (n == 0) {
                        mean = nodata != null ? nodata : Double.NaN;
                    } else if (posInf > 0 && negInf > 0) {
                        mean = Double.NaN;
                    } else if (posInf > 0 || negInf > 0) {
                        mean = posInf > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                    } else {
                        mean = sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128).doubleValue();
                    }
                    expected.set(0, 0, 0, mean); // stored as the type stores it
                    double e = expected.get(0, 0, 0), a = actual.get(b, x, y);
                    String where = what + " band " + b + " (" + x + "," + y + ")";
                    if (!floating || Double.isNaN(e) || Double.isInfinite(e)) {
                        assertEquals(e, a, 0, where);
                    } else {
                        assertEquals(e, a, maxTerm * ulps + Double.MIN_VALUE, where);
                    }
                }
            }
        }
    }

    static void assertLevels(GeoTiffReader r, List<GridSize> expected) {
        assertEquals(expected.size() - 1, r.overviewCount(), "overview count");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), r.levelSize(i), "size of level " + i);
        }
    }

    /** Every regular file under {@code dir}, recursively (for "nothing left behind" checks). */
    static List<Path> filesUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
