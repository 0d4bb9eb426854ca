package io.radnorm.raster.tiff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One positioned read that fetches the bytes of one or more blocks lying close together in the
 * file. Coalescing neighbours turns a window of a COG on S3 into a few range requests instead of one
 * per tile, at the price of reading the small gaps between them.
 *
 * @param blocks  ids of the blocks whose bytes lie in {@code [start, end)}
 */
record BlockRange(long start, long end, List<Integer> blocks) {

    /** Largest gap between two blocks still worth reading through rather than issuing a second request. */
    static final long MAX_GAP = 64 * 1024;
    /** Bound on one merged read so that a huge window still streams in pieces. */
    static final long MAX_RANGE = 16L * 1024 * 1024;

    int length() {
        return (int) (end - start);
    }

    /** Groups the non-empty blocks among {@code ids} into ranges ordered by file offset. */
    static List<BlockRange> coalesce(List<Integer> ids, long[] offsets, long[] counts) {
        List<Integer> sorted = new ArrayList<>(ids);
        sorted.removeIf(id -> counts[id] == 0 || offsets[id] == 0);
        sorted.sort(Comparator.comparingLong(id -> offsets[id]));
        List<BlockRange> out = new ArrayList<>();
        long start = -1, end = -1;
        List<Integer> current = new ArrayList<>();
        for (int id : sorted) {
            long s = offsets[id], e = s + counts[id];
            // s < end happens when blocks share bytes (TIFF allows identical blocks to be stored once).
            if (!current.isEmpty() && s - end <= MAX_GAP && Math.max(e, end) - start <= MAX_RANGE) {
                end = Math.max(end, e);
                current.add(id);
            } else {
                if (!current.isEmpty()) {
                    out.add(new BlockRange(start, end, current));
                }
                current = new ArrayList<>();
                current.add(id);
                start = s;
                end = e;
            }
        }
        if (!current.isEmpty()) {
            out.add(new BlockRange(start, end, current));
        }
        return out;
    }
}
