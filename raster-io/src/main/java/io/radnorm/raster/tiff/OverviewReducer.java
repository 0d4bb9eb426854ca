package io.radnorm.raster.tiff;

import io.radnorm.raster.DataType;
import io.radnorm.raster.Raster;
import io.radnorm.raster.Window;
import java.io.IOException;

/**
 * Computes the rows of the next overview level from a stream of rows of one level: each output
 * pixel from the 2×2 cell of source pixels at {@code (2x, 2y)}, output size
 * {@code ceil(width / 2) × ceil(height / 2)} (edge cells of odd sizes have fewer pixels).
 *
 * <p>Rows arrive as strips of any height, top to bottom. Rows are consumed in pairs; an unpaired
 * last row of a strip is kept (one row, the only state) until the next strip supplies its partner
 * or {@link #finish()} reduces it alone. Every complete batch of output rows goes to the sink at
 * once, so memory stays at one strip per level whatever the image height.
 *
 * <p>{@link OverviewResampling#AVERAGE}: the mean of the cell's valid samples, a sample being
 * valid unless it is NaN or equal to the nodata value; stored with {@link DataType#toStorable}
 * (integers round to nearest, ties away from zero); nodata (or NaN without one) where no sample
 * is valid. {@link OverviewResampling#NEAREST}: the cell's top-left sample, bit for bit.
 */
final class OverviewReducer {

    /** Receives output rows: a raster of the output width and one or more rows. */
    interface Sink {
        void accept(Raster rows) throws IOException;
    }

    private final OverviewResampling mode;
    private final DataType type;
    private final int bands;
    private final int srcWidth;
    private final int dstWidth;
    private final boolean hasNodata;
    private final double nodata;
    private final double empty;
    private final Sink sink;
    private Raster pending;
    /** Scratch rows and cell for {@link #average}; the reducer runs on one thread. */
    private final double[] rowA, rowB, rowOut, cell = new double[4];

    OverviewReducer(OverviewResampling mode, DataType type, int bands, int srcWidth, Double nodata, Sink sink) {
        this.mode = mode;
        this.type = type;
        this.bands = bands;
        this.srcWidth = srcWidth;
        this.dstWidth = (srcWidth + 1) / 2;
        this.hasNodata = nodata != null && !nodata.isNaN(); // NaN is never valid anyway
        this.nodata = nodata == null ? Double.NaN : nodata;
        this.empty = nodata == null ? Double.NaN : nodata;
        this.sink = sink;
        this.rowA = new double[srcWidth];
        this.rowB = new double[srcWidth];
        this.rowOut = new double[dstWidth];
    }

    /** Consumes the next rows of the source level (full source width). */
    void accept(Raster strip) throws IOException {
        if (strip.width() != srcWidth || strip.bandCount() != bands || strip.dataType() != type) {
            throw new IllegalArgumentException("expected rows of " + srcWidth + " pixels, " + bands + " "
                    + type.gdalName() + " bands, got " + strip);
        }
        int rows = strip.height();
        int first = pending != null ? 1 : 0;
        int outRows = first + (rows - first) / 2;
        if (outRows == 0) {
            // a single row and nothing pending: it waits for its partner
            pending = strip;
            return;
        }
        Raster out = Raster.allocate(type, dstWidth, outRows, bands);
        int o = 0;
        if (pending != null) {
            reduce(pending, 0, strip, 0, out, o++);
            pending = null;
        }
        for (int y = first; y + 1 < rows; y += 2) {
            reduce(strip, y, strip, y + 1, out, o++);
        }
        if ((rows - first) % 2 == 1) {
            pending = strip.crop(new Window(0, rows - 1, srcWidth, 1));
        }
        sink.accept(out);
    }

    /** Reduces a last unpaired row (odd source height) on its own. */
    void finish() throws IOException {
        if (pending != null) {
            Raster out = Raster.allocate(type, dstWidth, 1, bands);
            reduce(pending, 0, null, 0, out, 0);
            pending = null;
            sink.accept(out);
        }
    }

    /** Output row {@code yo} from source rows {@code ya} of {@code a} and {@code yb} of {@code b} (or none). */
    private void reduce(Raster a, int ya, Raster b, int yb, Raster out, int yo) {
        for (int band = 0; band < bands; band++) {
            int ia = a.index(band, 0, ya);
            int ib = b == null ? -1 : b.index(band, 0, yb);
            int io = out.index(band, 0, yo);
            if (mode == OverviewResampling.NEAREST) {
                nearest(a.data(), ia, out.data(), io);
            } else {
                average(a, ia, b, ib, out, band, yo);
            }
        }
    }

    private void nearest(Object src, int si, Object dst, int di) {
        // Typed copies keep float NaN payloads, which a round trip through double might not.
        switch (type) {
            case UINT8, INT8 -> {
                byte[] s = (byte[]) src, d = (byte[]) dst;
                for (int x = 0; x < dstWidth; x++) {
                    d[di + x] = s[si + 2 * x];
                }
            }
            case UINT16, INT16 -> {
                short[] s = (short[]) src, d = (short[]) dst;
                for (int x = 0; x < dstWidth; x++) {
                    d[di + x] = s[si + 2 * x];
                }
            }
            case UINT32, INT32 -> {
                int[] s = (int[]) src, d = (int[]) dst;
                for (int x = 0; x < dstWidth; x++) {
                    d[di + x] = s[si + 2 * x];
                }
            }
            case FLOAT32 -> {
                float[] s = (float[]) src, d = (float[]) dst;
                for (int x = 0; x < dstWidth; x++) {
                    d[di + x] = s[si + 2 * x];
                }
            }
            case FLOAT64 -> {
                double[] s = (double[]) src, d = (double[]) dst;
                for (int x = 0; x < dstWidth; x++) {
                    d[di + x] = s[si + 2 * x];
                }
            }
        }
    }

    private void average(Raster a, int ia, Raster b, int ib, Raster out, int band, int yo) {
        if (type == DataType.UINT16 && b != null) {
            averageUint16((short[]) a.data(), ia, (short[]) b.data(), ib, out, band, yo);
            return;
        }
        // Widen both rows to double once and store the output row once (one type switch per row,
        // not per sample).
        double[] top = rowA, bottom = rowB, means = rowOut;
        widen(a.data(), ia, top);
        if (b != null) {
            widen(b.data(), ib, bottom);
        }
        // Interior cells with all four samples valid: the common case, summed in the same order as
        // mean() so the result is the same bits.
        int full = b == null ? 0 : srcWidth / 2;
        for (int x = 0; x < full; x++) {
            int sx = 2 * x;
            double t0 = top[sx], t1 = top[sx + 1], b0 = bottom[sx], b1 = bottom[sx + 1];
            double m = (0.0 + t0 + t1 + b0 + b1) / 4; // 0.0 + first: as mean() starts, so -0.0 sums alike
            if (valid(t0) && valid(t1) && valid(b0) && valid(b1) && !Double.isInfinite(m)) {
                means[x] = m;
            } else {
                means[x] = general(top, b == null ? null : bottom, sx);
            }
        }
        for (int x = full; x < dstWidth; x++) {
            means[x] = general(top, b == null ? null : bottom, 2 * x);
        }
        out.writeRow(band, 0, yo, dstWidth, means);
    }

    /**
     * {@link #average} for UInt16 (the usual sensor type), in integers: a cell of four valid
     * samples is (sum + 2) / 4, which is the double mean rounded half away from zero as
     * {@link DataType#toStorable} rounds it, so the bits are the same; other cells take the
     * general path.
     */
    private void averageUint16(short[] a, int ia, short[] b, int ib, Raster out, int band, int yo) {
        short[] dst = (short[]) out.data();
        int io = out.index(band, 0, yo);
        int nd = hasNodata && nodata == Math.rint(nodata) && nodata >= 0 && nodata <= 65535 ? (int) nodata : -1;
        int full = srcWidth / 2;
        for (int x = 0; x < full; x++) {
            int sx = 2 * x;
            int t0 = a[ia + sx] & 0xFFFF, t1 = a[ia + sx + 1] & 0xFFFF, b0 = b[ib + sx] & 0xFFFF, b1 = b[ib + sx + 1] & 0xFFFF;
            if (t0 == nd || t1 == nd || b0 == nd || b1 == nd) {
                // a cell touching nodata (image edges, masks): the valid ones only, as general() does
                out.setAt(io + x, cellUint16(a, ia, b, ib, sx));
                continue;
            }
            dst[io + x] = (short) ((t0 + t1 + b0 + b1 + 2) >> 2);
        }
        for (int x = full; x < dstWidth; x++) { // an odd width's last column
            out.setAt(io + x, cellUint16(a, ia, b, ib, 2 * x));
        }
    }

    /** {@link #cellMean} of the cell at source column {@code sx} of two UInt16 rows. */
    private double cellUint16(short[] a, int ia, short[] b, int ib, int sx) {
        boolean right = sx + 1 < srcWidth;
        return cellMean(a[ia + sx] & 0xFFFF, right ? a[ia + sx + 1] & 0xFFFF : 0, b[ib + sx] & 0xFFFF,
                right ? b[ib + sx + 1] & 0xFFFF : 0, right, true);
    }

    /** The mean of the valid samples of the cell at source column {@code sx}, or {@link #empty}. */
    private double general(double[] top, double[] bottom, int sx) {
        boolean right = sx + 1 < srcWidth;
        return cellMean(top[sx], right ? top[sx + 1] : 0, bottom == null ? 0 : bottom[sx],
                bottom != null && right ? bottom[sx + 1] : 0, right, bottom != null);
    }

    /**
     * The mean of a cell's valid samples, or {@link #empty}: top left and, where the cell has them,
     * top right ({@code right}) and the bottom row ({@code bottom}), summed in that order.
     */
    private double cellMean(double topLeft, double topRight, double bottomLeft, double bottomRight, boolean right,
                            boolean bottom) {
        double[] cell = this.cell;
        int n = add(cell, 0, topLeft);
        if (right) {
            n = add(cell, n, topRight);
        }
        if (bottom) {
            n = add(cell, n, bottomLeft);
            if (right) {
                n = add(cell, n, bottomRight);
            }
        }
        return n == 0 ? empty : mean(cell, n);
    }

    private boolean valid(double v) {
        return !(Double.isNaN(v) || (hasNodata && v == nodata));
    }

    /** One source row as doubles, unsigned types without sign, as {@link Raster#getAt} reads them. */
    private void widen(Object src, int from, double[] dst) {
        int n = srcWidth;
        switch (type) {
            case UINT8 -> {
                byte[] s = (byte[]) src;
                for (int i = 0; i < n; i++) {
                    dst[i] = s[from + i] & 0xFF;
                }
            }
            case INT8 -> {
                byte[] s = (byte[]) src;
                for (int i = 0; i < n; i++) {
                    dst[i] = s[from + i];
                }
            }
            case UINT16 -> {
                short[] s = (short[]) src;
                for (int i = 0; i < n; i++) {
                    dst[i] = s[from + i] & 0xFFFF;
                }
            }
            case INT16 -> {
                short[] s = (short[]) src;
                for (int i = 0; i < n; i++) {
                    dst[i] = s[from + i];
                }
            }
            case UINT32 -> {
                int[] s = (int[]) src;
                for (int i = 0; i < n; i++) {
                    dst[i] = s[from + i] & 0xFFFFFFFFL;
                }
            }
            case INT32 -> {
                int[] s = (int[]) src;
                for (int i = 0; i < n; i++) {
                    dst[i] = s[from + i];
                }
            }
            case FLOAT32 -> {
                float[] s = (float[]) src;
                for (int i = 0; i < n; i++) {
                    dst[i] = s[from + i];
                }
            }
            case FLOAT64 -> System.arraycopy(src, from, dst, 0, n);
        }
    }

    private int add(double[] cell, int n, double v) {
        if (!valid(v)) {
            return n;
        }
        cell[n] = v;
        return n + 1;
    }

    /** The mean of {@code n} valid values; summed in double, scaled first if the sum would overflow. */
    static double mean(double[] v, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += v[i];
        }
        double m = sum / n;
        if (Double.isInfinite(m)) {
            // Huge finite floats (FLOAT64 near MAX_VALUE) overflow the sum but not the mean.
            double scaled = 0;
            for (int i = 0; i < n; i++) {
                scaled += v[i] / n;
            }
            if (!Double.isNaN(scaled)) {
                m = scaled;
            }
        }
        return m;
    }
}
