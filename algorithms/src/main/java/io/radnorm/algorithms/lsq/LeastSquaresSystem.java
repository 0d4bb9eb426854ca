package io.radnorm.algorithms.lsq;

import java.util.Arrays;

/**
 * The rows of an overdetermined linear system {@code A·x ≈ y}, stored sparsely (compressed rows):
 * each row keeps only its nonzero coefficients. Radiometric models have a handful of nonzeros per
 * row and thousands of unknowns, so a dense A would be almost all zeros.
 *
 * <p>Built by appending rows, then read by a {@link LinearLeastSquaresSolver}. A row may name the
 * same column twice; the coefficients then add up. Row weights are the caller's business: scale
 * coefficients and right-hand side together.
 *
 * <p>Mutable while rows are added; not thread-safe.
 */
public final class LeastSquaresSystem {

    private final int unknownCount;
    private int rowCount;
    private int nonZeroCount;
    private int[] rowStart = new int[17];
    private double[] rhs = new double[16];
    private int[] columns = new int[64];
    private double[] values = new double[64];

    public LeastSquaresSystem(int unknownCount) {
        if (unknownCount < 0) {
            throw new IllegalArgumentException("unknownCount must not be negative: " + unknownCount);
        }
        this.unknownCount = unknownCount;
    }

    /**
     * Appends the row {@code Σ values[k]·x[columns[k]] = rhs}.
     *
     * @throws IllegalArgumentException if the arrays differ in length or a column is out of range
     */
    public void addRow(double rhs, int[] columns, double[] values) {
        if (columns.length != values.length) {
            throw new IllegalArgumentException(
                    columns.length + " columns but " + values.length + " values");
        }
        for (int c : columns) {
            if (c < 0 || c >= unknownCount) {
                throw new IllegalArgumentException(
                        "column " + c + " out of range [0, " + unknownCount + ")");
            }
        }
        if (rowCount + 2 > rowStart.length) {
            rowStart = Arrays.copyOf(rowStart, rowStart.length * 2);
        }
        if (rowCount + 1 > this.rhs.length) {
            this.rhs = Arrays.copyOf(this.rhs, this.rhs.length * 2);
        }
        int needed = nonZeroCount + columns.length;
        if (needed > this.columns.length) {
            int capacity = Math.max(needed, this.columns.length * 2);
            this.columns = Arrays.copyOf(this.columns, capacity);
            this.values = Arrays.copyOf(this.values, capacity);
        }
        System.arraycopy(columns, 0, this.columns, nonZeroCount, columns.length);
        System.arraycopy(values, 0, this.values, nonZeroCount, values.length);
        nonZeroCount = needed;
        this.rhs[rowCount] = rhs;
        rowCount++;
        rowStart[rowCount] = nonZeroCount;
    }

    public int unknownCount() {
        return unknownCount;
    }

    public int rowCount() {
        return rowCount;
    }

    public int nonZeroCount() {
        return nonZeroCount;
    }

    /** Index of the row's first stored coefficient, for {@link #column} and {@link #value}. */
    public int rowStart(int row) {
        checkRow(row);
        return rowStart[row];
    }

    /** One past the index of the row's last stored coefficient. */
    public int rowEnd(int row) {
        checkRow(row);
        return rowStart[row + 1];
    }

    public int column(int index) {
        return columns[checkIndex(index)];
    }

    public double value(int index) {
        return values[checkIndex(index)];
    }

    public double rhs(int row) {
        checkRow(row);
        return rhs[row];
    }

    /** {@code A·x}. */
    public double[] multiply(double[] x) {
        checkLength(x, unknownCount, "x");
        double[] out = new double[rowCount];
        for (int r = 0; r < rowCount; r++) {
            double s = 0;
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                s += values[k] * x[columns[k]];
            }
            out[r] = s;
        }
        return out;
    }

    /** {@code Aᵀ·v}. */
    public double[] multiplyTransposed(double[] v) {
        checkLength(v, rowCount, "v");
        double[] out = new double[unknownCount];
        for (int r = 0; r < rowCount; r++) {
            double vr = v[r];
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                out[columns[k]] += values[k] * vr;
            }
        }
        return out;
    }

    /** {@code A·x − y}. */
    public double[] residual(double[] x) {
        double[] out = multiply(x);
        for (int r = 0; r < rowCount; r++) {
            out[r] -= rhs[r];
        }
        return out;
    }

    /**
     * {@code y − A·x0}, what a {@link LinearLeastSquaresSolver} solves for the correction from its
     * prior x0, checked to be finite.
     *
     * @throws IllegalArgumentException if x0 does not have {@link #unknownCount()} entries
     * @throws ArithmeticException naming the first row with a non-finite coefficient or right-hand side
     */
    public double[] priorResidual(double[] x0) {
        if (x0.length != unknownCount) {
            throw new IllegalArgumentException("x0 has length " + x0.length + ", expected " + unknownCount);
        }
        double[] r0 = residual(x0);
        for (int r = 0; r < r0.length; r++) {
            r0[r] = -r0[r];
            if (!Double.isFinite(r0[r])) {
                throw new ArithmeticException("row " + r + " has a non-finite coefficient or right-hand side");
            }
        }
        return r0;
    }

    /** {@code ‖A·x − y‖₂}. */
    public double residualNorm(double[] x) {
        double s = 0;
        for (double e : residual(x)) {
            s += e * e;
        }
        return Math.sqrt(s);
    }

    /** A as a dense {@code rowCount × unknownCount} matrix, for tests and debugging. */
    public double[][] toDenseMatrix() {
        double[][] a = new double[rowCount][unknownCount];
        for (int r = 0; r < rowCount; r++) {
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                a[r][columns[k]] += values[k];
            }
        }
        return a;
    }

    /** y as a new array. */
    public double[] rhsVector() {
        return Arrays.copyOf(rhs, rowCount);
    }

    private void checkRow(int row) {
        if (row < 0 || row >= rowCount) {
            throw new IndexOutOfBoundsException("row " + row + " of " + rowCount);
        }
    }

    private int checkIndex(int index) {
        if (index < 0 || index >= nonZeroCount) {
            throw new IndexOutOfBoundsException("coefficient " + index + " of " + nonZeroCount);
        }
        return index;
    }

    private static void checkLength(double[] v, int expected, String name) {
        if (v.length != expected) {
            throw new IllegalArgumentException(name + " has length " + v.length + ", expected " + expected);
        }
    }
}
