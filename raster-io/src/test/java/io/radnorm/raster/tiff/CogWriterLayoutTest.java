package io.radnorm.raster.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.DataType;
import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.Raster;
import io.radnorm.raster.crs.Crs;
import io.radnorm.raster.crs.GeoKeyDirectory;
import io.radnorm.raster.tiff.codec.Compression;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bytes of the file, parsed here independently of the reader: GDAL's COG layout (header,
 * ghost header, IFDs and their values first, tiles smallest level first, leaders and trailers),
 * ascending tags, word alignment, and which tags each level carries.
 */
class CogWriterLayoutTest {

    /** What GDAL 3.6's COG driver writes after the TIFF header (checked with xxd on its output). */
    private static final String GDAL_GHOST = "GDAL_STRUCTURAL_METADATA_SIZE=000140 bytes\n"
            + "LAYOUT=IFDS_BEFORE_DATA\nBLOCK_ORDER=ROW_MAJOR\nBLOCK_LEADER=SIZE_AS_UINT4\n"
            + "BLOCK_TRAILER=LAST_4_BYTES_REPEATED\nKNOWN_INCOMPATIBLE_EDITION=NO\n ";

    @TempDir
    Path dir;

    /** One IFD as read from the bytes: tags in file order and where its values are. */
    private record RawIfd(long offset, List<Integer> tags, List<Long> valueOffsets, long next) {
    }

    @ParameterizedTest(name = "bigTiff={0}")
    @ValueSource(booleans = {false, true})
    void layoutIsGdalCog(boolean bigTiff) throws Exception {
        Raster src = CogTestData.random(DataType.UINT16, 300, 200, 3, 5);
        Crs crs = new Crs(32605, GeoKeyDirectory.forEpsg(32605, true));
        Path f = dir.resolve("layout.tif");
        CogSummary s = CogWriter.write(RasterSource.of(src),
                new GeoMetadata(GeoTransform.northUp(500000, 4100000, 10, 10), crs, 0.0), f.toString(), null,
                CogOptions.defaults().withTileSize(128).withCompression(Compression.DEFLATE)
                        .withBigTiff(bigTiff ? BigTiffMode.YES : BigTiffMode.AUTO).withThreads(2));
        assertEquals(bigTiff, s.bigTiff());
        byte[] file = Files.readAllBytes(f);
        assertEquals(s.length(), file.length);
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);

        // Header and ghost.
        assertEquals('I', file[0]);
        assertEquals('I', file[1]);
        assertEquals(bigTiff ? 43 : 42, b.getShort(2));
        int header = bigTiff ? 16 : 8;
        long firstIfd = bigTiff ? b.getLong(8) : b.getInt(4);
        assertEquals(GDAL_GHOST, new String(file, header, GDAL_GHOST.length(), StandardCharsets.US_ASCII));
        assertEquals(bigTiff ? 200 : 192, firstIfd, "first IFD right after the ghost, word-aligned");

        // IFDs in file order, each after the previous one, tags ascending, values word-aligned.
        List<RawIfd> ifds = new ArrayList<>();
        for (long at = firstIfd; at != 0; ) {
            RawIfd ifd = readIfd(b, at, bigTiff);
            ifds.add(ifd);
            at = ifd.next();
        }
        assertEquals(3, ifds.size());
        long lastHeaderByte = 0;
        for (int i = 0; i < ifds.size(); i++) {
            RawIfd ifd = ifds.get(i);
            assertEquals(0, ifd.offset() % 2, "IFD " + i + " word-aligned");
            if (i > 0) {
                assertTrue(ifd.offset() > ifds.get(i - 1).offset(), "IFDs in order");
            }
            for (int t = 1; t < ifd.tags().size(); t++) {
                assertTrue(ifd.tags().get(t) > ifd.tags().get(t - 1), "tags ascending in IFD " + i + ": " + ifd.tags());
            }
            for (long v : ifd.valueOffsets()) {
                assertEquals(0, v % 2, "value offset " + v + " word-aligned");
                lastHeaderByte = Math.max(lastHeaderByte, v);
            }
            lastHeaderByte = Math.max(lastHeaderByte, ifd.offset());
        }
        // What each level carries, as GDAL writes it.
        assertFalse(ifds.get(0).tags().contains(TiffTag.NEW_SUBFILE_TYPE));
        for (int tag : new int[] {TiffTag.MODEL_PIXEL_SCALE, TiffTag.MODEL_TIEPOINT, TiffTag.GEO_KEY_DIRECTORY,
                TiffTag.GDAL_NODATA, TiffTag.EXTRA_SAMPLES, TiffTag.PREDICTOR, TiffTag.SAMPLE_FORMAT}) {
            assertTrue(ifds.get(0).tags().contains(tag), "full resolution has tag " + tag);
        }
        for (int i = 1; i < 3; i++) {
            assertTrue(ifds.get(i).tags().contains(TiffTag.NEW_SUBFILE_TYPE));
            assertTrue(ifds.get(i).tags().contains(TiffTag.GDAL_NODATA));
            assertFalse(ifds.get(i).tags().contains(TiffTag.GEO_KEY_DIRECTORY));
            assertFalse(ifds.get(i).tags().contains(TiffTag.MODEL_TIEPOINT));
        }

        // Tiles: smallest level first, full resolution last, contiguous, each with leader and trailer.
        try (GeoTiffReader r = GeoTiffReader.open(f.toString())) {
            List<TiffDirectory> dirs = r.structure().directories();
            assertEquals(1L, dirs.get(1).longValue(TiffTag.NEW_SUBFILE_TYPE, 0));
            assertEquals(1L, dirs.get(0).longValue(TiffTag.PHOTOMETRIC, 0));
            assertArrayEquals(new long[] {0, 0}, dirs.get(0).longs(TiffTag.EXTRA_SAMPLES));
            long expectedLeader = -1;
            for (int level = dirs.size() - 1; level >= 0; level--) {
                long[] offsets = dirs.get(level).longs(TiffTag.TILE_OFFSETS);
                long[] counts = dirs.get(level).longs(TiffTag.TILE_BYTE_COUNTS);
                for (int t = 0; t < offsets.length; t++) {
                    long leader = offsets[t] - 4;
                    if (expectedLeader < 0) {
                        assertTrue(leader > lastHeaderByte, "tiles after every IFD and tag value");
                    } else {
                        assertEquals(expectedLeader, leader, "level " + level + " tile " + t + " follows the previous tile");
                    }
                    assertEquals(counts[t], b.getInt((int) leader) & 0xFFFFFFFFL, "leader of level " + level + " tile " + t);
                    int end = (int) (offsets[t] + counts[t]);
                    assertEquals(b.getInt(end - 4), b.getInt(end), "trailer of level " + level + " tile " + t);
                    expectedLeader = end + 4;
                }
            }
            assertEquals(file.length, expectedLeader, "the full resolution's last tile ends the file");
        }
    }

    private static RawIfd readIfd(ByteBuffer b, long at, boolean big) {
        int p = (int) at;
        long n = big ? b.getLong(p) : b.getShort(p) & 0xFFFF;
        p += big ? 8 : 2;
        List<Integer> tags = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < n; i++, p += big ? 20 : 12) {
            int tag = b.getShort(p) & 0xFFFF;
            int type = b.getShort(p + 2);
            long count = big ? b.getLong(p + 4) : b.getInt(p + 4) & 0xFFFFFFFFL;
            tags.add(tag);
            if (count * TiffTag.typeSize(type) > (big ? 8 : 4)) {
                values.add(big ? b.getLong(p + 12) : b.getInt(p + 8) & 0xFFFFFFFFL);
            }
        }
        long next = big ? b.getLong(p) : b.getInt(p) & 0xFFFFFFFFL;
        return new RawIfd(at, tags, values, next);
    }
}
