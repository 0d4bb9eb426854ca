package io.radnorm.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.radnorm.raster.testing.TestData;
import java.io.IOException;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/notebooks/explore.ipynb} without running it (no PySpark here): valid nbformat 4,
 * committed without outputs, its code cells compile as Python 3, and every radnorm class, method
 * and Spark source it names exists, so a rename in Java cannot silently break it.
 */
class ExploreNotebookTest {

    static final Path NOTEBOOK = TestData.repoRoot().resolve("scripts/notebooks/explore.ipynb");
    static JsonNode notebook;
    static List<String> code = new ArrayList<>();

    @BeforeAll
    static void parse() throws IOException {
        notebook = new ObjectMapper().readTree(NOTEBOOK.toFile());
        for (JsonNode cell : notebook.get("cells")) {
            if (cell.get("cell_type").asText().equals("code")) {
                code.add(source(cell));
            }
        }
    }

    private static String source(JsonNode cell) {
        StringBuilder s = new StringBuilder();
        cell.get("source").forEach(line -> s.append(line.asText()));
        return s.toString();
    }

    @Test
    void isACleanNbformat4Notebook() {
        assertEquals(4, notebook.get("nbformat").asInt());
        assertTrue(notebook.get("nbformat_minor").isInt());
        assertEquals("python", notebook.at("/metadata/kernelspec/language").asText());
        Set<String> ids = new TreeSet<>();
        for (JsonNode cell : notebook.get("cells")) {
            String type = cell.get("cell_type").asText();
            assertTrue(type.equals("code") || type.equals("markdown"), type);
            assertTrue(cell.get("source").isArray() && cell.has("metadata"), cell.toString());
            assertTrue(ids.add(cell.get("id").asText()), "cell ids are unique");
            if (type.equals("code")) {
                assertEquals(0, cell.get("outputs").size(), "committed without outputs");
                assertTrue(cell.get("execution_count").isNull());
            }
        }
        assertTrue(code.size() >= 8, "the notebook has its code cells");
    }

    @Test
    void codeCellsCompileAsPython() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(python), "no /usr/bin/python3");
        String script = "import json, sys\n"
                + "nb = json.load(open(sys.argv[1], encoding='utf-8'))\n"
                + "for c in nb['cells']:\n"
                + "    if c['cell_type'] == 'code':\n"
                + "        compile(''.join(c['source']), c['id'], 'exec')\n"
                + "print('compiled')\n";
        Process p = new ProcessBuilder(python.toString(), "-c", script, NOTEBOOK.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals("compiled", out.strip());
    }

    @Test
    void everyJvmNameItUsesExists() {
        Matcher m = Pattern.compile("jvm\\.(io\\.radnorm(?:\\.\\w+)+)").matcher(String.join("\n", code));
        int checked = 0;
        while (m.find()) {
            checkJvmName(m.group(1));
            checked++;
        }
        assertTrue(checked >= 4, "found the notebook's JVM calls");
        // Members called on the classes bound to Python names (Pipeline.builder(), ModelTables.gains(...)).
        for (String[] call : new String[][] {
                {"io.radnorm.spark.pipeline.Pipeline", "builder", "apply", "DEFAULT_OUTPUT_TEMPLATE"},
                {"io.radnorm.spark.pipeline.Pipeline$Builder", "input", "blocks", "build"},
                {"io.radnorm.spark.pipeline.BlockLayout", "parse"},
                {"io.radnorm.spark.ModelTables", "gains", "overlaps", "blockMaps"},
                {"io.radnorm.raster.tiff.CogOptions", "defaults"}}) {
            for (int k = 1; k < call.length; k++) {
                assertTrue(String.join("\n", code).contains(call[k]), call[k] + " is used");
                checkMember(load(call[0]), call[k]);
            }
        }
    }

    @Test
    void itsSparkSourcesAreRegistered() {
        Set<String> registered = new TreeSet<>();
        java.util.ServiceLoader.load(DataSourceRegister.class).forEach(r -> registered.add(r.shortName()));
        Matcher m = Pattern.compile("format\\(\"([^\"]+)\"\\)").matcher(String.join("\n", code));
        Set<String> used = new TreeSet<>();
        while (m.find()) {
            used.add(m.group(1));
        }
        assertEquals(Set.of("radnorm-raster", "radnorm-raster.metadata"), used);
        assertTrue(registered.containsAll(used), registered.toString());
    }

    /** {@code io.radnorm.a.B.member}: the longest prefix that is a class, then a public static member. */
    private static void checkJvmName(String name) {
        String[] parts = name.split("\\.");
        for (int n = parts.length; n > 2; n--) {
            String cls = String.join(".", java.util.Arrays.copyOf(parts, n));
            Class<?> c;
            try {
                c = Class.forName(cls);
            } catch (ClassNotFoundException e) {
                continue;
            }
            int found = n;
            assertTrue(n >= parts.length - 1, () -> name + ": " + cls + " has no member " + parts[found]);
            if (n == parts.length - 1) {
                checkMember(c, parts[n]);
            }
            return;
        }
        fail("the notebook uses " + name + ", which is no radnorm class");
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no class " + name, e);
        }
    }

    private static void checkMember(Class<?> c, String member) {
        boolean found = Stream.concat(Stream.of(c.getMethods()), Stream.of(c.getFields()))
                .map(x -> (Member) x).anyMatch(x -> x.getName().equals(member) && Modifier.isPublic(x.getModifiers()));
        assertTrue(found, c.getName() + " has no public " + member);
        assertFalse(member.isEmpty());
    }
}
