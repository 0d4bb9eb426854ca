package io.radnorm.spark.bandmath;

import io.radnorm.raster.DataType;
import io.radnorm.raster.Raster;
import io.radnorm.raster.Window;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.raster.tiff.RasterSource;
import java.io.IOException;

/** An input image seen through band math: what the COG writer pulls, window by window. */
final class BandMathRasterSource implements RasterSource {

    private final GeoTiffReader reader;
    private final double inNodata;
    private final io.radnorm.algorithms.bandmath.BandMath math;
    private final int[] bands;

    BandMathRasterSource(GeoTiffReader reader, double inNodata, io.radnorm.algorithms.bandmath.BandMath math) {
        this.reader = reader;
        this.inNodata = inNodata;
        this.math = math;
        this.bands = math.inputBands();
    }

    @Override
    public int width() {
        return reader.info().width();
    }

    @Override
    public int height() {
        return reader.info().height();
    }

    @Override
    public int bandCount() {
        return math.bandCount();
    }

    @Override
    public DataType dataType() {
        return math.outputType();
    }

    @Override
    public Raster read(Window w) throws IOException {
        Raster in = bands.length == 0 ? Raster.allocate(reader.info().dataType(), w.width(), w.height(), 0)
                : reader.read(w, bands);
        return math.apply(in, inNodata);
    }
}
