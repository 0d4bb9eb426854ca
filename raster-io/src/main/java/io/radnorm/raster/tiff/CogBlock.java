package io.radnorm.raster.tiff;

import java.io.Serializable;
import java.util.List;

/**
 * What one {@link CogBlockEncoder} task wrote to its part file: the compressed tiles of each level
 * it encoded (sizes only; the bytes stay in the part file) and where its pass-up pixels are. This
 * is all the assembling driver needs: a few integers per tile, never pixels.
 *
 * @param part       the part file's URI
 * @param levels     the tiles encoded, one entry per level
 * @param passUp     where the block's top-level pixels start in the part file (raw, little-endian,
 *                   band-sequential), or -1 when the stage hands nothing up
 * @param passUpSize width and height of those pixels (at most one tile)
 */
public record CogBlock(int stage, int bx, int by, String part, List<LevelTiles> levels, long passUp,
                       int[] passUpSize) implements Serializable {

    public CogBlock {
        levels = List.copyOf(levels);
    }

    /**
     * The tiles of one level in a block: a rectangle of tiles, written row by row (each row of
     * tiles is contiguous in the part file, framed as in the COG: size leader, bytes, trailer).
     *
     * @param tileX      first tile column in the level
     * @param tileY      first tile row in the level
     * @param byteCounts compressed size of each tile, row-major within the block
     * @param rowOffsets where each tile row starts in the part file
     * @param rowLengths bytes of each tile row in the part file, leaders and trailers included
     */
    public record LevelTiles(int level, int tileX, int tileY, int across, int down, int[] byteCounts,
                             long[] rowOffsets, long[] rowLengths) implements Serializable {
    }
}
