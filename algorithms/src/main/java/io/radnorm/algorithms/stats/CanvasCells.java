package io.radnorm.algorithms.stats;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Cuts the canvas — the union of all footprints — into square cells and lists, for each cell, the
 * images whose footprints reach into it. A cell is the unit of work of a statistics pass: one task
 * reads every image's window in the cell once, so every overlap in the cell is formed in memory
 * and each input pixel is decoded once for all statistics.
 *
 * <p>Cells are aligned to the canvas's top-left corner; cell edges are computed as
 * {@code origin + k·size}, the same expression on both sides of an edge (see {@link CellGrid}).
 * Cells that no footprint reaches are not listed.
 */
public final class CanvasCells {

    /** One cell: its map extent and the indices of the images it touches, ascending. */
    public record Cell(Envelope extent, int[] images) implements Serializable {
    }

    private CanvasCells() {
    }

    /** The union extent of the footprints. */
    public static Envelope canvas(List<Envelope> footprints) {
        Envelope e = new Envelope();
        footprints.forEach(e::expandToInclude);
        return e;
    }

    /**
     * @param cellSize  the cell side in map units (e.g. 1024 × the finest pixel size)
     */
    public static List<Cell> cells(List<Envelope> footprints, double cellSize) {
        if (!(cellSize > 0)) {
            throw new IllegalArgumentException("cell size must be positive: " + cellSize);
        }
        Envelope canvas = canvas(footprints);
        STRtree tree = new STRtree();
        for (int i = 0; i < footprints.size(); i++) {
            tree.insert(footprints.get(i), i);
        }
        int cols = (int) Math.ceil(canvas.getWidth() / cellSize);
        int rows = (int) Math.ceil(canvas.getHeight() / cellSize);
        List<Cell> out = new ArrayList<>();
        for (int r = 0; r < Math.max(1, rows); r++) {
            double maxY = canvas.getMaxY() - r * cellSize;
            double minY = canvas.getMaxY() - (r + 1) * cellSize;
            for (int c = 0; c < Math.max(1, cols); c++) {
                double minX = canvas.getMinX() + c * cellSize;
                double maxX = canvas.getMinX() + (c + 1) * cellSize;
                Envelope cell = new Envelope(minX, maxX, minY, maxY);
                @SuppressWarnings("unchecked")
                List<Integer> hits = tree.query(cell);
                int[] images = hits.stream().filter(i -> intersectsWithArea(footprints.get(i), cell))
                        .mapToInt(Integer::intValue).sorted().toArray();
                if (images.length > 0) {
                    out.add(new Cell(cell, images));
                }
            }
        }
        return out;
    }

    private static boolean intersectsWithArea(Envelope a, Envelope b) {
        Envelope i = a.intersection(b);
        return i.getWidth() > 0 && i.getHeight() > 0;
    }
}
