package io.radnorm.spark.sql;

import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.fs.RangeReaders;
import io.radnorm.raster.fs.RasterPaths;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.spark.Errors;
import io.radnorm.spark.SerializableConfiguration;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Plans and reads the {@code radnorm-raster.metadata} source: the inputs are listed on the driver
 * and split into one partition per core (at most), whose tasks read the headers.
 */
final class MetadataScan extends PrunedBatchScan {

    /** The files one task reads the headers of. */
    record Files(List<String> paths) implements InputPartition {
    }

    private final RasterSourceOptions options;

    MetadataScan(RasterSourceOptions options) {
        super(RasterColumns.METADATA);
        this.options = options;
    }

    @Override
    public String description() {
        return RasterMetadataSource.SHORT_NAME + " [" + options.pathSpec() + "]";
    }

    @Override
    public InputPartition[] planInputPartitions() {
        SparkSession spark = SparkSession.active();
        List<String> paths;
        try {
            paths = RasterPaths.resolve(options.pathSpec(), options.hadoopConfiguration(spark));
        } catch (IOException e) {
            throw new IllegalArgumentException(Errors.oneLine(e, null), e);
        }
        int slices = Math.max(1, Math.min(paths.size(), spark.sparkContext().defaultParallelism()));
        List<InputPartition> out = new ArrayList<>();
        for (int s = 0; s < slices; s++) {
            // Contiguous slices keep the rows in input order.
            out.add(new Files(List.copyOf(paths.subList(s * paths.size() / slices, (s + 1) * paths.size() / slices))));
        }
        return out.toArray(InputPartition[]::new);
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        return new HeaderReaderFactory(new SerializableConfiguration(
                options.hadoopConfiguration(SparkSession.active())), readSchema().fieldNames());
    }

    private record HeaderReaderFactory(SerializableConfiguration conf, String[] columns)
            implements PartitionReaderFactory {

        @Override
        public PartitionReader<InternalRow> createReader(InputPartition partition) {
            List<String> paths = ((Files) partition).paths();
            return new PartitionReader<>() {
                private int next = -1;

                @Override
                public boolean next() {
                    return ++next < paths.size();
                }

                @Override
                public InternalRow get() {
                    return row(paths.get(next), conf.get(), columns);
                }

                @Override
                public void close() {
                }
            };
        }
    }

    static InternalRow row(String path, Configuration conf, String[] columns) {
        RasterInfo info;
        int overviews;
        long size;
        try (GeoTiffReader r = GeoTiffReader.open(path, conf)) {
            info = r.info();
            overviews = r.overviewCount();
            size = RangeReaders.identify(path, conf).length();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(Errors.oneLine(e, path), e);
        }
        GeoTransform gt = info.geoTransform();
        Object[] values = new Object[columns.length];
        for (int c = 0; c < columns.length; c++) {
            values[c] = switch (columns[c]) {
                case "path" -> UTF8String.fromString(info.location());
                case "name" -> UTF8String.fromString(info.name());
                case "width" -> info.width();
                case "height" -> info.height();
                case "bands" -> info.bandCount();
                case "dataType" -> UTF8String.fromString(info.dataType().gdalName());
                case "crs" -> RasterColumns.crs(info) == null ? null : UTF8String.fromString(RasterColumns.crs(info));
                case "bounds" -> RasterColumns.boundsRow(info.bounds());
                case "pixelWidth" -> gt == null ? null : gt.pixelWidth();
                case "pixelHeight" -> gt == null ? null : gt.pixelHeight();
                case "nodata" -> info.nodata();
                case "tileWidth" -> info.layout().blockWidth();
                case "tileHeight" -> info.layout().blockHeight();
                case "compression" -> UTF8String.fromString(info.layout().compression().name());
                case "overviews" -> overviews;
                case "sizeBytes" -> size;
                default -> throw new IllegalStateException("no column " + columns[c]);
            };
        }
        return new GenericInternalRow(values);
    }
}
