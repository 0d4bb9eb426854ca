package io.radnorm.raster.fs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.hadoop.conf.Configuration;

/**
 * Opens {@link RangeReader}s by URI: the one entry point through which raster-io reads files.
 *
 * <p>Local paths (no scheme, or {@code file:}) get a {@link LocalRangeReader}: plain
 * {@code pread}s, no Hadoop in the way. Anything else ({@code s3a://}, {@code hdfs://},
 * {@code abfs://}, ...) gets a {@link HadoopRangeReader} on the file system that
 * {@code new Path(uri).getFileSystem(conf)} returns, so every store Hadoop is configured for works.
 */
public final class RangeReaders {

    private RangeReaders() {
    }

    /**
     * Opens a reader on {@code uri}.
     *
     * @param conf Hadoop configuration for remote URIs (credentials, endpoints); unused for local
     * @throws FileNotFoundException "&lt;uri&gt;: no such file" if there is no file there
     */
    public static RangeReader open(String uri, Configuration conf) throws IOException {
        Path local = LocalPaths.toLocalPath(uri);
        if (local != null) {
            return LocalRangeReader.open(local, uri);
        }
        return HadoopRangeReader.open(uri, conf);
    }

    /** Whether {@code uri} is read from local disk directly (no scheme, or {@code file:}). */
    public static boolean isLocal(String uri) {
        return LocalPaths.toLocalPath(uri) != null;
    }

    /** Wraps {@code reader} to count its requests and bytes; see {@link CountingRangeReader}. */
    public static CountingRangeReader counting(RangeReader reader) {
        return new CountingRangeReader(reader);
    }

    /**
     * The current identity (qualified URI, length, modification time) of the file at {@code uri},
     * one status call, no read.
     *
     * @throws FileNotFoundException "&lt;uri&gt;: no such file" if there is no file there
     */
    public static FileIdentity identify(String uri, Configuration conf) throws IOException {
        Path local = LocalPaths.toLocalPath(uri);
        if (local != null) {
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(local, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                FileNotFoundException fnf = new FileNotFoundException(uri + ": no such file");
                fnf.initCause(e);
                throw fnf;
            }
            if (attrs.isDirectory()) {
                throw new FileNotFoundException(uri + ": is a directory, not a file");
            }
            return new FileIdentity(LocalPaths.qualified(local), attrs.size(),
                    attrs.lastModifiedTime().toMillis());
        }
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
        try (FileSystemLease lease = FileSystemLease.of(path, conf)) {
            return FileIdentity.of(HadoopFiles.fileStatus(lease.fs(), path, uri));
        }
    }
}
