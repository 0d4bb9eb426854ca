package io.radnorm.raster.fs;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Turns what a user types after {@code --input} into the list of raster URIs a job works on.
 *
 * <p>Accepted forms, on any Hadoop file system (local, {@code s3a://}, {@code hdfs://}):
 * <ul>
 *   <li>a comma-separated list of any of the forms below;</li>
 *   <li>a folder: its {@code .tif}/{@code .tiff} files (not recursive);</li>
 *   <li>a glob ({@code s3a://bucket/scenes/*_B4.tif}), as Hadoop's {@code globStatus} expands it;</li>
 *   <li>{@code @list.txt} or a {@code .txt}/{@code .lst} file: one URI per line, {@code #} comments;</li>
 *   <li>a single file.</li>
 * </ul>
 * Each form's matches are sorted by path so runs are reproducible; duplicates are dropped. A form
 * that matches nothing is an error naming it: a job silently run on zero images helps nobody.
 */
public final class RasterPaths {

    private RasterPaths() {
    }

    public static List<String> resolve(String spec, Configuration conf) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (!p.isEmpty()) {
                out.addAll(resolveOne(p, conf));
            }
        }
        if (out.isEmpty()) {
            throw new FileNotFoundException("--input '" + spec + "' names no raster");
        }
        return new ArrayList<>(out);
    }

    private static List<String> resolveOne(String spec, Configuration conf) throws IOException {
        String lower = spec.toLowerCase(Locale.ROOT);
        if (spec.startsWith("@") || lower.endsWith(".txt") || lower.endsWith(".lst")) {
            return readList(spec.startsWith("@") ? spec.substring(1) : spec, conf);
        }
        Path path = new Path(spec);
        FileSystem fs = path.getFileSystem(conf);
        if (spec.matches(".*[*?\\[{].*")) {
            FileStatus[] matches = fs.globStatus(path);
            if (matches == null || matches.length == 0) {
                throw new FileNotFoundException(spec + ": the pattern matches no file");
            }
            return sortedFiles(spec, matches, false);
        }
        FileStatus status;
        try {
            status = fs.getFileStatus(path);
        } catch (FileNotFoundException e) {
            throw new FileNotFoundException(spec + ": no such file or folder");
        }
        if (status.isDirectory()) {
            List<String> files = sortedFiles(spec, fs.listStatus(path), true);
            if (files.isEmpty()) {
                throw new FileNotFoundException(spec + ": the folder holds no .tif or .tiff file");
            }
            return files;
        }
        return List.of(spec);
    }

    private static List<String> sortedFiles(String spec, FileStatus[] statuses, boolean tiffOnly) {
        String scheme = new Path(spec).toUri().getScheme();
        List<String> files = new ArrayList<>();
        Arrays.stream(statuses).filter(FileStatus::isFile).forEach(s -> {
            String name = s.getPath().getName().toLowerCase(Locale.ROOT);
            if (!tiffOnly || name.endsWith(".tif") || name.endsWith(".tiff")) {
                // Keep local paths as plain paths (no "file:" prefix) so names print as typed.
                files.add(scheme == null ? Path.getPathWithoutSchemeAndAuthority(s.getPath()).toString()
                        : s.getPath().toString());
            }
        });
        files.sort(null);
        return files;
    }

    private static List<String> readList(String listUri, Configuration conf) throws IOException {
        Path path = new Path(listUri);
        FileSystem fs = path.getFileSystem(conf);
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(path), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    out.add(s);
                }
            }
        } catch (FileNotFoundException e) {
            throw new FileNotFoundException(listUri + ": no such list file");
        }
        if (out.isEmpty()) {
            throw new FileNotFoundException(listUri + ": the list names no raster");
        }
        return out;
    }
}
