package io.radnorm.algorithms.correction;

import io.radnorm.algorithms.Validity;
import io.radnorm.raster.DataType;
import io.radnorm.raster.Raster;
import io.radnorm.raster.Window;

/**
 * Applies a {@link PixelCorrection} to one window of an image and stores the result in the output
 * data type.
 *
 * <p>Storing: integer outputs are rounded to nearest and clipped to the type's range (never
 * truncated, never wrapped). Nodata input pixels become the output nodata. A valid pixel whose
 * corrected value would be stored as the output nodata value (e.g. a dark pixel clipped to 0 in a
 * uint16 image with nodata 0) is moved one step inside the range instead, so correction never
 * turns data into holes. A correction that yields NaN for a valid pixel (impossible for the
 * corrections radnorm builds) stores nodata.
 */
public final class CorrectionApplier {

    private CorrectionApplier() {
    }

    /**
     * @param in         the input window's pixels
     * @param window     where {@code in} lies in the image grid
     * @param inNodata   the input nodata (NaN: only NaN is invalid)
     * @param outType    the output data type
     * @param outNodata  the output nodata, or {@code null} for none
     */
    public static Raster apply(Raster in, Window window, double inNodata, PixelCorrection correction,
                               DataType outType, Double outNodata) {
        Raster out = Raster.allocate(outType, in.width(), in.height(), in.bandCount());
        double fillNodata = outType.fillValue(outNodata);
        int width = in.width();
        double[] values = new double[width];
        boolean[] valid = new boolean[width];
        for (int b = 0; b < in.bandCount(); b++) {
            for (int r = 0; r < in.height(); r++) {
                in.readRow(b, 0, r, width, values);
                for (int c = 0; c < width; c++) {
                    valid[c] = Validity.isValid(values[c], inNodata);
                }
                correction.applyRow(b, window.y() + r + 0.5, window.x(), values, valid, width);
                store(values, valid, width, out, b, r, outNodata, fillNodata);
            }
        }
        return out;
    }

    /**
     * Stores one corrected row: {@link #storable} for valid pixels, {@code fillNodata} for the
     * others. 16-bit outputs (the common case) are written straight into the output array, one
     * rounding per sample; other types go through {@link Raster#writeRow}. Same values either way.
     */
    private static void store(double[] values, boolean[] valid, int width, Raster out, int band, int row,
                              Double outNodata, double fillNodata) {
        DataType type = out.dataType();
        if (type != DataType.UINT16 && type != DataType.INT16) {
            for (int c = 0; c < width; c++) {
                values[c] = valid[c] ? storable(values[c], type, outNodata, fillNodata) : fillNodata;
            }
            out.writeRow(band, 0, row, width, values);
            return;
        }
        short[] dst = (short[]) out.data();
        int at = out.index(band, 0, row);
        short fill = (short) (long) type.toStorable(fillNodata);
        for (int c = 0; c < width; c++) {
            double v = values[c];
            dst[at + c] = valid[c] && v == v ? (short) (long) type.toStorableAvoiding(v, outNodata) : fill;
        }
    }

    /**
     * The value to store for a valid pixel's computed value {@code v}: NaN becomes {@code fillNodata};
     * otherwise {@link DataType#toStorable}, moved one step inside the range if it lands on the nodata.
     */
    public static double storable(double v, DataType type, Double outNodata, double fillNodata) {
        return Double.isNaN(v) ? fillNodata : type.toStorableAvoiding(v, outNodata);
    }
}
