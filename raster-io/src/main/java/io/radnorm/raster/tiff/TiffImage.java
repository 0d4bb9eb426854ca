package io.radnorm.raster.tiff;

import io.radnorm.raster.DataType;
import io.radnorm.raster.tiff.codec.Compression;
import java.io.IOException;

/**
 * One image of a TIFF (the full-resolution image, an overview, or a mask), interpreted from its
 * IFD: size, samples, data type, compression, and where each block's bytes are.
 *
 * <p>Strips are treated as blocks of the full image width and {@code RowsPerStrip} rows (the last
 * strip may hold fewer rows); tiles are {@code TileWidth × TileLength}, edge tiles padded. With
 * PlanarConfiguration 2 there is one block set per band: block id
 * {@code band · blocksPerBand + row · blocksAcross + column}.
 */
public record TiffImage(TiffDirectory directory, int width, int height, int samplesPerPixel, DataType dataType,
                        Compression compression, int predictor, boolean planarSeparate, boolean tiled,
                        int blockWidth, int blockHeight, long[] offsets, long[] byteCounts, long subfileType) {

    /** Interprets an IFD; anything radnorm cannot decode is a {@link TiffFormatException} naming it. */
    public static TiffImage of(String location, TiffDirectory d) throws IOException {
        long width = d.longValue(TiffTag.IMAGE_WIDTH, -1);
        long height = d.longValue(TiffTag.IMAGE_LENGTH, -1);
        if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw new TiffFormatException(location, "invalid image size " + width + "x" + height
                    + " in IFD at offset " + d.offset());
        }
        int spp = (int) d.longValue(TiffTag.SAMPLES_PER_PIXEL, 1);
        if (spp <= 0 || spp > 65535) {
            throw new TiffFormatException(location, "invalid SamplesPerPixel " + spp);
        }
        long[] bits = d.longs(TiffTag.BITS_PER_SAMPLE);
        int bps = bits == null || bits.length == 0 ? 1 : (int) bits[0];
        for (long b : bits == null ? new long[0] : bits) {
            if (b != bps) {
                throw new TiffFormatException(location, "bands with different BitsPerSample are not supported");
            }
        }
        long[] formats = d.longs(TiffTag.SAMPLE_FORMAT);
        int format = formats == null || formats.length == 0 ? 1 : (int) formats[0];
        DataType type = DataType.fromTiff(bps, format);
        if (type == null) {
            throw new TiffFormatException(location, "unsupported sample type: " + bps + "-bit "
                    + switch (format) { case 1 -> "unsigned integer"; case 2 -> "signed integer";
                        case 3 -> "floating point"; case 6 -> "complex floating point"; default -> "format " + format; });
        }
        Compression compression;
        try {
            compression = Compression.fromTag((int) d.longValue(TiffTag.COMPRESSION, 1));
        } catch (IOException e) {
            throw new TiffFormatException(location, e.getMessage());
        }
        int predictor = (int) d.longValue(TiffTag.PREDICTOR, 1);
        if (predictor < 1 || predictor > 3) {
            throw new TiffFormatException(location, "unsupported predictor " + predictor);
        }
        boolean planarSeparate = d.longValue(TiffTag.PLANAR_CONFIGURATION, 1) == 2 && spp > 1;
        boolean tiled = d.has(TiffTag.TILE_WIDTH);
        int bw, bh;
        long[] offsets, counts;
        if (tiled) {
            bw = (int) d.longValue(TiffTag.TILE_WIDTH, 0);
            bh = (int) d.longValue(TiffTag.TILE_LENGTH, 0);
            offsets = d.longs(TiffTag.TILE_OFFSETS);
            counts = d.longs(TiffTag.TILE_BYTE_COUNTS);
        } else {
            bw = (int) width;
            bh = (int) Math.min(height, d.longValue(TiffTag.ROWS_PER_STRIP, height));
            offsets = d.longs(TiffTag.STRIP_OFFSETS);
            counts = d.longs(TiffTag.STRIP_BYTE_COUNTS);
        }
        if (bw <= 0 || bh <= 0) {
            throw new TiffFormatException(location, "invalid block size " + bw + "x" + bh);
        }
        if (offsets == null || counts == null) {
            throw new TiffFormatException(location, "image has no " + (tiled ? "tile" : "strip") + " offsets");
        }
        long across = (width + bw - 1) / bw, down = (height + bh - 1) / bh;
        long expected = across * down * (planarSeparate ? spp : 1);
        if (offsets.length < expected || counts.length < expected) {
            throw new TiffFormatException(location, "image needs " + expected + " " + (tiled ? "tiles" : "strips")
                    + " but lists " + Math.min(offsets.length, counts.length));
        }
        long decodedBlock = (long) bw * bh * (planarSeparate ? 1 : spp) * type.bytesPerSample();
        if (decodedBlock > Integer.MAX_VALUE - 8) {
            throw new TiffFormatException(location, "blocks of " + bw + "x" + bh + " with " + spp
                    + " samples are too large to decode");
        }
        return new TiffImage(d, (int) width, (int) height, spp, type, compression, predictor, planarSeparate,
                tiled, bw, bh, offsets, counts, d.longValue(TiffTag.NEW_SUBFILE_TYPE, 0));
    }

    public boolean isReducedResolution() {
        return (subfileType & TiffTag.SUBFILE_REDUCED_RESOLUTION) != 0;
    }

    public boolean isMask() {
        return (subfileType & TiffTag.SUBFILE_MASK) != 0 || directory.longValue(TiffTag.PHOTOMETRIC, -1) == 4;
    }

    public int blocksAcross() {
        return (width + blockWidth - 1) / blockWidth;
    }

    public int blocksDown() {
        return (height + blockHeight - 1) / blockHeight;
    }

    public int blockId(int band, int blockX, int blockY) {
        int inBand = blockY * blocksAcross() + blockX;
        return planarSeparate ? band * blocksAcross() * blocksDown() + inBand : inBand;
    }

    /** Rows actually stored in block row {@code blockY}: strips end at the image; tiles are padded. */
    public int storedRows(int blockY) {
        return tiled ? blockHeight : Math.min(blockHeight, height - blockY * blockHeight);
    }

    /** Samples per pixel inside one block. */
    public int samplesPerBlockPixel() {
        return planarSeparate ? 1 : samplesPerPixel;
    }

    public int decodedBlockBytes(int blockY) {
        return blockWidth * storedRows(blockY) * samplesPerBlockPixel() * dataType.bytesPerSample();
    }
}
