package io.radnorm.algorithms.local;

import java.io.Serializable;

/**
 * A rectangle of blocks of a {@link BlockGrid}: rows {@code row0 … row0 + rows − 1}, columns
 * {@code col0 … col0 + cols − 1}. The part of the grid an image's block data covers
 * ({@link BlockMap#window()}). May be empty (0 rows or columns).
 */
public record BlockWindow(int row0, int col0, int rows, int cols) implements Serializable {

    public BlockWindow {
        if (row0 < 0 || col0 < 0 || rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative block window: " + row0 + ", " + col0 + ", " + rows + " x " + cols);
        }
    }

    /** The window of no block. */
    public static final BlockWindow EMPTY = new BlockWindow(0, 0, 0, 0);

    /** The whole grid. */
    public static BlockWindow of(BlockGrid grid) {
        return new BlockWindow(0, 0, grid.rows(), grid.cols());
    }

    public boolean isEmpty() {
        return rows == 0 || cols == 0;
    }

    public int blockCount() {
        return rows * cols;
    }

    public boolean contains(int row, int col) {
        return row >= row0 && row < row0 + rows && col >= col0 && col < col0 + cols;
    }
}
