/**
 * The compression codecs and predictors of radnorm's GeoTIFF reader and writer, in pure Java
 * (Zstandard through zstd-jni).
 * <p>
 * A TIFF block (strip or tile) is stored as: samples in the file's byte order, optionally
 * transformed by a {@link io.radnorm.raster.tiff.codec.Predictors predictor}, then compressed by
 * the scheme named in the Compression tag ({@link io.radnorm.raster.tiff.codec.Compression}).
 * Reading undoes the two steps in reverse order: {@link io.radnorm.raster.tiff.codec.TiffCodec#decode}
 * and then {@code Predictors.decode...}. Everything here works on one block's bytes and knows
 * nothing of files, tags or images, so it can be tested against GDAL output byte for byte.
 */
package io.radnorm.raster.tiff.codec;
