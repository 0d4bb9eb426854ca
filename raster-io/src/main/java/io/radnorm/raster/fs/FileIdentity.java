package io.radnorm.raster.fs;

import java.io.Serializable;
import java.util.Objects;
import org.apache.hadoop.fs.FileStatus;

/**
 * Which version of a file: its qualified URI, length and modification time.
 *
 * <p>Used as a cache key (parsed headers, decoded tiles) that goes stale by itself when a file is
 * rewritten under the same name, as a re-run job does: the rewrite changes the modification time
 * and usually the length. The URI is the qualified form ({@code file:/data/a.tif},
 * {@code s3a://bucket/a.tif}), so two spellings of one path give one key.
 *
 * <p>Limit: stores with a coarse clock (S3's Last-Modified has one-second resolution) do not
 * tell apart two same-length writes within one clock tick.
 *
 * @param uri the file's qualified URI
 * @param length its size in bytes
 * @param modificationTime its modification time, milliseconds since the epoch
 */
public record FileIdentity(String uri, long length, long modificationTime) implements Serializable {

    private static final long serialVersionUID = 1L;

    public FileIdentity {
        Objects.requireNonNull(uri, "uri");
        if (length < 0) {
            throw new IllegalArgumentException(uri + ": negative length " + length);
        }
    }

    /** The identity of the file that {@code status} describes. */
    public static FileIdentity of(FileStatus status) {
        return new FileIdentity(status.getPath().toString(), status.getLen(),
                status.getModificationTime());
    }
}
