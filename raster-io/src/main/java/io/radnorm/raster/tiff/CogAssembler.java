package io.radnorm.raster.tiff;

import io.radnorm.raster.GridSize;
import io.radnorm.raster.fs.AtomicOutput;
import io.radnorm.raster.fs.RangeReader;
import io.radnorm.raster.fs.RangeReaders;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * Assembles the Cloud-Optimized GeoTIFF of a {@link CogPlan} from the part files its blocks were
 * encoded into ({@link CogBlockEncoder}): the header and IFDs are laid out from the tile sizes the
 * blocks report ({@link CogHeader}, byte for byte as {@link CogWriter} lays them out), then the tile
 * data is copied from the parts in COG order — smallest overview first, each level row by row
 * across the blocks — with positioned range reads. No tile is decoded and no pixel is touched:
 * this is a streaming byte copy, which is what the Spark driver does after the executors encoded
 * the blocks. The result is the same file {@link CogWriter} writes for the same pixels and options.
 *
 * <p>The output goes through {@link AtomicOutput}: it appears only when complete.
 */
public final class CogAssembler {

    private static final int COPY_BUFFER = 1 << 20;

    private CogAssembler() {
    }

    /**
     * Writes the COG to {@code uri}.
     *
     * @param blocks the results of every block of every stage of {@code plan}
     */
    public static CogSummary write(CogPlan plan, List<CogBlock> blocks, String uri, Configuration conf,
                                   boolean overwrite) throws IOException {
        List<GridSize> sizes = plan.levelSizes();
        int n = sizes.size();
        List<List<CogBlock.LevelTiles>> pieces = new ArrayList<>();
        Map<CogBlock.LevelTiles, String> partOf = new HashMap<>();
        for (int l = 0; l < n; l++) {
            pieces.add(new ArrayList<>());
        }
        for (CogBlock b : blocks) {
            for (CogBlock.LevelTiles t : b.levels()) {
                pieces.get(t.level()).add(t);
                partOf.put(t, b.part());
            }
        }
        int predictor = plan.predictor();
        List<CogHeader.Level> layout = new ArrayList<>();
        for (int l = 0; l < n; l++) {
            int across = plan.tilesAcross(l), down = plan.tilesDown(l);
            int[] counts = new int[across * down];
            boolean[] seen = new boolean[counts.length];
            long length = 0;
            for (CogBlock.LevelTiles t : pieces.get(l)) {
                for (int y = 0; y < t.down(); y++) {
                    for (int x = 0; x < t.across(); x++) {
                        int i = (t.tileY() + y) * across + t.tileX() + x;
                        if (seen[i]) {
                            throw new IllegalStateException(uri + ": level " + l + " tile " + i + " encoded twice");
                        }
                        seen[i] = true;
                        counts[i] = t.byteCounts()[y * t.across() + x];
                        length += CogBlockEncoder.LEADER + (long) counts[i] + CogBlockEncoder.TRAILER;
                    }
                }
            }
            for (int i = 0; i < seen.length; i++) {
                if (!seen[i]) {
                    throw new IllegalStateException(uri + ": level " + l + " tile " + i + " was not encoded");
                }
            }
            IfdEntries tags = CogTags.forLevel(l, sizes.get(l), plan.tileSize(), plan.dataType(), plan.bandCount(),
                    plan.options().compression(), predictor, plan.metadata());
            layout.add(new CogHeader.Level(tags, counts, length));
        }
        CogHeader.Result header = CogHeader.build(layout, plan.options().bigTiff(), uri);
        Configuration c = conf != null ? conf : new Configuration();
        try (AtomicOutput out = AtomicOutput.create(uri, c, overwrite)) {
            OutputStream os = out.stream();
            os.write(header.bytes());
            long written = header.bytes().length;
            byte[] buffer = new byte[COPY_BUFFER];
            for (int l = n - 1; l >= 0; l--) { // smallest overview first
                List<CogBlock.LevelTiles> level = new ArrayList<>(pieces.get(l));
                level.sort(Comparator.comparingInt(CogBlock.LevelTiles::tileY)
                        .thenComparingInt(CogBlock.LevelTiles::tileX));
                Map<String, RangeReader> open = new HashMap<>();
                try {
                    for (int ty = 0; ty < plan.tilesDown(l); ty++) {
                        for (CogBlock.LevelTiles t : level) {
                            if (ty < t.tileY() || ty >= t.tileY() + t.down()) {
                                continue;
                            }
                            String part = partOf.get(t);
                            RangeReader in = open.get(part);
                            if (in == null) {
                                in = RangeReaders.open(part, c);
                                open.put(part, in);
                            }
                            written += copy(in, t.rowOffsets()[ty - t.tileY()], t.rowLengths()[ty - t.tileY()], os,
                                    buffer);
                        }
                        if (open.size() > 64) { // a level's row spans few parts; do not hoard handles
                            closeAll(open);
                        }
                    }
                } finally {
                    closeAll(open);
                }
            }
            if (written != header.fileLength()) {
                throw new IOException(uri + ": assembled " + written + " bytes, the layout says "
                        + header.fileLength());
            }
            out.commit();
            return new CogSummary(uri, header.fileLength(), header.bigTiff(), sizes, predictor);
        }
    }

    private static long copy(RangeReader in, long from, long length, OutputStream os, byte[] buffer)
            throws IOException {
        long done = 0;
        while (done < length) {
            int k = (int) Math.min(buffer.length, length - done);
            in.readFully(from + done, buffer, 0, k);
            os.write(buffer, 0, k);
            done += k;
        }
        return length;
    }

    private static void closeAll(Map<String, RangeReader> open) throws IOException {
        IOException first = null;
        for (RangeReader r : open.values()) {
            try {
                r.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }
}
