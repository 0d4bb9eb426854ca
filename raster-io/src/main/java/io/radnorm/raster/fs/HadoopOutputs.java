package io.radnorm.raster.fs;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Chooses how to write a file atomically on a Hadoop file system, and the checks both ways share.
 *
 * <p>The choice is by capability, not by scheme: a file system whose output streams are
 * {@linkplain #ABORTABLE_STREAM abortable} for the target publishes an object only when its
 * stream is closed (that is what makes abort meaningful), so it is written directly
 * ({@link DirectPendingOutput}); S3A declares this since Hadoop 3.3.1. Every other file system gets
 * a temporary file and a rename ({@link RenamingPendingOutput}).
 */
final class HadoopOutputs {

    /** {@code StreamCapabilities.ABORTABLE_STREAM} / {@code CommonPathCapabilities.ABORTABLE_STREAM}. */
    static final String ABORTABLE_STREAM = "fs.capability.outputstream.abortable";

    private HadoopOutputs() {
    }

    /** Starts an atomic output to {@code uri} on the Hadoop file system of its scheme. */
    static PendingOutput create(String uri, Configuration conf, boolean overwrite) throws IOException {
        Path path = new Path(uri);
        FileSystemLease lease = FileSystemLease.of(path, conf);
        try {
            Path target = lease.fs().makeQualified(path);
            if (target.getParent() == null) {
                throw new IOException(uri + ": not a file path");
            }
            return lease.fs().hasPathCapability(target, ABORTABLE_STREAM)
                    ? DirectPendingOutput.create(uri, lease, target, overwrite)
                    : RenamingPendingOutput.create(uri, lease, target, overwrite);
        } catch (IOException | RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /** Fails, naming {@code uri}, if the target is a directory, or exists and may not be replaced. */
    static void checkTarget(String uri, FileSystem fs, Path target, boolean overwrite)
            throws IOException {
        FileStatus existing = HadoopFiles.statusOrNull(fs, target, uri);
        if (existing == null) {
            return;
        }
        if (existing.isDirectory()) {
            throw new FileAlreadyExistsException(uri, null, "is a directory");
        }
        if (!overwrite) {
            throw new FileAlreadyExistsException(uri, null, "already exists and overwrite is false");
        }
    }
}
