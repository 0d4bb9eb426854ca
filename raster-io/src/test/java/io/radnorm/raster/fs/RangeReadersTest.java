package io.radnorm.raster.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RangeReadersTest {

    @TempDir
    Path dir;
    private final Configuration conf = new Configuration();

    private Path write(String name, int length) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            TestBytes.write(out, length);
        }
        return file;
    }

    @Test
    void missingFileIsFileNotFoundNamingIt() {
        String uri = dir.resolve("absent.tif").toString();
        FileNotFoundException e = assertThrows(FileNotFoundException.class, () -> RangeReaders.open(uri, conf));
        assertEquals(uri + ": no such file", e.getMessage());

        String fileUri = "file://" + dir.resolve("also-absent.tif");
        e = assertThrows(FileNotFoundException.class, () -> RangeReaders.open(fileUri, conf));
        assertEquals(fileUri + ": no such file", e.getMessage());
    }

    @Test
    void plainPathsAndFileUrisAreReadLocallyOtherSchemesThroughHadoop() throws IOException {
        Path file = write("a b.bin", 1000);
        for (String uri : new String[] {file.toString(), "file:" + file, "file://" + file}) {
            assertTrue(RangeReaders.isLocal(uri), uri);
            try (RangeReader r = RangeReaders.open(uri, conf)) {
                assertInstanceOf(LocalRangeReader.class, r, uri);
                assertEquals(uri, r.location());
                assertArrayEquals(TestBytes.range(990, 10), r.read(990, 10));
            }
        }
        assertFalse(RangeReaders.isLocal("s3a://bucket/a.tif"));
        assertFalse(RangeReaders.isLocal("hdfs://nn:8020/a.tif"));
    }

    @Test
    void countingReaderCountsRequestsAndBytes() throws IOException {
        Path file = write("c.bin", 10_000);
        try (CountingRangeReader r = RangeReaders.counting(RangeReaders.open(file.toString(), conf))) {
            r.read(0, 100);
            r.read(5000, 2000);
            assertEquals(2, r.requests());
            assertEquals(2100, r.bytesRead());
            assertThrows(IOException.class, () -> r.read(9999, 2));
            assertEquals(3, r.requests(), "a failed request is still a request");
            assertEquals(2100, r.bytesRead(), "but brought no bytes");
            r.reset();
            assertEquals(0, r.requests());
            assertEquals(0, r.bytesRead());
        }
    }

    @Test
    void identityIsQualifiedAndNoticesARewrite() throws IOException {
        Path file = write("id.bin", 1000);
        FileIdentity plain = RangeReaders.identify(file.toString(), conf);
        FileIdentity viaUri = RangeReaders.identify("file://" + file, conf);
        assertEquals(plain, viaUri, "two spellings of one file give one key");
        assertEquals("file:" + file, plain.uri());
        assertEquals(1000, plain.length());

        // Same length, later modification time: a different version.
        Files.setLastModifiedTime(file, FileTime.fromMillis(plain.modificationTime() + 5000));
        FileIdentity touched = RangeReaders.identify(file.toString(), conf);
        assertNotEquals(plain, touched);

        write("id.bin", 1001);
        assertEquals(1001, RangeReaders.identify(file.toString(), conf).length());

        assertThrows(FileNotFoundException.class, () -> RangeReaders.identify(dir.resolve("none").toString(), conf));
    }

    @Test
    void directoryIsNotAFile() {
        FileNotFoundException e = assertThrows(FileNotFoundException.class,
                () -> RangeReaders.open(dir.toString(), conf));
        assertTrue(e.getMessage().startsWith(dir.toString()), e.getMessage());
    }
}
