package io.radnorm.raster.fs;

import java.io.Closeable;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A Hadoop {@link FileSystem} obtained for one reader or writer, and whether that user must close
 * it.
 *
 * <p>{@link Path#getFileSystem} normally returns a JVM-wide cached instance shared by everyone
 * (Spark included); closing it would break them, so a lease on a cached instance closes nothing.
 * With {@code fs.<scheme>.impl.disable.cache=true} (tests do this, so that each test server gets
 * its own S3A client) every call creates a new instance with its own thread pools and connection
 * pool, which nobody else holds: then the lease owns it and closes it, or it would leak.
 */
record FileSystemLease(FileSystem fs, boolean owned) implements Closeable {

    /** The file system of {@code path} under {@code conf}. */
    static FileSystemLease of(Path path, Configuration conf) throws IOException {
        FileSystem fs = path.getFileSystem(conf);
        String scheme = fs.getUri().getScheme();
        boolean uncached = scheme != null
                && conf.getBoolean("fs." + scheme + ".impl.disable.cache", false);
        return new FileSystemLease(fs, uncached);
    }

    @Override
    public void close() throws IOException {
        if (owned) {
            fs.close();
        }
    }
}
