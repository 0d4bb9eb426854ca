package io.radnorm.algorithms.bandmath;

import io.radnorm.algorithms.Validity;
import io.radnorm.algorithms.correction.CorrectionApplier;
import io.radnorm.algorithms.expr.BandExpression;
import io.radnorm.raster.DataType;
import io.radnorm.raster.Raster;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Band math on one window: each output band is the value of one {@link BandExpression} of the
 * input's bands, pixel by pixel, stored in one output data type.
 *
 * <h2>Semantics</h2>
 * <ul>
 *   <li><b>Evaluation</b> in double precision, with the expression language's rules (IEEE
 *       arithmetic, comparisons 1/0, see {@link BandExpression}).</li>
 *   <li><b>Nodata in</b>: output band k is nodata at a pixel when any band expression k reads is
 *       invalid there (NaN, or the input nodata). Bands the expression does not read do not matter;
 *       an expression that reads no band is valid everywhere.</li>
 *   <li><b>Nodata out</b>: a NaN result is nodata. Every output has a nodata value:
 *       the caller's, or {@link #defaultNodata} (NaN for floating types, and for integers the value
 *       {@code gdal_calc.py} picks: 255, 65535, −32768, 4294967293, −2147483647; −128 for int8).</li>
 *   <li><b>Storing</b>: integer outputs are rounded to nearest (ties away from zero) and clipped to
 *       the type's range ({@link DataType#toStorable}); ±infinity clips to the range ends, and stays
 *       infinite in float outputs. The nodata value is reserved: a valid result that would be stored
 *       as the nodata value is moved one step inside the range, as in every radnorm output (so a
 *       uint8 result with nodata 255 saturates at 254), never silently turned into a hole.</li>
 * </ul>
 *
 * <p>{@link #apply} takes a window holding only the bands some expression reads
 * ({@link #inputBands()}, in that order), so a caller reads no band it does not need. The result
 * depends only on each pixel's values, never on how the image is cut into windows. Immutable and
 * serializable: build once on the driver, use on the executors.
 */
public final class BandMath implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<BandExpression> expressions;
    private final DataType outputType;
    private final double outputNodata;
    /** 0-based input bands read by some expression, ascending. */
    private final int[] inputBands;
    /** Per expression, the positions in {@link #inputBands} of the bands it reads. */
    private final int[][] reads;
    private final int maxBand;

    private BandMath(List<BandExpression> expressions, DataType outputType, double outputNodata) {
        this.expressions = List.copyOf(expressions);
        this.outputType = outputType;
        this.outputNodata = outputNodata;
        TreeSet<Integer> all = new TreeSet<>();
        for (BandExpression e : expressions) {
            for (int b : e.bands()) {
                all.add(b - 1);
            }
        }
        this.inputBands = all.stream().mapToInt(Integer::intValue).toArray();
        this.maxBand = all.isEmpty() ? 0 : all.last() + 1;
        this.reads = new int[expressions.size()][];
        for (int k = 0; k < expressions.size(); k++) {
            int[] bands = expressions.get(k).bands();
            reads[k] = new int[bands.length];
            for (int j = 0; j < bands.length; j++) {
                reads[k][j] = Arrays.binarySearch(inputBands, bands[j] - 1);
            }
        }
    }

    /**
     * @param expressions   one per output band, at least one
     * @param outputType    the output data type
     * @param outputNodata  the output nodata, or {@code null} for {@link #defaultNodata}
     * @throws IllegalArgumentException when the output type cannot hold {@code outputNodata}
     */
    public static BandMath of(List<BandExpression> expressions, DataType outputType, Double outputNodata) {
        if (expressions.isEmpty()) {
            throw new IllegalArgumentException("band math needs at least one expression");
        }
        return new BandMath(expressions, outputType, outputNodata(outputType, outputNodata));
    }

    /**
     * The nodata an output of {@code type} gets: {@code nodata}, or {@link #defaultNodata} when null.
     *
     * @throws IllegalArgumentException when the type cannot hold it
     */
    public static double outputNodata(DataType type, Double nodata) {
        double v = nodata == null ? defaultNodata(type) : nodata;
        if (!type.canRepresent(v)) {
            throw new IllegalArgumentException("nodata " + v + " cannot be stored as " + type.gdalName()
                    + "; choose another --nodata or --output-dtype");
        }
        return v;
    }

    /** The nodata an output of {@code type} gets by default: NaN for floats, gdal_calc.py's choice for integers. */
    public static double defaultNodata(DataType type) {
        return switch (type) {
            case UINT8 -> 255;
            case INT8 -> -128;
            case UINT16 -> 65535;
            case INT16 -> -32768;
            case UINT32 -> 4294967293.0;
            case INT32 -> -2147483647;
            case FLOAT32, FLOAT64 -> Double.NaN;
        };
    }

    public List<BandExpression> expressions() {
        return expressions;
    }

    public DataType outputType() {
        return outputType;
    }

    public double outputNodata() {
        return outputNodata;
    }

    /** Output bands: one per expression. */
    public int bandCount() {
        return expressions.size();
    }

    /** The highest 1-based band number any expression reads (0 if none): the input needs that many bands. */
    public int maxBand() {
        return maxBand;
    }

    /** The 0-based input bands some expression reads, ascending: what {@link #apply} expects, in this order. */
    public int[] inputBands() {
        return inputBands.clone();
    }

    /**
     * Evaluates every expression on one window.
     *
     * @param in        the window's pixels: the bands {@link #inputBands()}, in that order
     * @param inNodata  the input nodata (NaN: only NaN is invalid)
     * @return a raster of the window's size, {@link #bandCount()} bands of {@link #outputType()}
     */
    public Raster apply(Raster in, double inNodata) {
        if (in.bandCount() != inputBands.length) {
            throw new IllegalArgumentException("band math reads " + inputBands.length + " bands, the window has "
                    + in.bandCount());
        }
        int width = in.width();
        Raster out = Raster.allocate(outputType, width, in.height(), expressions.size());
        double[][] rows = new double[inputBands.length][width];
        boolean[] valid = new boolean[inputBands.length];
        double[][] results = new double[expressions.size()][width];
        double[] pixel = new double[maxBand];
        Double reserved = Double.isNaN(outputNodata) ? null : outputNodata;
        for (int r = 0; r < in.height(); r++) {
            for (int k = 0; k < inputBands.length; k++) {
                in.readRow(k, 0, r, width, rows[k]);
            }
            for (int c = 0; c < width; c++) {
                for (int k = 0; k < inputBands.length; k++) {
                    double v = rows[k][c];
                    pixel[inputBands[k]] = v;
                    valid[k] = Validity.isValid(v, inNodata);
                }
                for (int e = 0; e < results.length; e++) {
                    results[e][c] = allValid(valid, reads[e])
                            ? CorrectionApplier.storable(expressions.get(e).evaluate(pixel), outputType, reserved,
                                    outputNodata)
                            : outputNodata;
                }
            }
            for (int e = 0; e < results.length; e++) {
                out.writeRow(e, 0, r, width, results[e]);
            }
        }
        return out;
    }

    private static boolean allValid(boolean[] valid, int[] positions) {
        for (int p : positions) {
            if (!valid[p]) {
                return false;
            }
        }
        return true;
    }
}
