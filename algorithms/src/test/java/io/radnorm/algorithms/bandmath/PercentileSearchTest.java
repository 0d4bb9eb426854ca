package io.radnorm.algorithms.bandmath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.DataType;
import io.radnorm.raster.Raster;
import io.radnorm.raster.Window;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PercentileSearchTest {

    /** Runs the search as a job would: every pass over the image cut into windows, counts merged. */
    static Map<PercentileTerm, Double> search(Raster image, double nodata, List<PercentileTerm> terms, int windowRows) {
        PercentileSearch s = new PercentileSearch(image.dataType(), terms);
        int passes = 0;
        while (!s.done()) {
            DigitPass pass = s.nextPass();
            DigitHistograms total = pass.newHistograms();
            for (int y = 0; y < image.height(); y += windowRows) {
                Window w = new Window(0, y, image.width(), Math.min(windowRows, image.height() - y));
                DigitHistograms h = pass.newHistograms();
                h.add(bands(image.crop(w), pass.bandsToRead()), nodata);
                total.merge(h);
            }
            s.accept(total);
            passes++;
        }
        assertEquals(s.passCount(), passes);
        return s.percentiles();
    }

    static Raster bands(Raster r, int[] bands) {
        Raster out = Raster.allocate(r.dataType(), r.width(), r.height(), bands.length);
        double[] row = new double[r.width()];
        for (int k = 0; k < bands.length; k++) {
            for (int y = 0; y < r.height(); y++) {
                r.readRow(bands[k], 0, y, r.width(), row);
                out.writeRow(k, 0, y, r.width(), row);
            }
        }
        return out;
    }

    static Raster column(DataType type, double... values) {
        Raster r = Raster.allocate(type, 1, values.length, 1);
        for (int i = 0; i < values.length; i++) {
            r.set(0, 0, i, values[i]);
        }
        return r;
    }

    @Test
    void matchesNumpysDefaultPercentileOnIntegers() {
        // numpy.percentile(np.arange(1, 11), p) for p = 0, 5, 33, 50, 95, 100
        Raster r = column(DataType.UINT16, 7, 3, 10, 1, 9, 2, 8, 4, 6, 5);
        double[] p = {0, 5, 33, 50, 95, 100};
        double[] numpy = {1.0, 1.45, 3.97, 5.5, 9.549999999999999, 10.0};
        List<PercentileTerm> terms = Arrays.stream(p).mapToObj(v -> new PercentileTerm(v, 1)).toList();
        Map<PercentileTerm, Double> got = search(r, Double.NaN, terms, 3);
        for (int i = 0; i < p.length; i++) {
            assertEquals(numpy[i], got.get(terms.get(i)), 0, "p" + p[i]);
        }
    }

    @Test
    void matchesNumpyOnFloat64WithNegativesAndSignedZero() {
        // y = [-3.5, 0.25, 1e10, -0.0, 7.125, 2.5, 2.5, -1e-3]; numpy.percentile(y, p), bit for bit
        Raster r = column(DataType.FLOAT64, -3.5, 0.25, 1e10, -0.0, 7.125, 2.5, 2.5, -1e-3, Double.NaN, -9999);
        double[] p = {0, 10, 25, 50, 62.5, 90, 99.9, 100};
        double[] numpy = {-3.5, -1.0506999999999997, -0.00025, 1.375, 2.5, 3000000004.9874983, 9930000000.04988,
            10000000000.0};
        List<PercentileTerm> terms = Arrays.stream(p).mapToObj(v -> new PercentileTerm(v, 1)).toList();
        Map<PercentileTerm, Double> got = search(r, -9999, terms, 4); // NaN and -9999 are not valid
        for (int i = 0; i < p.length; i++) {
            assertEquals(numpy[i], got.get(terms.get(i)), 0, "p" + p[i]);
        }
    }

    @Test
    void exactOrderStatisticsForEveryTypeOnRandomData() {
        Random rnd = new Random(42);
        for (DataType type : DataType.values()) {
            int w = 37, h = 29;
            Raster r = Raster.allocate(type, w, h, 2);
            double nodata = type.isFloatingPoint() ? -7.5 : type.minValue() + 3;
            List<Double> valid0 = new ArrayList<>(), valid1 = new ArrayList<>();
            for (int b = 0; b < 2; b++) {
                for (int i = 0; i < w * h; i++) {
                    double v = switch (type) {
                        case FLOAT32 -> (float) (rnd.nextGaussian() * 1000);
                        case FLOAT64 -> rnd.nextGaussian() * Math.pow(10, rnd.nextInt(12) - 6);
                        default -> type.toStorable(type.minValue() + rnd.nextDouble() * (type.maxValue() - type.minValue()));
                    };
                    if (i % 17 == 0) {
                        v = nodata;
                    }
                    if (i % 23 == 0 && b == 1) {
                        v = type.toStorable(type.minValue() + 5); // many ties in band 2
                    }
                    r.setAt(b * w * h + i, v);
                    double stored = r.getAt(b * w * h + i);
                    if (stored != nodata) {
                        (b == 0 ? valid0 : valid1).add(stored);
                    }
                }
            }
            List<PercentileTerm> terms = List.of(new PercentileTerm(0, 1), new PercentileTerm(2, 1),
                    new PercentileTerm(50, 1), new PercentileTerm(97.5, 1), new PercentileTerm(100, 1),
                    new PercentileTerm(1, 2), new PercentileTerm(50, 2), new PercentileTerm(99, 2));
            Map<PercentileTerm, Double> got = search(r, nodata, terms, 5);
            for (PercentileTerm t : terms) {
                double expected = reference(t.band() == 1 ? valid0 : valid1, t.percent());
                assertEquals(expected, got.get(t), 0, type + " " + t);
            }
        }
    }

    @Test
    void aBandWithoutValidPixelsGivesNan() {
        Raster r = column(DataType.UINT8, 0, 0, 0);
        Map<PercentileTerm, Double> got = search(r, 0, List.of(new PercentileTerm(50, 1)), 2);
        assertTrue(Double.isNaN(got.get(new PercentileTerm(50, 1))));
    }

    @Test
    void keysSortLikeValues() {
        double[] v = {Double.NEGATIVE_INFINITY, -1e300, -1, -Double.MIN_VALUE, -0.0, 0.0, Double.MIN_VALUE, 1, 1e300,
            Double.POSITIVE_INFINITY};
        for (DataType t : new DataType[] {DataType.FLOAT64, DataType.FLOAT32}) {
            for (int i = 1; i < v.length; i++) {
                double a = t == DataType.FLOAT32 ? (float) v[i - 1] : v[i - 1];
                double b = t == DataType.FLOAT32 ? (float) v[i] : v[i];
                long ka = SortableKeys.key(a, t), kb = SortableKeys.key(b, t);
                assertTrue(Long.compareUnsigned(ka, kb) <= 0, t + ": " + a + " " + b);
                assertEquals(Double.doubleToRawLongBits(a), Double.doubleToRawLongBits(SortableKeys.value(ka, t)));
            }
        }
        assertEquals(0, SortableKeys.key(Integer.MIN_VALUE, DataType.INT32));
        assertEquals(4294967295L, SortableKeys.key(4294967295.0, DataType.UINT32));
        assertEquals(-32768, SortableKeys.value(0, DataType.INT16));
    }

    /** numpy's method "linear" on a list, sorted here: the definition the search must reproduce. */
    static double reference(List<Double> values, double p) {
        double[] x = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double h = (x.length - 1) * (p / 100);
        int lo = (int) Math.floor(h);
        double g = h - lo;
        return g == 0 ? x[lo] : PercentileSearch.lerp(x[lo], x[Math.min(lo + 1, x.length - 1)], g);
    }
}
