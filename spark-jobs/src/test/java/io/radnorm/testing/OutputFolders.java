package io.radnorm.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What a job left in an output folder, leaving out its run state ({@code _radnorm/}: manifest, saved model). */
public final class OutputFolders {

    public static final String RUN_STATE = "_radnorm";

    private OutputFolders() {
    }

    /** Every file and folder under {@code folder} (sorted), except the run state; empty when it does not exist. */
    public static List<Path> entries(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(p -> !p.equals(folder) && !folder.relativize(p).startsWith(RUN_STATE)).sorted().toList();
        }
    }

    /** The regular files among {@link #entries}. */
    public static List<Path> files(Path folder) throws IOException {
        return entries(folder).stream().filter(Files::isRegularFile).toList();
    }
}
