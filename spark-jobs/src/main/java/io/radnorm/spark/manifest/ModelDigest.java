package io.radnorm.spark.manifest;

import io.radnorm.algorithms.global.GainOffset;
import io.radnorm.algorithms.local.BlockGrid;
import io.radnorm.algorithms.local.BlockMap;
import io.radnorm.algorithms.local.LocalBlockCorrection;
import io.radnorm.spark.global.GlobalModel;
import io.radnorm.spark.pipeline.PipelineModel;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A SHA-256 of everything one image's correction is made of — its gain and offset per band and,
 * for {@code pipeline}/{@code local}, its shifts, local block map, target block map and the block
 * grid, bit for bit. Recorded with each output: when a resumed run had to solve the model again
 * (an input changed), an output is kept only if its image's correction came out identical.
 */
public final class ModelDigest {

    private ModelDigest() {
    }

    /** The digest of image {@code i}'s global correction. */
    public static String of(GlobalModel model, int i) {
        MessageDigest md = SavedFile.newDigest();
        gains(md, model, i);
        return HexFormat.of().formatHex(md.digest());
    }

    /** The digest of image {@code i}'s global-then-local correction. */
    public static String of(PipelineModel model, int i) {
        MessageDigest md = SavedFile.newDigest();
        gains(md, model.global(), i);
        LocalBlockCorrection c = model.localCorrections().get(i);
        for (double s : c.shifts()) {
            put(md, s);
        }
        map(md, c.localMap());
        map(md, c.referenceMap());
        return HexFormat.of().formatHex(md.digest());
    }

    private static void gains(MessageDigest md, GlobalModel model, int i) {
        for (GainOffset g : model.gainOffsets(i)) {
            put(md, g.gain());
            put(md, g.offset());
        }
    }

    private static void map(MessageDigest md, BlockMap m) {
        BlockGrid g = m.grid();
        put(md, g.canvas().getMinX());
        put(md, g.canvas().getMinY());
        put(md, g.canvas().getMaxX());
        put(md, g.canvas().getMaxY());
        put(md, g.rows());
        put(md, g.cols());
        for (int b = 0; b < m.bandCount(); b++) {
            for (int k = 0; k < g.blockCount(); k++) {
                put(md, m.mean(b, k));
                put(md, m.coverage(b, k));
            }
        }
    }

    private static void put(MessageDigest md, double v) {
        long bits = Double.doubleToLongBits(v);
        for (int s = 56; s >= 0; s -= 8) {
            md.update((byte) (bits >>> s));
        }
    }
}
