package io.radnorm.raster.fs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Local-disk output: written to a hidden temporary sibling, fsync'ed, then renamed over the
 * target with {@link StandardCopyOption#ATOMIC_MOVE}, which on POSIX is {@code rename(2)}: a
 * reader sees either the old file or the complete new one, never a partial file.
 *
 * <p>The temporary file is created with the process's usual permissions (not
 * {@code Files.createTempFile}'s owner-only ones), since it becomes the output. Missing parent
 * directories are created, as Hadoop's {@code create} does.
 *
 * <p>With {@code overwrite=false} the target's absence is checked when the output is created and
 * again just before the rename; a file created by someone else between that last check and the
 * rename would be replaced.
 */
final class LocalPendingOutput implements PendingOutput {

    private final String location;
    private final Path target;
    private final Path temporary;
    private final boolean overwrite;
    private final FileChannel channel;
    private final OutputStream stream;

    private LocalPendingOutput(String location, Path target, Path temporary, boolean overwrite,
            FileChannel channel) {
        this.location = location;
        this.target = target;
        this.temporary = temporary;
        this.overwrite = overwrite;
        this.channel = channel;
        this.stream = Channels.newOutputStream(channel);
    }

    @Override
    public FileChannel fileChannel() {
        return channel;
    }

    static LocalPendingOutput create(String location, Path file, boolean overwrite)
            throws IOException {
        Path target = file.toAbsolutePath().normalize();
        Path dir = target.getParent();
        if (dir == null) {
            throw new IOException(location + ": not a file path");
        }
        if (Files.isDirectory(target)) {
            throw new IOException(location + ": is a directory");
        }
        if (!overwrite) {
            requireAbsent(location, target);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException(location + ": cannot create parent directory " + dir + ": " + e, e);
        }
        Path temporary = dir.resolve(TemporarySiblings.nameFor(target.getFileName().toString()));
        FileChannel channel;
        try {
            channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(location, null, "directory " + dir + " is not writable");
        } catch (IOException e) {
            throw new IOException(location + ": cannot create a file in " + dir + ": " + e, e);
        }
        return new LocalPendingOutput(location, target, temporary, overwrite, channel);
    }

    private static void requireAbsent(String location, Path target) throws FileAlreadyExistsException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(location, null, "already exists and overwrite is false");
        }
    }

    @Override
    public OutputStream stream() {
        return stream;
    }

    @Override
    public void publish() throws IOException {
        // Data on disk before the rename makes it visible: after a crash, the target is either
        // the old file or the complete new one, not an empty file under the new name.
        channel.force(true);
        channel.close();
        if (!overwrite) {
            requireAbsent(location, target);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IOException(location + ": cannot rename " + temporary.getFileName() + " to it: " + e, e);
        }
    }

    @Override
    public void discard() throws IOException {
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public String toString() {
        return "local " + target + " via " + temporary.getFileName();
    }
}
