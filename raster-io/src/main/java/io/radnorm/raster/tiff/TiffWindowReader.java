package io.radnorm.raster.tiff;

import io.radnorm.raster.Raster;
import io.radnorm.raster.Window;
import io.radnorm.raster.fs.RangeReader;
import io.radnorm.raster.tiff.codec.Predictors;
import io.radnorm.raster.tiff.codec.ThreadScratch;
import io.radnorm.raster.tiff.codec.TiffCodec;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Reads a window of one {@link TiffImage}: finds the blocks the window touches, fetches their bytes
 * with a few coalesced positioned reads, decompresses and un-predicts each block, and copies the
 * window's part of each into a band-sequential {@link Raster}.
 *
 * <p>Only the blocks under the window are read, so a 256×256 window of a 10 GB COG costs a few
 * hundred kilobytes of I/O. Blocks are decoded in parallel (common fork-join pool) when a window
 * covers several. Sparse blocks (offset or byte count 0, GDAL's SPARSE_OK) read as {@code fill}.
 */
final class TiffWindowReader {

    private final RangeReader in;
    private final ByteOrder order;
    private final TiffImage image;
    private final TiffCodec codec;
    private final double fill;

    TiffWindowReader(RangeReader in, ByteOrder order, TiffImage image, double fill) {
        this.in = in;
        this.order = order;
        this.image = image;
        this.codec = image.compression().codec(-1);
        this.fill = fill;
    }

    Raster read(Window w, int[] bands) throws IOException {
        if (w.isEmpty() || !w.within(image.width(), image.height())) {
            throw new IllegalArgumentException("window " + w + " is empty or outside the " + image.width() + "x"
                    + image.height() + " image of " + in.location());
        }
        for (int b : bands) {
            if (b < 0 || b >= image.samplesPerPixel()) {
                throw new IllegalArgumentException("band index " + b + " out of range: " + in.location()
                        + " has " + image.samplesPerPixel() + " bands");
            }
        }
        Raster out = Raster.allocate(image.dataType(), w.width(), w.height(), bands.length);
        int bw = image.blockWidth(), bh = image.blockHeight();
        int bx0 = w.x() / bw, bx1 = (w.maxX() - 1) / bw;
        int by0 = w.y() / bh, by1 = (w.maxY() - 1) / bh;

        // Which block ids to read, and for each the output bands it feeds.
        Set<Integer> idSet = new LinkedHashSet<>(); // a band listed twice needs its block once
        for (int by = by0; by <= by1; by++) {
            for (int bx = bx0; bx <= bx1; bx++) {
                if (image.planarSeparate()) {
                    for (int band : bands) {
                        idSet.add(image.blockId(band, bx, by));
                    }
                } else {
                    idSet.add(image.blockId(0, bx, by));
                }
            }
        }
        List<Integer> ids = new ArrayList<>(idSet);
        long[] offsets = image.offsets(), counts = image.byteCounts();
        for (int id : ids) {
            if (counts[id] != 0 && offsets[id] != 0 && offsets[id] + counts[id] > in.length()) {
                throw new TiffFormatException(in.location(), "truncated: " + (image.tiled() ? "tile " : "strip ") + id
                        + " at offset " + offsets[id] + " (" + counts[id] + " bytes) lies past the end of the file ("
                        + in.length() + " bytes)");
            }
        }
        List<BlockRange> ranges = BlockRange.coalesce(ids, offsets, counts);
        // All ranges land in one buffer of the calling thread, reused from read to read (the
        // compressed bytes of a window are MBs: a fresh array per range was a humongous object
        // for G1). fetchedAt[i]: where range i starts in it.
        int[] fetchedAt = new int[ranges.size()];
        long total = 0;
        for (int i = 0; i < ranges.size(); i++) {
            fetchedAt[i] = (int) total;
            total += ranges.get(i).length();
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IOException(in.location() + ": a window of " + total + " compressed bytes is too large to read at once");
        }
        try (Fetch fetch = Fetch.take((int) total)) {
            return readBlocks(ids, ranges, fetchedAt, fetch.buffer(), offsets, out, w, bands);
        }
    }

    private Raster readBlocks(List<Integer> ids, List<BlockRange> ranges, int[] fetchedAt, byte[] fetched, long[] offsets,
                              Raster out, Window w, int[] bands) throws IOException {
        run(ranges.size(), i -> {
            BlockRange r = ranges.get(i);
            try {
                in.readFully(r.start(), fetched, fetchedAt[i], r.length());
            } catch (EOFException e) {
                throw new TiffFormatException(in.location(), "truncated: bytes " + r.start() + ".." + r.end()
                        + " lie past the end of the file", e);
            }
        });

        // Decode every block the window needs (sparse ones, in no range, are filled), in parallel.
        Map<Integer, Integer> rangeOf = new HashMap<>();
        for (int ri = 0; ri < ranges.size(); ri++) {
            for (int id : ranges.get(ri).blocks()) {
                rangeOf.put(id, ri);
            }
        }
        run(ids.size(), k -> {
            int id = ids.get(k);
            Integer ri = rangeOf.get(id);
            decodeInto(id, ri == null ? null : fetched, ri == null ? 0 : fetchedAt[ri] + (int) (offsets[id] - ranges.get(ri).start()),
                    out, w, bands);
        });
        return out;
    }

    private void decodeInto(int id, byte[] src, int srcOff, Raster out, Window w, int[] bands) throws IOException {
        int perBand = image.blocksAcross() * image.blocksDown();
        int inBand = id % perBand;
        int blockBand = image.planarSeparate() ? id / perBand : -1;
        int bx = inBand % image.blocksAcross(), by = inBand / image.blocksAcross();
        int bw = image.blockWidth();
        int rows = image.storedRows(by);
        int spb = image.samplesPerBlockPixel();
        int x0 = bx * bw, y0 = by * image.blockHeight();
        Window hit = w.intersection(new Window(x0, y0, bw, rows));
        if (hit.isEmpty()) {
            return;
        }
        if (src == null) {
            for (int ob = 0; ob < bands.length; ob++) {
                if (blockBand >= 0 && bands[ob] != blockBand) {
                    continue;
                }
                for (int y = hit.y(); y < hit.maxY(); y++) {
                    SampleBytes.fill(out.data(), out.index(ob, hit.x() - w.x(), y - w.y()), hit.width(),
                            image.dataType(), fill);
                }
            }
            return;
        }
        int blockBytes = image.decodedBlockBytes(by);
        byte[] block = BLOCK_SCRATCH.atLeast(blockBytes);
        int n;
        try {
            n = codec.decode(src, srcOff, (int) image.byteCounts()[id], block, 0, blockBytes);
        } catch (IOException | RuntimeException e) {
            throw new TiffFormatException(in.location(), "cannot decode " + (image.tiled() ? "tile " : "strip ") + id
                    + " (" + image.compression() + "): " + e.getMessage(), e);
        }
        if (n < blockBytes) {
            throw new TiffFormatException(in.location(), (image.tiled() ? "tile " : "strip ") + id + " decodes to "
                    + n + " bytes, expected " + blockBytes + ": the data is damaged");
        }
        int bps = image.dataType().bytesPerSample();
        if (image.predictor() == 2) {
            Predictors.decodeHorizontal(block, 0, bw, rows, spb, bps, order);
        } else if (image.predictor() == 3) {
            Predictors.decodeFloatingPoint(block, 0, bw, rows, spb, bps, order);
        }
        for (int ob = 0; ob < bands.length; ob++) {
            if (blockBand >= 0 && bands[ob] != blockBand) {
                continue;
            }
            int sampleInPixel = blockBand >= 0 ? 0 : bands[ob];
            for (int y = hit.y(); y < hit.maxY(); y++) {
                int srcSample = ((y - y0) * bw + (hit.x() - x0)) * spb + sampleInPixel;
                SampleBytes.read(block, srcSample, spb, order, image.dataType(), out.data(),
                        out.index(ob, hit.x() - w.x(), y - w.y()), hit.width());
            }
        }
    }

    /** Decoded blocks: {@link #decodeInto} uses it start to end on one thread. */
    private static final ThreadScratch BLOCK_SCRATCH = new ThreadScratch();
    /**
     * The calling thread's buffer for a window's compressed bytes (see {@link ThreadScratch}), held
     * until {@link Fetch#close()}. Unlike a block, it is held across the parallel decode, while
     * the thread may run other pool tasks: a nested read on the same thread (a fork-join worker
     * that stole another read's task) gets a fresh array instead.
     */
    private static final class Fetch implements AutoCloseable {
        private static final ThreadLocal<Fetch> OWN = ThreadLocal.withInitial(Fetch::new);
        private byte[] buffer = new byte[0];
        private boolean inUse;

        static Fetch take(int bytes) {
            Fetch f = OWN.get();
            if (f.inUse) {
                f = new Fetch();
            }
            f.inUse = true;
            if (f.buffer.length < bytes) {
                f.buffer = new byte[Math.max(bytes, (int) Math.min(Integer.MAX_VALUE - 8, f.buffer.length * 3L / 2))];
            }
            return f;
        }

        byte[] buffer() {
            return buffer;
        }

        @Override
        public void close() {
            inUse = false;
        }
    }

    private interface IoTask {
        void run(int i) throws IOException;
    }

    /** Runs {@code n} tasks, in parallel when there are several, rethrowing the first IOException. */
    private static void run(int n, IoTask task) throws IOException {
        try {
            IntStream s = IntStream.range(0, n);
            (n > 1 ? s.parallel() : s).forEach(i -> {
                try {
                    task.run(i);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
