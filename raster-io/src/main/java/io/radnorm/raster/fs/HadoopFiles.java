package io.radnorm.raster.fs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Status look-ups on a Hadoop file system, with errors that name the URI the caller gave. */
final class HadoopFiles {

    private HadoopFiles() {
    }

    /**
     * The status of a regular file.
     *
     * @throws FileNotFoundException "&lt;uri&gt;: no such file" if absent or a directory
     */
    static FileStatus fileStatus(FileSystem fs, Path path, String uri) throws IOException {
        FileStatus status = statusOrNull(fs, path, uri);
        if (status == null) {
            throw new FileNotFoundException(uri + ": no such file");
        }
        if (status.isDirectory()) {
            throw new FileNotFoundException(uri + ": is a directory, not a file");
        }
        return status;
    }

    /**
     * "&lt;uri&gt;: access denied (...)": S3A's own message repeats the path twice and the whole
     * AWS error; the cause keeps it.
     */
    static AccessDeniedException accessDenied(String uri, AccessDeniedException e) {
        AccessDeniedException denied = new AccessDeniedException(uri, null,
                "access denied (HTTP 403: no permission to read it, or wrong credentials)");
        denied.initCause(e);
        return denied;
    }

    /** The status of {@code path}, or null if nothing is there. */
    static FileStatus statusOrNull(FileSystem fs, Path path, String uri) throws IOException {
        try {
            return fs.getFileStatus(path);
        } catch (FileNotFoundException e) {
            return null;
        } catch (AccessDeniedException e) {
            throw accessDenied(uri, e);
        } catch (IOException e) {
            throw new IOException(uri + ": cannot get file status: " + e.getMessage(), e);
        }
    }
}
