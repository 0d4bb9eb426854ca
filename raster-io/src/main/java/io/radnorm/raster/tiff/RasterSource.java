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

    /** Computes one window of pixels (all bands), as {@link #read} does. */
    @FunctionalInterface
    interface WindowReader {
        Raster read(Window w) throws IOException;
    }

    /**
     * A source of the given shape whose windows {@code reader} computes: the one way radnorm wraps
     * a reader in a per-window function (a correction, band math, a mask, a resampling).
     */
    static RasterSource of(int width, int height, int bandCount, DataType dataType, WindowReader reader) {
        return new Computed(width, height, bandCount, dataType, reader);
    }

    /** {@link #of(int, int, int, DataType, WindowReader)}: the shape as record components. */
    record Computed(int width, int height, int bandCount, DataType dataType, WindowReader reader)
            implements RasterSource {
        @Override
        public Raster read(Window w) throws IOException {
            return reader.read(w);
        }
    }

    /** An in-memory raster as a source (tests and small images: the raster is held whole). */
    static RasterSource of(Raster raster) {
        return of(raster.width(), raster.height(), raster.bandCount(), raster.dataType(), raster::crop);
    }

    /**
     * The full-resolution image of an open GeoTIFF as a source; the reader stays owned (and closed)
     * by the caller. Pair it with {@link GeoMetadata#of(RasterInfo)} to rewrite a GeoTIFF as a COG.
     */
    static RasterSource of(GeoTiffReader reader) {
        RasterInfo info = reader.info();
        return of(info.width(), info.height(), info.bandCount(), info.dataType(), reader::read);
    }
}
