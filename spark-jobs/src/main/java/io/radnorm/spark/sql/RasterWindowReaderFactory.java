package io.radnorm.spark.sql;

import io.radnorm.raster.Raster;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.Window;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.raster.tiff.SampleBytes;
import io.radnorm.spark.Errors;
import io.radnorm.spark.SerializableConfiguration;
import java.io.IOException;
import java.nio.ByteOrder;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Reads the windows of a {@link RasterWindowPartition} on an executor, one window per row, filling
 * only the columns the query asked for: the pixels are decoded only when {@code bands} is among them.
 */
final class RasterWindowReaderFactory implements PartitionReaderFactory {

    private final SerializableConfiguration conf;
    private final String[] columns;
    private final boolean binary;

    RasterWindowReaderFactory(SerializableConfiguration conf, String[] columns, boolean binary) {
        this.conf = conf;
        this.columns = columns;
        this.binary = binary;
    }

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
        return new WindowReader((RasterWindowPartition) partition);
    }

    private final class WindowReader implements PartitionReader<InternalRow> {

        private final RasterWindowPartition part;
        private final RasterInfo info;
        private final boolean readsPixels;
        private GeoTiffReader reader;
        private int next = -1;

        WindowReader(RasterWindowPartition part) {
            this.part = part;
            this.info = part.info();
            this.readsPixels = java.util.Arrays.asList(columns).contains("bands");
        }

        @Override
        public boolean next() throws IOException {
            next = next < 0 ? part.first() : next + 1;
            return next < part.first() + part.count();
        }

        @Override
        public InternalRow get() {
            Window w = part.grid().window(next);
            Raster pixels = readsPixels ? read(w) : null;
            Object[] values = new Object[columns.length];
            for (int c = 0; c < columns.length; c++) {
                values[c] = switch (columns[c]) {
                    case "path" -> UTF8String.fromString(info.location());
                    case "name" -> UTF8String.fromString(info.name());
                    case "x" -> part.grid().column(next);
                    case "y" -> part.grid().row(next);
                    case "bounds" -> RasterColumns.boundsRow(RasterColumns.bounds(info, w));
                    case "crs" -> part.crs() == null ? null : UTF8String.fromString(part.crs());
                    case "width" -> w.width();
                    case "height" -> w.height();
                    case "bands" -> binary ? bytes(pixels) : doubles(pixels);
                    case "dataType" -> UTF8String.fromString(info.dataType().gdalName());
                    case "nodata" -> info.nodata();
                    default -> throw new IllegalStateException("no column " + columns[c]);
                };
            }
            return new GenericInternalRow(values);
        }

        private Raster read(Window w) {
            try {
                if (reader == null) {
                    reader = GeoTiffReader.open(info.location(), conf.get());
                }
                return reader.read(w, part.bands());
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException(Errors.oneLine(e, info.location()) + " (window " + w + ")", e);
            }
        }

        /** One row-major {@code double[]} per band. */
        private static GenericArrayData doubles(Raster r) {
            Object[] bands = new Object[r.bandCount()];
            for (int b = 0; b < bands.length; b++) {
                bands[b] = UnsafeArrayData.fromPrimitiveArray(r.bandAsDoubles(b));
            }
            return new GenericArrayData(bands);
        }

        /** One little-endian byte string per band, in the file's data type. */
        private static GenericArrayData bytes(Raster r) {
            int n = r.pixelsPerBand(), size = r.dataType().bytesPerSample();
            Object[] bands = new Object[r.bandCount()];
            for (int b = 0; b < bands.length; b++) {
                byte[] out = new byte[n * size];
                SampleBytes.write(r.data(), b * n, n, r.dataType(), out, 0, 1, ByteOrder.LITTLE_ENDIAN);
                bands[b] = out;
            }
            return new GenericArrayData(bands);
        }

        @Override
        public void close() throws IOException {
            if (reader != null) {
                reader.close();
            }
        }
    }
}
