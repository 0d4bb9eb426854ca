package io.radnorm.raster.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AtomicOutput on local disk, through java.nio and through Hadoop's rename path. */
class AtomicOutputTest {

    @TempDir
    Path dir;
    private final Configuration conf = new Configuration();

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void fileAppearsOnlyAtCommit() throws IOException {
        Path target = dir.resolve("out.tif");
        try (AtomicOutput out = AtomicOutput.create(target.toString(), conf, false)) {
            TestBytes.write(out.stream(), 500_000);
            out.stream().close(); // closing the stream only flushes
            assertFalse(Files.exists(target), "not visible before commit");
            List<String> during = names();
            assertEquals(1, during.size(), during.toString());
            assertTrue(during.get(0).startsWith(".out.tif.radnorm-tmp-"), during.toString());
            assertTrue(TemporarySiblings.isTemporary(during.get(0)));
            out.commit();
            assertTrue(out.isCommitted());
        }
        assertArrayEquals(TestBytes.range(0, 500_000), Files.readAllBytes(target));
        assertEquals(List.of("out.tif"), names(), "no temporary file left");
    }

    @Test
    void closeWithoutCommitLeavesNothing() throws IOException {
        Path target = dir.resolve("aborted.tif");
        try (AtomicOutput out = AtomicOutput.create("file:" + target, conf, true)) {
            out.stream().write("partial".getBytes(StandardCharsets.US_ASCII));
            out.stream().flush();
        }
        assertEquals(List.of(), names(), "neither target nor temporary sibling");
    }

    @Test
    void abortKeepsTheExistingTarget() throws IOException {
        Path target = dir.resolve("keep.tif");
        Files.writeString(target, "old");
        try (AtomicOutput out = AtomicOutput.create(target.toString(), conf, true)) {
            out.stream().write("new".getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("keep.tif"), names());
    }

    @Test
    void overwriteReplacesTheTarget() throws IOException {
        Path target = dir.resolve("replace.tif");
        Files.writeString(target, "old contents, longer");
        try (AtomicOutput out = AtomicOutput.create(target.toString(), conf, true)) {
            out.stream().write("new".getBytes(StandardCharsets.US_ASCII));
            assertEquals("old contents, longer", Files.readString(target));
            out.commit();
        }
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("replace.tif"), names());
    }

    @Test
    void existingTargetWithoutOverwriteFailsNamingIt() throws IOException {
        Path target = dir.resolve("exists.tif");
        Files.writeString(target, "old");
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> AtomicOutput.create(target.toString(), conf, false));
        assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("exists.tif"), names(), "nothing left behind");
    }

    @Test
    void uncreatableDirectoryFailsNamingThePath() throws IOException {
        Files.writeString(dir.resolve("plain-file"), "x");
        String uri = dir.resolve("plain-file").resolve("sub").resolve("out.tif").toString();
        IOException e = assertThrows(IOException.class, () -> AtomicOutput.create(uri, conf, true));
        assertTrue(e.getMessage().startsWith(uri + ": "), e.getMessage());
        assertEquals(List.of("plain-file"), names());
    }

    @Test
    void parentDirectoriesAreCreated() throws IOException {
        Path target = dir.resolve("a").resolve("b").resolve("out.tif");
        try (AtomicOutput out = AtomicOutput.create(target.toString(), conf, false)) {
            out.stream().write(1);
            out.commit();
        }
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(target));
    }

    @Test
    void commitAfterAFailedWriteRefusesAndAborts() throws IOException {
        Path target = dir.resolve("failed.tif");
        AtomicOutput out = AtomicOutput.create(target.toString(), conf, false);
        OutputStream s = out.stream();
        s.write(1);
        out.close(); // abort
        assertThrows(IOException.class, () -> s.write(new byte[10]));
        assertThrows(IllegalStateException.class, out::commit);
        assertEquals(List.of(), names());
    }

    @Test
    void hadoopRenamePathWorksOnHadoopsLocalFileSystem() throws IOException {
        // Forced through HadoopOutputs: Hadoop's local file system has a rename and no abortable streams.
        Path target = dir.resolve("hadoop.tif");
        String uri = "file://" + target;
        PendingOutput pending = HadoopOutputs.create(uri, conf, false);
        assertTrue(pending instanceof RenamingPendingOutput, pending.toString());
        pending.stream().write(new byte[] {7, 8, 9});
        assertFalse(Files.exists(target));
        pending.publish();
        assertArrayEquals(new byte[] {7, 8, 9}, Files.readAllBytes(target));

        assertThrows(FileAlreadyExistsException.class, () -> HadoopOutputs.create(uri, conf, false));
        PendingOutput aborted = HadoopOutputs.create(uri, conf, true);
        aborted.stream().write(new byte[] {1});
        aborted.discard();
        assertArrayEquals(new byte[] {7, 8, 9}, Files.readAllBytes(target));
        // Hadoop's checksummed local FS writes .crc siblings; no data file but the target remains.
        assertEquals(List.of(".hadoop.tif.crc", "hadoop.tif"), names());
    }
}
