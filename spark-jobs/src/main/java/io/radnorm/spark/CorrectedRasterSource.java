package io.radnorm.spark;

import io.radnorm.algorithms.correction.CorrectionApplier;
import io.radnorm.algorithms.correction.PixelCorrection;
import io.radnorm.raster.DataType;
import io.radnorm.raster.Raster;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.Window;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.raster.tiff.RasterSource;
import java.io.IOException;

/** An input image seen through a correction: what the COG writer pulls, window by window. */
final class CorrectedRasterSource implements RasterSource {

    private final GeoTiffReader reader;
    private final double inNodata;
    private final PixelCorrection correction;
    private final DataType outType;
    private final Double outNodata;

    CorrectedRasterSource(GeoTiffReader reader, double inNodata, PixelCorrection correction, DataType outType,
                          Double outNodata) {
        this.reader = reader;
        this.inNodata = inNodata;
        this.correction = correction;
        this.outType = outType;
        this.outNodata = outNodata;
    }

    private RasterInfo info() {
        return reader.info();
    }

    @Override
    public int width() {
        return info().width();
    }

    @Override
    public int height() {
        return info().height();
    }

    @Override
    public int bandCount() {
        return info().bandCount();
    }

    @Override
    public DataType dataType() {
        return outType;
    }

    @Override
    public Raster read(Window w) throws IOException {
        return CorrectionApplier.apply(reader.read(w), w, inNodata, correction, outType, outNodata);
    }
}
