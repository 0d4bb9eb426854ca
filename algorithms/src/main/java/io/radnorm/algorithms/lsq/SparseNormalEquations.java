package io.radnorm.algorithms.lsq;

import java.util.Arrays;

/**
 * The normal matrix {@code N = AᵀA} of a {@link LeastSquaresSystem}, assembled sparsely in
 * compressed sparse rows (CSR), both triangles stored, without a dense matrix anywhere.
 *
 * <p>Radiometric rows are local — an overlap row names the gain and offset of two images, an
 * anchor row those of one — so N has a nonzero (i, j) only where unknowns i and j share a row:
 * for images in a grid with 8 neighbours each, about 18 nonzeros per unknown whatever the number
 * of images, where a dense N has 2N.
 *
 * <p><b>Assembly</b> is the row-by-row sparse product (Gustavson): A is transposed to columns
 * once, then row i of N is {@code Σ A[r][i]·A[r][·]} over the rows r that name i, gathered in a
 * dense work vector with a marker so that each nonzero is found once. Cost Σ (row length)² over
 * A's rows, memory O(nnz(N) + nnz(A) + n). A row naming a column twice is right by distributivity.
 *
 * <p>Immutable after construction; thread-safe.
 */
public final class SparseNormalEquations {

    private final int n;
    private final int[] rowStart;
    private final int[] columns;
    private final double[] values;

    private SparseNormalEquations(int n, int[] rowStart, int[] columns, double[] values) {
        this.n = n;
        this.rowStart = rowStart;
        this.columns = columns;
        this.values = values;
    }

    /** {@code AᵀA} of the system's rows. */
    public static SparseNormalEquations of(LeastSquaresSystem system) {
        int n = system.unknownCount();
        int m = system.rowCount();
        int nnzA = system.nonZeroCount();
        // A by columns: for each column, the (row, value) entries naming it.
        int[] colStart = new int[n + 1];
        for (int k = 0; k < nnzA; k++) {
            colStart[system.column(k) + 1]++;
        }
        for (int c = 0; c < n; c++) {
            colStart[c + 1] += colStart[c];
        }
        int[] fill = Arrays.copyOf(colStart, n);
        int[] entryRow = new int[nnzA];
        double[] entryValue = new double[nnzA];
        for (int r = 0; r < m; r++) {
            for (int k = system.rowStart(r); k < system.rowEnd(r); k++) {
                int p = fill[system.column(k)]++;
                entryRow[p] = r;
                entryValue[p] = system.value(k);
            }
        }

        int[] rowStart = new int[n + 1];
        int[] columns = new int[Math.max(16, 2 * nnzA)];
        double[] values = new double[columns.length];
        int[] marker = new int[n];
        Arrays.fill(marker, -1);
        double[] work = new double[n];
        int[] found = new int[16];
        int nnz = 0;
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int p = colStart[i]; p < colStart[i + 1]; p++) {
                int r = entryRow[p];
                double v = entryValue[p];
                for (int k = system.rowStart(r); k < system.rowEnd(r); k++) {
                    int c = system.column(k);
                    if (marker[c] != i) {
                        marker[c] = i;
                        work[c] = 0;
                        if (count == found.length) {
                            found = Arrays.copyOf(found, 2 * count);
                        }
                        found[count++] = c;
                    }
                    work[c] += v * system.value(k);
                }
            }
            Arrays.sort(found, 0, count);
            if (nnz + count > columns.length) {
                int capacity = Math.max(nnz + count, columns.length + columns.length / 2);
                columns = Arrays.copyOf(columns, capacity);
                values = Arrays.copyOf(values, capacity);
            }
            for (int q = 0; q < count; q++) {
                columns[nnz] = found[q];
                values[nnz] = work[found[q]];
                nnz++;
            }
            rowStart[i + 1] = nnz;
        }
        return new SparseNormalEquations(n, rowStart, Arrays.copyOf(columns, nnz), Arrays.copyOf(values, nnz));
    }

    public int unknownCount() {
        return n;
    }

    /** Stored entries (both triangles; explicit zeros from zero-weight rows included). */
    public int nonZeroCount() {
        return rowStart[n];
    }

    /** {@code N[i][j]}, 0 where nothing is stored. */
    public double get(int i, int j) {
        if (i < 0 || i >= n || j < 0 || j >= n) {
            throw new IndexOutOfBoundsException("(" + i + ", " + j + ") of a " + n + " × " + n + " matrix");
        }
        int k = Arrays.binarySearch(columns, rowStart[i], rowStart[i + 1], j);
        return k >= 0 ? values[k] : 0;
    }

    /** {@code out = N·x}; out must not be x. */
    public void multiply(double[] x, double[] out) {
        if (x.length != n || out.length != n) {
            throw new IllegalArgumentException("vectors of length " + x.length + " and " + out.length
                    + " for a " + n + " × " + n + " matrix");
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                s += values[k] * x[columns[k]];
            }
            out[i] = s;
        }
    }

    /** N as a dense matrix, for tests. */
    public double[][] toDenseMatrix() {
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                out[i][columns[k]] = values[k];
            }
        }
        return out;
    }
}
