package io.radnorm.raster.tiff;

import java.nio.ByteOrder;
import java.util.List;

/**
 * A TIFF file's structure without its pixels: byte order, classic or BigTIFF, the chain of image
 * file directories in file order, and GDAL's COG "ghost" header if present.
 *
 * @param ghostHeader  the text of GDAL's {@code GDAL_STRUCTURAL_METADATA} block, or "" if absent
 */
public record TiffStructure(String location, long length, ByteOrder byteOrder, boolean bigTiff,
                           List<TiffDirectory> directories, String ghostHeader) {

    public TiffStructure {
        directories = List.copyOf(directories);
    }

    /** GDAL's marker of a file laid out as a COG (IFDs before data). */
    public boolean declaresCog() {
        return ghostHeader.contains("LAYOUT=IFDS_BEFORE_DATA");
    }
}
