package io.radnorm.raster.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.DataType;
import io.radnorm.raster.Raster;
import io.radnorm.raster.Window;
import io.radnorm.raster.tiff.codec.Compression;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that fails leaves nothing behind (no target, no temporary sibling, no spill file) and
 * leaves an existing target untouched; bad option combinations fail before anything is read;
 * and the source is pulled as promised: full-width strips of one tile row, top to bottom, once.
 */
class CogWriterFailureTest {

    @TempDir
    Path dir;

    private Path out;
    private Path spill;
    private CogOptions opts;

    @BeforeEach
    void setUp() throws IOException {
        out = Files.createDirectories(dir.resolve("out"));
        spill = dir.resolve("spill");
        opts = CogOptions.defaults().withTileSize(32).withThreads(2).withSpillDir(spill.toString());
    }

    /** Serves a raster and records each window asked for; fails with {@code failure} at read {@code failAt}. */
    private class ScriptedSource implements RasterSource {
        final Raster raster;
        final List<Window> windows = new ArrayList<>();
        List<Path> spillAtFailure = List.of();
        final int failAt;
        final Exception failure;

        ScriptedSource(Raster raster, int failAt, Exception failure) {
            this.raster = raster;
            this.failAt = failAt;
            this.failure = failure;
        }

        @Override
        public int width() {
            return raster.width();
        }

        @Override
        public int height() {
            return raster.height();
        }

        @Override
        public int bandCount() {
            return raster.bandCount();
        }

        @Override
        public DataType dataType() {
            return raster.dataType();
        }

        @Override
        public Raster read(Window w) throws IOException {
            windows.add(w);
            if (windows.size() == failAt) {
                spillAtFailure = CogTestData.filesUnder(spill);
                if (failure instanceof IOException e) {
                    throw e;
                }
                throw (RuntimeException) failure;
            }
            return raster.crop(w);
        }
    }

    private void assertNothingLeft(Path target) throws IOException {
        assertFalse(Files.exists(target), "target must not exist");
        assertEquals(List.of(), CogTestData.filesUnder(out), "no temporary output left");
        assertEquals(List.of(), CogTestData.filesUnder(spill), "no spill file left");
    }

    @Test
    void sourceFailingMidWayLeavesNothing() throws Exception {
        IOException boom = new IOException("disk on fire");
        ScriptedSource src = new ScriptedSource(CogTestData.random(DataType.UINT16, 100, 150, 2, 1), 3, boom);
        Path target = out.resolve("fail.tif");
        IOException thrown = assertThrows(IOException.class,
                () -> CogWriter.write(src, GeoMetadata.none(), target.toString(), null, opts));
        assertSame(boom, thrown);
        assertEquals(3, src.windows.size(), "stopped at the failing strip");
        assertEquals(CogWriter.levelSizes(100, 150, 32).size(), src.spillAtFailure.size(),
                "the spill files (one per level) were in the spill directory");
        assertNothingLeft(target);
    }

    @Test
    void runtimeFailureLeavesNothingAndKeepsExistingTarget() throws Exception {
        Path target = out.resolve("existing.tif");
        byte[] before = "an older output".getBytes();
        Files.write(target, before);
        ScriptedSource src = new ScriptedSource(CogTestData.random(DataType.FLOAT32, 64, 200, 1, 2), 5,
                new IllegalStateException("bug in a correction"));
        assertThrows(IllegalStateException.class,
                () -> CogWriter.write(src, GeoMetadata.none(), target.toString(), null, opts));
        assertArrayEquals(before, Files.readAllBytes(target), "existing target untouched");
        assertEquals(List.of(target), CogTestData.filesUnder(out));
        assertEquals(List.of(), CogTestData.filesUnder(spill));
    }

    @Test
    void sourceReturningWrongShapeFails() throws Exception {
        RasterSource wrong = new ScriptedSource(CogTestData.random(DataType.UINT8, 50, 50, 1, 3), -1, null) {
            @Override
            public Raster read(Window w) {
                return Raster.allocate(DataType.UINT8, w.width(), w.height(), 2); // two bands, not one
            }
        };
        Path target = out.resolve("wrong.tif");
        assertThrows(IllegalStateException.class,
                () -> CogWriter.write(wrong, GeoMetadata.none(), target.toString(), null, opts));
        assertNothingLeft(target);
    }

    @Test
    void refusesToOverwriteWhenToldNotTo() throws Exception {
        Path target = out.resolve("keep.tif");
        Files.write(target, new byte[] {1, 2, 3});
        ScriptedSource src = new ScriptedSource(CogTestData.random(DataType.UINT8, 40, 40, 1, 4), -1, null);
        assertThrows(FileAlreadyExistsException.class,
                () -> new CogWriter(src, GeoMetadata.none()).setOptions(opts).setOverwrite(false).write(target.toString()));
        assertEquals(0, src.windows.size(), "nothing read before the target was checked");
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
        // The default replaces it.
        CogWriter.write(src, GeoMetadata.none(), target.toString(), null, opts);
        try (GeoTiffReader r = GeoTiffReader.open(target.toString())) {
            CogTestData.assertBitIdentical(src.raster, r.read(Window.of(40, 40)));
        }
    }

    @Test
    void invalidOptionsFailBeforeReading() throws Exception {
        ScriptedSource ints = new ScriptedSource(CogTestData.random(DataType.UINT16, 40, 40, 1, 5), -1, null);
        Path target = out.resolve("never.tif");
        assertThrows(IllegalArgumentException.class, () -> CogWriter.write(ints, GeoMetadata.none(),
                target.toString(), null, opts.withPredictor(Predictor.FLOATING_POINT)));
        assertThrows(IllegalArgumentException.class, () -> CogWriter.write(ints, GeoMetadata.none(),
                target.toString(), null, opts.withCompression(Compression.NONE).withPredictor(Predictor.HORIZONTAL)));
        assertThrows(IllegalArgumentException.class, () -> CogWriter.write(ints, GeoMetadata.none(),
                target.toString(), null, opts.withCompression(Compression.PACKBITS).withPredictor(Predictor.HORIZONTAL)));
        assertEquals(0, ints.windows.size());
        assertNothingLeft(target);
    }

    @Test
    void sourceIsPulledInFullWidthTileRowStripsOnce() throws Exception {
        ScriptedSource src = new ScriptedSource(CogTestData.random(DataType.INT32, 123, 150, 3, 6), -1, null);
        CogSummary s = CogWriter.write(src, GeoMetadata.none(), out.resolve("strips.tif").toString(), null, opts);
        List<Window> expected = List.of(new Window(0, 0, 123, 32), new Window(0, 32, 123, 32),
                new Window(0, 64, 123, 32), new Window(0, 96, 123, 32), new Window(0, 128, 123, 22));
        assertEquals(expected, src.windows);
        assertEquals(4, s.levels().size()); // 123x150, 62x75, 31x38, 16x19
        assertEquals(List.of(), CogTestData.filesUnder(spill));
        assertTrue(Files.exists(out.resolve("strips.tif")));
    }
}
