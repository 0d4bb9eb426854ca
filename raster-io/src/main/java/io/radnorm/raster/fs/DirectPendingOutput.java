package io.radnorm.raster.fs;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.fs.Abortable;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Output to an object store whose objects appear only when their stream is closed (S3A):
 * written straight to the final key, published by {@code close()}, withdrawn by
 * {@link Abortable#abort()}.
 *
 * <p>Why not a temporary object and a rename: on S3 a rename is a server-side copy plus a delete,
 * so it costs time proportional to the size and is not atomic, while the upload itself already is:
 * S3A buffers blocks (or uploads them as parts of a multipart upload) and the object becomes
 * visible, entirely and at once, only when {@code close()} completes the PUT or the multipart
 * upload. An existing object stays visible, unchanged, until then. {@code abort()} (Hadoop
 * 3.3.1+) cancels the upload so nothing is published; an upload killed with its JVM leaves an
 * invisible pending multipart upload, which a bucket lifecycle rule or
 * {@code fs.s3a.multipart.purge} cleans up.
 *
 * <p>With {@code overwrite=false} the key's absence is checked when writing starts; S3A's PUT is
 * not conditional, so a concurrent writer of the same key can still win.
 */
final class DirectPendingOutput implements PendingOutput {

    private static final Logger LOG = LoggerFactory.getLogger(DirectPendingOutput.class);

    private final String location;
    private final FileSystemLease lease;
    private final FSDataOutputStream stream;

    private DirectPendingOutput(String location, FileSystemLease lease, FSDataOutputStream stream) {
        this.location = location;
        this.lease = lease;
        this.stream = stream;
    }

    /**
     * Starts writing; takes over {@code lease} (closing it when done, if it owns it). Only for
     * file systems that declare {@link HadoopOutputs#ABORTABLE_STREAM} for the target.
     */
    static DirectPendingOutput create(String location, FileSystemLease lease, Path target,
            boolean overwrite) throws IOException {
        HadoopOutputs.checkTarget(location, lease.fs(), target, overwrite);
        FSDataOutputStream stream;
        try {
            stream = lease.fs().create(target, overwrite);
        } catch (IOException e) {
            throw new IOException(location + ": cannot create: " + e.getMessage(), e);
        }
        return new DirectPendingOutput(location, lease, stream);
    }

    @Override
    public OutputStream stream() {
        return stream;
    }

    @Override
    public void publish() throws IOException {
        try {
            stream.close();
        } catch (IOException e) {
            throw new IOException(location + ": upload failed: " + e.getMessage(), e);
        } finally {
            lease.close();
        }
    }

    @Override
    public void discard() throws IOException {
        try {
            Abortable.AbortableResult result = stream.abort();
            if (result.anyCleanupException() != null) {
                // The object was not published; only the clean-up of uploaded parts failed.
                LOG.warn("{}: output aborted, but cleaning up its upload failed", location,
                        result.anyCleanupException());
            }
        } finally {
            lease.close();
        }
    }

    @Override
    public String toString() {
        return "direct write of " + location;
    }
}
