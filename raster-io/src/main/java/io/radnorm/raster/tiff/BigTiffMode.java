package io.radnorm.raster.tiff;

/**
 * Whether a COG writer uses BigTIFF (64-bit offsets) or classic TIFF (32-bit offsets, files up to 4 GiB).
 *
 * <ul>
 *   <li>{@link #AUTO}: classic TIFF when the finished file fits in 4 GiB, BigTIFF otherwise. The
 *       COG writer knows every compressed tile size before it writes the first header byte, so it
 *       decides on the exact file size rather than on an estimate as GDAL does.</li>
 *   <li>{@link #YES}: always BigTIFF (readers older than libtiff 4.0 cannot open it).</li>
 *   <li>{@link #NO}: always classic; writing fails if the file would not fit.</li>
 * </ul>
 */
public enum BigTiffMode {
    AUTO, YES, NO
}
