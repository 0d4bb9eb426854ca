package io.radnorm.spark;

import io.radnorm.raster.DataType;
import io.radnorm.raster.RasterInfo;

/**
 * The nodata an output raster is written with, checked against its data type before any task
 * runs. A nodata the output type cannot hold is an error naming the input: silently dropping it
 * would turn every hole into data.
 */
public final class OutputNodata {

    private OutputNodata() {
    }

    /**
     * {@code nodata} (the input's, or the --nodata override; {@code null}: none) for an output of
     * {@code outputType} ({@code null}: the input's own type).
     *
     * @throws IllegalArgumentException naming {@code info}'s file when the type cannot hold it
     */
    public static Double of(RasterInfo info, Double nodata, DataType outputType) {
        DataType type = outputType != null ? outputType : info.dataType();
        if (nodata == null) {
            return null;
        }
        if (!type.canRepresent(nodata)) {
            throw new IllegalArgumentException(info.location() + ": nodata " + nodata + " cannot be stored as "
                    + type.gdalName() + "; choose another --output-dtype or --nodata");
        }
        return nodata;
    }
}
