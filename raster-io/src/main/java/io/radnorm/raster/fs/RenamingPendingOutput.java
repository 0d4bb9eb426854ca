package io.radnorm.raster.fs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * Output to a Hadoop file system with a real rename (HDFS, ABFS with hierarchical namespace, ...):
 * written to a hidden temporary sibling, then renamed to the target, which on those stores is an
 * atomic metadata operation.
 *
 * <p>{@code FileSystem.rename} does not replace an existing file, so with {@code overwrite} the
 * old target is deleted first: between that delete and the rename the target is briefly absent
 * (never partial). {@code FileContext}'s atomic rename-with-overwrite would avoid that on HDFS but
 * is not available for every file system.
 */
final class RenamingPendingOutput implements PendingOutput {

    private final String location;
    private final FileSystemLease lease;
    private final Path target;
    private final Path temporary;
    private final boolean overwrite;
    private final FSDataOutputStream stream;

    private RenamingPendingOutput(String location, FileSystemLease lease, Path target,
            Path temporary, boolean overwrite, FSDataOutputStream stream) {
        this.location = location;
        this.lease = lease;
        this.target = target;
        this.temporary = temporary;
        this.overwrite = overwrite;
        this.stream = stream;
    }

    /** Starts writing; takes over {@code lease} (closing it when done, if it owns it). */
    static RenamingPendingOutput create(String location, FileSystemLease lease, Path target,
            boolean overwrite) throws IOException {
        HadoopOutputs.checkTarget(location, lease.fs(), target, overwrite);
        Path temporary = new Path(target.getParent(), TemporarySiblings.nameFor(target.getName()));
        FSDataOutputStream stream;
        try {
            stream = lease.fs().create(temporary, false);
        } catch (IOException e) {
            throw new IOException(location + ": cannot create a file in " + target.getParent()
                    + ": " + e.getMessage(), e);
        }
        return new RenamingPendingOutput(location, lease, target, temporary, overwrite, stream);
    }

    @Override
    public OutputStream stream() {
        return stream;
    }

    @Override
    public void publish() throws IOException {
        try {
            stream.close();
            FileStatus existing = HadoopFiles.statusOrNull(lease.fs(), target, location);
            if (existing != null) {
                if (!overwrite || existing.isDirectory()) {
                    throw new FileAlreadyExistsException(location, null, existing.isDirectory()
                            ? "is a directory" : "already exists and overwrite is false");
                }
                lease.fs().delete(target, false);
            }
            if (!lease.fs().rename(temporary, target)) {
                throw new IOException(location + ": rename of " + temporary.getName() + " to it failed");
            }
        } finally {
            lease.close();
        }
    }

    @Override
    public void discard() throws IOException {
        try {
            try {
                stream.close();
            } finally {
                lease.fs().delete(temporary, false);
            }
        } finally {
            lease.close();
        }
    }

    @Override
    public String toString() {
        return "rename " + temporary + " to " + target;
    }
}
