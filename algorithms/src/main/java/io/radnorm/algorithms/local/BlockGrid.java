package io.radnorm.algorithms.local;

import io.radnorm.algorithms.stats.MomentAccumulator;
import io.radnorm.algorithms.stats.Moments;
import io.radnorm.raster.GeoTransform;
import java.io.Serializable;
import java.util.Collection;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;

/**
 * The block grid of the local block adjustment: the canvas (the union extent of all images, or an
 * extent the user gives) cut into {@code rows × cols} equal blocks, counted from the canvas's
 * top-left corner like pixels — block (0, 0) is top-left, rows grow southwards. Block index
 * {@code row·cols + col} addresses a block in {@link BlockSums} and {@link BlockMap}.
 *
 * <p><b>Which block a point belongs to.</b> Its fractional block position is
 * {@code u = (x − minX)/blockWidth}, {@code v = (maxY − y)/blockHeight}; the point is in block
 * (⌊v⌋, ⌊u⌋). Intervals are half-open in block order, as pixel rows and columns are: a point on
 * an inner edge belongs to the block on its right, or below it; the canvas is
 * {@code [minX, maxX) × (minY, maxY]} and points outside it are in no block (−1). (Vertically this
 * is the mirror of {@link io.radnorm.algorithms.stats.CellGrid}'s {@code [minY, maxY)} — harmless:
 * a pixel is counted once because exactly one canvas cell owns it, whichever block it then falls
 * in.) A pixel belongs to the block containing its <em>centre</em>. Edges are computed by one
 * expression ({@link #columnEdge}, {@link #rowEdge}) and membership is decided against those very
 * edges, so {@link #blockExtent} and {@link #column}/{@link #row} agree to the last bit.
 *
 * <p><b>Choosing the size</b>, as the reference (spectralmatch) does:
 * <ul>
 * <li>{@link #forBlocksPerImage}: a target of N blocks per image, T = N × images blocks on the
 *     canvas, shaped like the canvas: {@code cols = rint(√(T·width/height))},
 *     {@code rows = rint(T/cols)}; then the longer side (columns if the canvas is wider than tall,
 *     else rows) grows while {@code rows·cols < T} and shrinks while {@code rows·cols > T}, so the
 *     grid ends with the most blocks not above T. Rounding is half-to-even ({@link Math#rint}), as
 *     Python's {@code round}. Unlike the reference, neither side drops below 1.
 * <li>{@link #forCoefficientOfVariation}: Yu et al. (2017) scale a 10 × 10 grid by the collection's
 *     coefficient of variation relative to that of a typical 8-bit scene, 45/125 = 0.36:
 *     {@code rows = cols = max(1, rint(10·CV/0.36))} — more contrast, smaller blocks. CV is the
 *     population std over the mean of all valid band-1 pixels of the collection; with no pixels or
 *     a zero mean the grid stays 10 × 10.
 * <li>explicit {@code rows × cols}: the constructor.
 * </ul>
 *
 * <p>North-up only; {@link #geoTransform()} is the grid as a raster of block-sized pixels, the
 * layout block maps are saved in.
 */
public record BlockGrid(Envelope canvas, int rows, int cols) implements Serializable {

    /** Side of the grid Yu et al. scale by the coefficient of variation. */
    public static final int CV_BASE_BLOCKS = 10;

    /** The coefficient of variation of the scene the base grid was tuned for: std 45 over mean 125. */
    public static final double CV_REFERENCE = 45.0 / 125.0;

    public BlockGrid {
        Objects.requireNonNull(canvas, "canvas");
        if (canvas.isNull() || !(canvas.getWidth() > 0) || !(canvas.getHeight() > 0)) {
            throw new IllegalArgumentException("canvas must have a positive width and height: " + canvas);
        }
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("a block grid needs at least 1 row and 1 column, got "
                    + rows + " x " + cols);
        }
        if ((long) rows * cols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a " + rows + " x " + cols + " block grid is too large");
        }
        canvas = new Envelope(canvas); // Envelope is mutable; keep our own
    }

    /** A copy of the canvas (JTS envelopes are mutable). */
    @Override
    public Envelope canvas() {
        return new Envelope(canvas);
    }

    /**
     * The grid with about {@code blocksPerImage × imageCount} blocks, shaped like the canvas (see
     * the class comment for the exact rule).
     */
    public static BlockGrid forBlocksPerImage(Envelope canvas, double blocksPerImage, int imageCount) {
        if (!(blocksPerImage > 0) || Double.isInfinite(blocksPerImage)) {
            throw new IllegalArgumentException("blocks per image must be positive: " + blocksPerImage);
        }
        if (imageCount < 1) {
            throw new IllegalArgumentException("need at least one image, got " + imageCount);
        }
        double total = blocksPerImage * imageCount;
        double width = canvas.getWidth(), height = canvas.getHeight();
        int cols = (int) Math.max(1, Math.rint(Math.sqrt(total * width / height)));
        int rows = (int) Math.max(1, Math.rint(total / cols));
        boolean wide = width > height;
        // The reference's two loops, kept literally so that its grids are reproduced exactly.
        while ((double) rows * cols < total) {
            if (wide) {
                cols++;
            } else {
                rows++;
            }
        }
        while ((double) rows * cols > total && (wide ? cols : rows) > 1) {
            if (wide) {
                cols--;
            } else {
                rows--;
            }
        }
        return new BlockGrid(canvas, rows, cols);
    }

    /** The square grid {@code max(1, rint(10·cv/0.36))} on a side; 10 × 10 when cv is NaN. */
    public static BlockGrid forCoefficientOfVariation(Envelope canvas, double cv) {
        int side = Double.isNaN(cv) ? CV_BASE_BLOCKS
                : (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.rint(CV_BASE_BLOCKS * cv / CV_REFERENCE)));
        return new BlockGrid(canvas, side, side);
    }

    /**
     * The coefficient of variation (population std / mean) of the union of the pixel sets whose
     * moments are given — e.g. every image's whole-image band-1 moments; NaN when there is no
     * pixel or the mean is 0.
     */
    public static double coefficientOfVariation(Collection<Moments> moments) {
        MomentAccumulator pooled = new MomentAccumulator();
        for (Moments m : moments) {
            pooled.merge(MomentAccumulator.from(m));
        }
        double mean = pooled.mean();
        return pooled.count() == 0 || mean == 0 ? Double.NaN : pooled.std() / mean;
    }

    /** The grid of a block map saved as a raster: {@code cols × rows} pixels under {@code transform}. */
    public static BlockGrid fromGeoTransform(GeoTransform transform, int cols, int rows) {
        if (!transform.isNorthUp()) {
            throw new IllegalArgumentException("a block grid must be north-up: " + transform);
        }
        return new BlockGrid(transform.bounds(cols, rows), rows, cols);
    }

    public int blockCount() {
        return rows * cols;
    }

    public double blockWidth() {
        return canvas.getWidth() / cols;
    }

    public double blockHeight() {
        return canvas.getHeight() / rows;
    }

    /** Map area of one block. */
    public double blockArea() {
        return blockWidth() * blockHeight();
    }

    public int index(int row, int col) {
        Objects.checkIndex(row, rows);
        Objects.checkIndex(col, cols);
        return row * cols + col;
    }

    public int rowOf(int index) {
        return index / cols;
    }

    public int colOf(int index) {
        return index % cols;
    }

    /** Map x of the left edge of block column {@code c}, 0 ≤ c ≤ cols (c = cols: the canvas's right edge). */
    public double columnEdge(int c) {
        return c == cols ? canvas.getMaxX() : canvas.getMinX() + c * blockWidth();
    }

    /** Map y of the top edge of block row {@code r}, 0 ≤ r ≤ rows (r = rows: the canvas's bottom edge). */
    public double rowEdge(int r) {
        return r == rows ? canvas.getMinY() : canvas.getMaxY() - r * blockHeight();
    }

    public Envelope blockExtent(int row, int col) {
        Objects.checkIndex(row, rows);
        Objects.checkIndex(col, cols);
        return new Envelope(columnEdge(col), columnEdge(col + 1), rowEdge(row + 1), rowEdge(row));
    }

    /** Map x of the centre of block column {@code col}: the node of the interpolation. */
    public double centreX(int col) {
        return canvas.getMinX() + (col + 0.5) * blockWidth();
    }

    /** Map y of the centre of block row {@code row}. */
    public double centreY(int row) {
        return canvas.getMaxY() - (row + 0.5) * blockHeight();
    }

    /** The block column containing map x ({@code columnEdge(c) ≤ x < columnEdge(c + 1)}), or −1. */
    public int column(double x) {
        if (!(x >= canvas.getMinX() && x < canvas.getMaxX())) {
            return -1;
        }
        int c = (int) Math.min(cols - 1, Math.floor((x - canvas.getMinX()) / blockWidth()));
        // The division may land one off an edge computed by multiplication; settle on the edges.
        while (c > 0 && x < columnEdge(c)) {
            c--;
        }
        while (c < cols - 1 && x >= columnEdge(c + 1)) {
            c++;
        }
        return c;
    }

    /** The block row containing map y ({@code rowEdge(r) ≥ y > rowEdge(r + 1)}), or −1. */
    public int row(double y) {
        if (!(y <= canvas.getMaxY() && y > canvas.getMinY())) {
            return -1;
        }
        int r = (int) Math.min(rows - 1, Math.floor((canvas.getMaxY() - y) / blockHeight()));
        while (r > 0 && y > rowEdge(r)) {
            r--;
        }
        while (r < rows - 1 && y <= rowEdge(r + 1)) {
            r++;
        }
        return r;
    }

    /** The index of the block containing map point (x, y), or −1 when it is outside the canvas. */
    public int blockOf(double x, double y) {
        int c = column(x), r = row(y);
        return c < 0 || r < 0 ? -1 : r * cols + c;
    }

    /** The block containing the centre of pixel (col, row) of an image, or −1. */
    public int blockOfPixel(GeoTransform image, int col, int row) {
        return blockOf(image.x(col + 0.5, row + 0.5), image.y(col + 0.5, row + 0.5));
    }

    /**
     * The block column of the centre of each pixel column {@code firstCol … firstCol + count − 1}
     * of a north-up image (−1 outside the canvas): on north-up grids a pixel's block column depends
     * on its column only, so a window is assigned with one lookup per column and per row.
     */
    public int[] blockColumns(GeoTransform image, int firstCol, int count) {
        requireNorthUp(image);
        int[] out = new int[count];
        for (int k = 0; k < count; k++) {
            out[k] = column(image.x(firstCol + k + 0.5, 0));
        }
        return out;
    }

    /** The block row of the centre of each pixel row {@code firstRow …} of a north-up image (−1 outside). */
    public int[] blockRows(GeoTransform image, int firstRow, int count) {
        requireNorthUp(image);
        int[] out = new int[count];
        for (int k = 0; k < count; k++) {
            out[k] = row(image.y(0, firstRow + k + 0.5));
        }
        return out;
    }

    /** The grid as a raster: origin at the canvas's top-left corner, block-sized pixels. */
    public GeoTransform geoTransform() {
        return GeoTransform.northUp(canvas.getMinX(), canvas.getMaxY(), blockWidth(), blockHeight());
    }

    private static void requireNorthUp(GeoTransform t) {
        if (!t.isNorthUp()) {
            throw new IllegalArgumentException("rotated rasters are not supported");
        }
    }
}
