package io.radnorm.raster.tiff;

import io.radnorm.raster.DataType;
import io.radnorm.raster.GridSize;
import io.radnorm.raster.Window;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The layout of a Cloud-Optimized GeoTIFF written in pieces by many independent tasks
 * ({@link CogBlockEncoder}) and assembled afterwards ({@link CogAssembler}): the image, its COG
 * options, and how its tiles and overview levels are cut into <em>blocks</em> of
 * {@code blockTiles × blockTiles} tiles.
 *
 * <h2>Stages</h2>
 * A block of stage 0 covers {@code blockTiles × blockTiles} full-resolution tiles; its task renders
 * those pixels, encodes their tiles and reduces them, within the block, to the overview levels
 * 1 … m where {@code m = log2(blockTiles)}. Because a block's side is a power of two times the tile
 * size, its region at each of these levels is still tile-aligned, and at level m it is exactly one
 * tile. The overview reduction of a 2×2 cell never crosses a block edge (blocks start at even
 * pixels of every level they cover), so every pixel comes out as {@link CogWriter} computes it.
 * Levels below m need pixels from several blocks: stage 1 treats each level-m tile of stage 0
 * (handed up as raw pixels, at most one tile each) as its input and repeats the same with blocks of
 * {@code blockTiles × blockTiles} level-m tiles, producing levels m+1 … 2m, and so on until the
 * smallest overview. Each stage has {@code blockTiles²} times fewer blocks than the one before, so
 * a mosaic of any size needs a handful of stages, and no task ever holds more than one block's
 * tile row at each level plus one pass-up tile.
 *
 * @param blockTiles tiles per block side: a power of two, at least 2
 */
public record CogPlan(int width, int height, int bandCount, DataType dataType, GeoMetadata metadata,
                      CogOptions options, int blockTiles) implements Serializable {

    public CogPlan {
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(options, "options");
        if (width < 1 || height < 1 || bandCount < 1 || bandCount > 0xFFFF) {
            throw new IllegalArgumentException("cannot write a COG of " + width + "x" + height + " pixels and "
                    + bandCount + " bands");
        }
        if (blockTiles < 2 || Integer.bitCount(blockTiles) != 1) {
            throw new IllegalArgumentException("blockTiles " + blockTiles + " must be a power of two >= 2");
        }
        options.predictor().tagValue(dataType, options.compression()); // fails early on a bad predictor
    }

    public int tileSize() {
        return options.tileSize();
    }

    /** Full resolution first, then each overview. */
    public List<GridSize> levelSizes() {
        return CogWriter.levelSizes(width, height, options.minOverviewSize());
    }

    public int levelCount() {
        return levelSizes().size();
    }

    /** Overview levels one block reduces to: log2(blockTiles). */
    public int levelsPerStage() {
        return Integer.numberOfTrailingZeros(blockTiles);
    }

    public int stageCount() {
        int last = levelCount() - 1;
        return last == 0 ? 1 : (last + levelsPerStage() - 1) / levelsPerStage();
    }

    /** The level a stage's blocks read (0 for stage 0, rendered; later stages read pass-up tiles). */
    public int baseLevel(int stage) {
        return stage * levelsPerStage();
    }

    /** The smallest level a stage produces. */
    public int topLevel(int stage) {
        return Math.min(baseLevel(stage) + levelsPerStage(), levelCount() - 1);
    }

    /** Whether a stage's blocks hand their top level's pixels to the next stage. */
    public boolean passesUp(int stage) {
        return stage + 1 < stageCount();
    }

    /** Side of a block in pixels of its base level. */
    public int blockPixels() {
        return blockTiles * tileSize();
    }

    public int blocksAcross(int stage) {
        return ceilDiv(levelSizes().get(baseLevel(stage)).width(), blockPixels());
    }

    public int blocksDown(int stage) {
        return ceilDiv(levelSizes().get(baseLevel(stage)).height(), blockPixels());
    }

    /** Block (bx, by) of a stage in pixels of its base level, clipped to the level. */
    public Window blockWindow(int stage, int bx, int by) {
        GridSize s = levelSizes().get(baseLevel(stage));
        int x = bx * blockPixels(), y = by * blockPixels();
        return new Window(x, y, Math.min(blockPixels(), s.width() - x), Math.min(blockPixels(), s.height() - y));
    }

    public int tilesAcross(int level) {
        return ceilDiv(levelSizes().get(level).width(), tileSize());
    }

    public int tilesDown(int level) {
        return ceilDiv(levelSizes().get(level).height(), tileSize());
    }

    /** The Predictor tag value the tiles use. */
    public int predictor() {
        return options.predictor().tagValue(dataType, options.compression());
    }

    /** A source of this plan's bands and type over a grid of {@code size}, reading with {@code reader}. */
    public RasterSource source(GridSize size, RasterSource.WindowReader reader) {
        return RasterSource.of(size.width(), size.height(), bandCount, dataType, reader);
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
