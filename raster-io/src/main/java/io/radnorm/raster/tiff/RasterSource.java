package io.radnorm.raster.tiff;

import io.radnorm.raster.DataType;
import io.radnorm.raster.Raster;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.Window;
import java.io.IOException;

/**
 * Where a raster writer pulls its pixels from: an image of {@link #width()} × {@link #height()}
 * pixels, {@link #bandCount()} bands of one {@link DataType}, read one window at a time.
 *
 * <p>The writer decides the windows (a {@link CogWriter} asks for strips of the full width and
 * one tile row, top to bottom, each row once), so a source can compute or fetch pixels lazily and
 * an image far larger than memory can be written: implement this over a reader, a correction
 * applied to a reader, or a generator. {@link #read} must return a raster of exactly the window's
 * size with all bands and this type, and a new one each time: the writer keeps it while its tiles
 * are compressed in the background, so a source must not reuse or modify a returned raster.
 * {@link #read} is called from one thread at a time.
 */
public interface RasterSource {

    int width();

    int height();

    int bandCount();

    DataType dataType();

    /** All bands of window {@code w}, which lies inside the image. */
    Raster read(Window w) throws IOException;

    /** An in-memory raster as a source (tests and small images: the raster is held whole). */
    static RasterSource of(Raster raster) {
        return new RasterSource() {
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
            public Raster read(Window w) {
                return raster.crop(w);
            }
        };
    }

    /**
     * The full-resolution image of an open GeoTIFF as a source; the reader stays owned (and closed)
     * by the caller. Pair it with {@link GeoMetadata#of(RasterInfo)} to rewrite a GeoTIFF as a COG.
     */
    static RasterSource of(GeoTiffReader reader) {
        RasterInfo info = reader.info();
        return new RasterSource() {
            @Override
            public int width() {
                return info.width();
            }

            @Override
            public int height() {
                return info.height();
            }

            @Override
            public int bandCount() {
                return info.bandCount();
            }

            @Override
            public DataType dataType() {
                return info.dataType();
            }

            @Override
            public Raster read(Window w) throws IOException {
                return reader.read(w);
            }
        };
    }
}
