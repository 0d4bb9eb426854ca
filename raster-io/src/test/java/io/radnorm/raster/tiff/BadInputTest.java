package io.radnorm.raster.tiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.Window;
import io.radnorm.raster.testing.Gdal;
import io.radnorm.raster.testing.TestData;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gives one clear exception naming the file and the problem: never an NPE or an index error. */
class BadInputTest {

    @TempDir
    Path dir;

    @Test
    void missingFile() {
        String path = dir.resolve("nope.tif").toString();
        IOException e = assertThrows(FileNotFoundException.class, () -> GeoTiffReader.open(path));
        assertTrue(e.getMessage().contains(path), e.getMessage());
    }

    @Test
    void notATiff() throws IOException {
        Path f = dir.resolve("notes.tif");
        Files.writeString(f, "this is a text file, not an image");
        TiffFormatException e = assertThrows(TiffFormatException.class, () -> GeoTiffReader.open(f.toString()));
        assertTrue(e.getMessage().startsWith(f.toString() + ": not a TIFF file"), e.getMessage());
    }

    @Test
    void emptyFile() throws IOException {
        Path f = dir.resolve("empty.tif");
        Files.write(f, new byte[0]);
        TiffFormatException e = assertThrows(TiffFormatException.class, () -> GeoTiffReader.open(f.toString()));
        assertTrue(e.getMessage().contains("too short"), e.getMessage());
    }

    @Test
    void truncatedFileFailsOnTheMissingTileNamingIt() throws Exception {
        Path src = TestData.sample("quadrants/rgb1.tif");
        byte[] whole = Files.readAllBytes(src);
        Path f = dir.resolve("truncated.tif");
        Files.write(f, Arrays.copyOf(whole, whole.length * 2 / 3));
        try (GeoTiffReader r = GeoTiffReader.open(f.toString())) {
            r.read(new Window(0, 0, 400, 10)); // the first strips are intact
            TiffFormatException e = assertThrows(TiffFormatException.class, () -> r.read(Window.of(400, 400)));
            assertTrue(e.getMessage().startsWith(f.toString() + ": truncated"), e.getMessage());
        }
    }

    @Test
    void corruptSampleFromTheSharedSetIsNamed() throws Exception {
        // rasterio's corrupt.tif is JPEG-compressed with a short tile: radnorm names the compression it lacks.
        Path corrupt = TestData.shared("bad/corrupt.tif");
        TiffFormatException e = assertThrows(TiffFormatException.class, () -> GeoTiffReader.open(corrupt.toString()));
        assertTrue(e.getMessage().startsWith(corrupt.toString() + ": unsupported TIFF compression 7"), e.getMessage());
    }

    @Test
    void garbageInsideADeflateTileIsReportedAsDamaged() throws Exception {
        Gdal.require();
        Path f = dir.resolve("deflate.tif");
        Gdal.translate(TestData.sample("quadrants/rgb1.tif"), f, "-co", "TILED=YES", "-co", "COMPRESS=DEFLATE");
        long offset;
        try (GeoTiffReader r = GeoTiffReader.open(f.toString())) {
            offset = r.structure().directories().get(0).longs(TiffTag.TILE_OFFSETS)[1];
        }
        byte[] bytes = Files.readAllBytes(f);
        Arrays.fill(bytes, (int) offset, (int) offset + 64, (byte) 0x5A);
        Files.write(f, bytes);
        GeoTiffReader.clearHeaderCache();
        try (GeoTiffReader r = GeoTiffReader.open(f.toString())) {
            r.read(new Window(0, 0, 256, 256)); // tile 0 is intact
            TiffFormatException e = assertThrows(TiffFormatException.class, () -> r.read(new Window(256, 0, 10, 10)));
            assertTrue(e.getMessage().startsWith(f + ": cannot decode tile 1 (DEFLATE)"), e.getMessage());
        }
    }

    @Test
    void headerPointingPastTheEnd() throws IOException {
        byte[] b = {'I', 'I', 42, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};
        Path f = dir.resolve("pastend.tif");
        Files.write(f, b);
        TiffFormatException e = assertThrows(TiffFormatException.class, () -> GeoTiffReader.open(f.toString()));
        assertTrue(e.getMessage().contains("past the end of the file"), e.getMessage());
    }

    @Test
    void bigTiffOffsetPastEnd() throws IOException {
        byte[] b = new byte[32];
        b[0] = 'I';
        b[1] = 'I';
        b[2] = 43;
        b[4] = 8;
        Arrays.fill(b, 8, 16, (byte) 0x7F); // first IFD at an offset far beyond 4 GiB
        Path f = dir.resolve("bigpastend.tif");
        Files.write(f, b);
        TiffFormatException e = assertThrows(TiffFormatException.class, () -> GeoTiffReader.open(f.toString()));
        assertTrue(e.getMessage().contains("past the end of the file"), e.getMessage());
    }

    @Test
    void unsupportedCompressionIsNamed() throws Exception {
        Gdal.require();
        Path f = dir.resolve("jpeg.tif");
        Gdal.translate(TestData.sample("quadrants/rgb1.tif"), f, "-co", "COMPRESS=JPEG");
        TiffFormatException e = assertThrows(TiffFormatException.class, () -> GeoTiffReader.open(f.toString()));
        assertTrue(e.getMessage().startsWith(f.toString() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("JPEG"), e.getMessage());
    }

    @Test
    void nanNodataIsRead() throws Exception {
        Path f = TestData.sample("bad/float_nan.tif");
        try (GeoTiffReader r = GeoTiffReader.open(f.toString())) {
            assertTrue(r.info().hasNodata());
            assertTrue(Double.isNaN(r.info().nodata()));
            assertEquals(3, r.info().width());
        }
    }
}
