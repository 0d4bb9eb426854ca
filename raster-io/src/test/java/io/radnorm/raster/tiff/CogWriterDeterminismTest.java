package io.radnorm.raster.tiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.radnorm.raster.DataType;
import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.Raster;
import io.radnorm.raster.crs.Crs;
import io.radnorm.raster.crs.GeoKeyDirectory;
import io.radnorm.raster.tiff.codec.Compression;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same pixels give the same file, byte for byte, however many threads compress the tiles and
 * wherever the file goes: what {@code --resume} relies on to finish a run exactly as an
 * uninterrupted one (no timestamp, no path, no thread order in the file).
 */
class CogWriterDeterminismTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"DEFLATE", "ZSTD", "LZW"})
    void sameSourceSameBytes(Compression compression) throws Exception {
        Raster r = Raster.allocate(DataType.FLOAT32, 700, 530, 3); // 2 overviews at tile 256
        Random rnd = new Random(11);
        for (int i = 0; i < r.pixelsPerBand() * 3; i++) {
            r.setAt(i, i % 97 == 0 ? Double.NaN : rnd.nextGaussian() * 100);
        }
        GeoMetadata meta = new GeoMetadata(GeoTransform.northUp(300000, 5000000, 10, 10),
                new Crs(32633, GeoKeyDirectory.forEpsg(32633, true)), Double.NaN);
        CogOptions base = CogOptions.defaults().withTileSize(256).withCompression(compression);
        Path one = dir.resolve("one.tif"), four = dir.resolve("sub/four.tif");
        CogWriter.write(RasterSource.of(r), meta, one.toString(), null, base.withThreads(1));
        CogWriter.write(RasterSource.of(r), meta, four.toString(), null, base.withThreads(4));
        assertEquals(-1L, Files.mismatch(one, four));
    }
}
