package io.radnorm.spark.sql;

import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.types.StructType;

/**
 * A batch scan that is its own builder and batch, and keeps the columns Spark asks for: the readers
 * fill only {@link #readSchema()}'s columns, so a query that never uses the pixels decodes none.
 */
abstract class PrunedBatchScan implements SupportsPushDownRequiredColumns, Scan, Batch {

    private StructType schema;

    PrunedBatchScan(StructType fullSchema) {
        this.schema = fullSchema;
    }

    @Override
    public void pruneColumns(StructType required) {
        schema = required;
    }

    @Override
    public Scan build() {
        return this;
    }

    @Override
    public StructType readSchema() {
        return schema;
    }

    @Override
    public Batch toBatch() {
        return this;
    }
}
