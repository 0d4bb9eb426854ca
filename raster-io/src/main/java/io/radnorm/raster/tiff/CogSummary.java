package io.radnorm.raster.tiff;

import io.radnorm.raster.GridSize;
import java.io.Serializable;
import java.util.List;

/**
 * What {@link CogWriter} wrote.
 *
 * @param location  the target as given
 * @param length    the file's size in bytes
 * @param bigTiff   whether the file is a BigTIFF
 * @param levels    the size of each level, full resolution first, then overviews largest to smallest
 * @param predictor the Predictor tag value used: 1 none, 2 horizontal, 3 floating point
 */
public record CogSummary(String location, long length, boolean bigTiff, List<GridSize> levels, int predictor)
        implements Serializable {

    public CogSummary {
        levels = List.copyOf(levels);
    }

    /** Number of overview levels. */
    public int overviewCount() {
        return levels.size() - 1;
    }
}
