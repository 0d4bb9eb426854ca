package io.radnorm.spark.sql;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** A read-only, batch-only table of a fixed schema; the scan does the work. Lives on the driver. */
final class BatchTable implements Table, SupportsRead {

    private final String name;
    private final StructType schema;
    private final Supplier<ScanBuilder> scans;

    BatchTable(String name, StructType schema, Supplier<ScanBuilder> scans) {
        this.name = name;
        this.schema = schema;
        this.scans = scans;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public Set<TableCapability> capabilities() {
        return EnumSet.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
        return scans.get();
    }
}
